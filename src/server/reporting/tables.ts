import type { Column, Figure, ResultTable, Row } from '../../shared/reporting/reporting.schema.ts'

// Result builders: indicators describe what they counted; these turn counts into the tables and figures every
// output renders, with the shares computed the one way the report computes them.

/** n / d in percent, rounded half up to `decimals`; null on an empty population. Integer arithmetic where it can. */
export function percent(n: number, d: number, decimals = 1): number | null {
  if (!d) return null
  const f = 10 ** decimals
  return Math.round((n * 100 * f) / d) / f
}

export function ratio(n: number, d: number, decimals = 1): number | null {
  if (!d) return null
  const f = 10 ** decimals
  return Math.round((n * f) / d) / f
}

/** Change from `before` to `now` in percent. */
export const change = (now: number, before: number, decimals = 1) =>
  before ? percent(now - before, before, decimals) : null

export const countFigure = (key: string, label: string, value: number): Figure => ({
  key,
  label,
  kind: 'count',
  decimals: 0,
  value,
})

export const shareFigure = (key: string, label: string, n: number, d: number, decimals = 1): Figure => ({
  key,
  label,
  kind: 'share',
  decimals,
  value: percent(n, d, decimals),
  count: n,
})

export const valueFigure = (
  key: string,
  label: string,
  kind: 'average' | 'change' | 'amount',
  value: number | null,
  decimals = 1,
): Figure => ({ key, label, kind, decimals, value })

export const countColumn = (key: string, label: string, extra: Partial<Column> = {}): Column => ({
  key,
  label,
  kind: 'count',
  decimals: 0,
  ...extra,
})
export const shareColumn = (key: string, label: string, of: string, decimals = 1): Column => ({
  key,
  label,
  kind: 'share',
  decimals,
  of,
})

export interface Line {
  key: string
  label: string
  n: number
}

/**
 * A one-way distribution: count and share of each line, and the total line. `keepEmpty` keeps a line counted zero
 * (the nomenclature's lines are always printed; an "unknown" line only when someone is in it).
 */
export function distribution(opts: {
  key: string
  title: string
  rowHeader: string
  lines: Line[]
  decimals?: number
  note?: string
  sensitive?: boolean
  dropEmpty?: string[]
}): ResultTable {
  const lines = opts.lines.filter((l) => l.n > 0 || !opts.dropEmpty?.includes(l.key))
  const total = lines.reduce((s, l) => s + l.n, 0)
  const decimals = opts.decimals ?? 1
  const rows: Row[] = lines.map((l) => ({ key: l.key, label: l.label, values: [l.n, percent(l.n, total, decimals)] }))
  rows.push({ key: 'total', label: 'Total', values: [total, total ? 100 : null], total: true })
  return {
    key: opts.key,
    title: opts.title,
    rowHeader: opts.rowHeader,
    columns: [countColumn('count', 'Effectif'), shareColumn('share', '%', 'count', decimals)],
    rows,
    ...(opts.note ? { note: opts.note } : {}),
    ...(opts.sensitive ? { sensitive: true } : {}),
  }
}

/** Lines of a code list, counted from a lookup (missing codes count zero). */
export const linesOf = (labels: Record<string, string>, count: (code: string) => number): Line[] =>
  Object.entries(labels).map(([key, label]) => ({ key, label, n: count(key) }))

/** A cell of a result table, by row key and column key (tests and renderers). */
export function cell(table: ResultTable, rowKey: string, columnKey: string): number | null | undefined {
  const c = table.columns.findIndex((x) => x.key === columnKey)
  return table.rows.find((r) => r.key === rowKey)?.values[c]
}
