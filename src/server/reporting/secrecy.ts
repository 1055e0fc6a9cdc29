import type { Figure, IndicatorResult, ResultTable } from '../../shared/reporting/reporting.schema.ts'

// Statistical secrecy of published outputs (PDF, spreadsheet, export marked public). Internal screens show everything.
//
// Primary suppression: a count between 1 and threshold − 1 is hidden (0 is shown: nobody is described by it).
// Secondary suppression: a table's totals are linear equations (a total = the sum of its parts). An equation with one
// hidden member gives it back by subtraction, so another member of it is hidden too, until every equation has zero
// or at least two hidden members. A share or average derived from a hidden count is hidden with it.

export interface Thresholds {
  /** default 5 (SECRECY_THRESHOLD) */
  threshold: number
  /** tables crossing health, justice or welfare status: default 11 (SECRECY_THRESHOLD_SENSITIVE) */
  sensitiveThreshold: number
}

/** total = sum(parts), on cell indexes. */
export interface Equation {
  total: number
  parts: number[]
}

const isSmall = (v: number, threshold: number) => v > 0 && v < threshold

/** The indexes of the cells to hide. */
export function suppress(values: readonly number[], equations: readonly Equation[], threshold: number): Set<number> {
  const hidden = new Set<number>()
  values.forEach((v, i) => {
    if (isSmall(v, threshold)) hidden.add(i)
  })
  // Complementary cells: the least informative first (the smallest non-zero part; a total last; zeros only if needed).
  const rank = (i: number, isTotal: boolean) => (values[i] > 0 ? 0 : 2) + (isTotal ? 1 : 0)
  let changed = true
  while (changed) {
    changed = false
    for (const eq of equations) {
      const members = [eq.total, ...eq.parts]
      if (members.filter((i) => hidden.has(i)).length !== 1) continue
      const candidates = members
        .filter((i) => !hidden.has(i))
        .sort((a, b) => rank(a, a === eq.total) - rank(b, b === eq.total) || values[a] - values[b])
      if (!candidates.length) continue
      hidden.add(candidates[0])
      changed = true
    }
  }
  return hidden
}

/** The equations a result table declares: row totals and parents, and the total column. */
export function tableEquations(table: ResultTable): {
  cellOf: (r: number, c: number) => number
  equations: Equation[]
} {
  const width = table.columns.length
  const cellOf = (r: number, c: number) => r * width + c
  const equations: Equation[] = []
  const counts = table.columns.map((col, c) => ({ col, c })).filter(({ col }) => col.kind === 'count')
  const additive = counts.filter(({ col }) => col.additive !== false)
  const rowIndex = new Map(table.rows.map((row, r) => [row.key, r]))
  for (const { c } of additive) {
    table.rows.forEach((row, r) => {
      const children = table.rows.flatMap((x, i) => (x.parent === row.key ? [i] : []))
      if (children.length) equations.push({ total: cellOf(r, c), parts: children.map((i) => cellOf(i, c)) })
      if (row.total) {
        const top = table.rows.flatMap((x, i) => (!x.total && !(x.parent && rowIndex.has(x.parent)) ? [i] : []))
        if (top.length) equations.push({ total: cellOf(r, c), parts: top.map((i) => cellOf(i, c)) })
      }
    })
  }
  const totalColumn = counts.find(({ col }) => col.total)
  if (totalColumn) {
    const parts = additive.filter(({ col }) => !col.total).map(({ c }) => c)
    table.rows.forEach((_, r) => {
      equations.push({ total: cellOf(r, totalColumn.c), parts: parts.map((c) => cellOf(r, c)) })
    })
  }
  return { cellOf, equations }
}

/** The table as published: hidden cells are null. Returns how many count cells were hidden. */
export function protectTable(table: ResultTable, threshold: number): { table: ResultTable; hidden: number } {
  const { cellOf, equations } = tableEquations(table)
  const values = table.rows.flatMap((row) =>
    table.columns.map((col, c) => (col.kind === 'count' ? (row.values[c] ?? 0) : 0)),
  )
  const hidden = suppress(values, equations, threshold)
  const sources = table.columns.map((col) => (col.of ? table.columns.findIndex((x) => x.key === col.of) : -1))
  const isHidden = (r: number, c: number) =>
    table.columns[c].kind === 'count' ? hidden.has(cellOf(r, c)) : sources[c] >= 0 && hidden.has(cellOf(r, sources[c]))
  const rows = table.rows.map((row, r) => {
    const gone = row.values.flatMap((_, c) => (isHidden(r, c) ? [c] : []))
    if (!gone.length) return row
    return { ...row, values: row.values.map((v, c) => (gone.includes(c) ? null : v)), hidden: gone }
  })
  return { table: { ...table, rows }, hidden: hidden.size }
}

function protectFigure(f: Figure, threshold: number): Figure {
  if (f.kind === 'count' && f.value !== null && isSmall(f.value, threshold)) return { ...f, value: null, hidden: true }
  if (f.kind === 'share' && f.count != null && isSmall(f.count, threshold))
    return { ...f, value: null, count: null, hidden: true }
  return f
}

/** Applies secrecy to a whole result (and its split by sex): tables, figures, headline value, objectives. */
export function protectResult(result: IndicatorResult, t: Thresholds, sensitive: boolean): IndicatorResult {
  const thresholdOf = (table: ResultTable) => (sensitive || table.sensitive ? t.sensitiveThreshold : t.threshold)
  let hidden = 0
  const tables = result.tables.map((table) => {
    const out = protectTable(table, thresholdOf(table))
    hidden += out.hidden
    return out.table
  })
  const base = sensitive ? t.sensitiveThreshold : t.threshold
  const figures = result.figures.map((f) => protectFigure(f, base))
  hidden += figures.filter((f) => f.hidden).length
  const value = result.value !== null && isSmall(result.value, base) ? null : result.value
  const objectives = result.objectives.map((o) => {
    const figure = o.subKey ? figures.find((f) => f.key === o.subKey) : undefined
    const shown = o.subKey ? figure?.value !== null : value !== null
    return shown ? o : { ...o, result: null, gap: null, rate: null }
  })
  const out: IndicatorResult = { ...result, value, tables, figures, objectives, secrecy: { threshold: base, hidden } }
  if (result.bySex) {
    const { bySex: _f, ...F } = protectResult(result.bySex.F, t, sensitive)
    const { bySex: _m, ...M } = protectResult(result.bySex.M, t, sensitive)
    out.bySex = { F, M }
  }
  return out
}
