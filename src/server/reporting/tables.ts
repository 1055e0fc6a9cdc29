import type { Column, Figure, ResultTable, Row, ValueKind } from '../../shared/reporting/reporting.schema.ts'

// Result builders: indicators describe what they counted; these turn counts into the tables and figures every
// output renders, with the shares computed the one way the report computes them.

/**
 * How many decimals a value carries, by kind: ONE rule for every indicator, table and figure (no indicator picks
 * its own precision). docs/indicators.md states it, generated from this table.
 */
const DECIMALS: Record<ValueKind, number> = { count: 0, share: 1, change: 1, average: 1, amount: 2 }

/** The number of decimals of a kind of value (the one rounding rule; values are rounded half up). */
export function decimalsFor(kind: ValueKind): number {
  return DECIMALS[kind]
}

const kindNames: Record<ValueKind, string> = {
  count: 'counts',
  share: 'shares (%)',
  change: 'changes (%)',
  average: 'averages',
  amount: 'amounts (€)',
}

/** The rule in words, for the generated documentation: "counts 0, shares (%) 1, …". */
export const decimalsRule = (): string =>
  (Object.keys(DECIMALS) as ValueKind[]).map((k) => `${kindNames[k]} ${DECIMALS[k]}`).join(', ')

/** `value` rounded half up to `decimals`. */
const round = (value: number, decimals: number) => {
  const f = 10 ** decimals
  return Math.round(value * f) / f
}

/** n / d in percent, rounded half up at the share precision; null on an empty population. */
export function percent(n: number, d: number): number | null {
  if (!d) return null
  const f = 10 ** decimalsFor('share')
  return Math.round((n * 100 * f) / d) / f
}

/** n / d, an average, rounded half up at the average precision; null on an empty population. */
export function ratio(n: number, d: number): number | null {
  if (!d) return null
  const f = 10 ** decimalsFor('average')
  return Math.round((n * f) / d) / f
}

/** Change from `before` to `now` in percent, at the change precision. */
export function change(now: number, before: number): number | null {
  if (!before) return null
  const f = 10 ** decimalsFor('change')
  return Math.round(((now - before) * 100 * f) / before) / f
}

export const countFigure = (key: string, label: string, value: number): Figure => ({
  key,
  label,
  kind: 'count',
  decimals: decimalsFor('count'),
  value,
})

export const shareFigure = (key: string, label: string, n: number, d: number): Figure => ({
  key,
  label,
  kind: 'share',
  decimals: decimalsFor('share'),
  value: percent(n, d),
  count: n,
})

/** An average, change or amount, rounded by the rule of its kind. */
export const valueFigure = (
  key: string,
  label: string,
  kind: 'average' | 'change' | 'amount',
  value: number | null,
): Figure => ({
  key,
  label,
  kind,
  decimals: decimalsFor(kind),
  value: value === null ? null : round(value, decimalsFor(kind)),
})

export const countColumn = (key: string, label: string, extra: Partial<Omit<Column, 'decimals'>> = {}): Column => ({
  key,
  label,
  kind: 'count',
  decimals: decimalsFor('count'),
  ...extra,
})
export const shareColumn = (key: string, label: string, of: string): Column => ({
  key,
  label,
  kind: 'share',
  decimals: decimalsFor('share'),
  of,
})

export interface Line {
  key: string
  label: string
  n: number
}

/**
 * A one-way distribution: count and share of each line, and the total line. `keepEmpty` keeps a line counted zero
 * (the nomenclature's lines always appear; an "unknown" line only when someone is in it).
 */
export function distribution(opts: {
  key: string
  title: string
  rowHeader: string
  lines: Line[]
  note?: string
  sensitive?: boolean
  dropEmpty?: string[]
}): ResultTable {
  const lines = opts.lines.filter((l) => l.n > 0 || !opts.dropEmpty?.includes(l.key))
  const total = lines.reduce((s, l) => s + l.n, 0)
  const rows: Row[] = lines.map((l) => ({ key: l.key, label: l.label, values: [l.n, percent(l.n, total)] }))
  rows.push({ key: 'total', label: 'Total', values: [total, total ? 100 : null], total: true })
  return {
    key: opts.key,
    title: opts.title,
    rowHeader: opts.rowHeader,
    columns: [countColumn('count', 'Effectif'), shareColumn('share', '%', 'count')],
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
