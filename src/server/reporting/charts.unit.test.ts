import { describe, expect, it } from 'vitest'
import type { ChartSpec, ResultTable } from '../../shared/reporting/reporting.schema.ts'
import { chartOption, chartSvg, SECRET_SERIES } from './report/charts.ts'
import { protectTable } from './secrecy.ts'
import { countColumn, distribution, shareColumn } from './tables.ts'

// Charts of a published report: a cell hidden by statistical secrecy is marked "s" (legend: secret statistique),
// never drawn as a value, never silently dropped.

interface Series {
  name?: string
  stack?: string
  data: (number | null | { value: number; name: string })[]
}
const seriesOf = (spec: ChartSpec, table: ResultTable) => {
  const opt = chartOption(spec, table) as { series: Series[]; legend?: { data?: string[] } } | null
  if (!opt) throw new Error('no chart')
  return opt
}
/** The texts of an SVG (labels, axis ticks, legend). */
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1])

// 3 is below the threshold (5): hidden; 7 is hidden with it, or 3 would be the total minus the other lines
const housing = () =>
  distribution({
    key: 'housing',
    title: 'Logement',
    rowHeader: 'Logement',
    lines: [
      { key: 'parents', label: 'Avec les parents', n: 120 },
      { key: 'own', label: 'Logement autonome', n: 40 },
      { key: 'hostel', label: 'Foyer', n: 3 },
      { key: 'hosted', label: 'Hébergé', n: 7 },
      { key: 'other', label: 'Autre', n: 25 },
    ],
  })

/** Levels × age bands with row totals, column totals and the grand total. */
function crossTable(): ResultTable {
  const inner = [
    [0, 30, 40, 3],
    [2, 50, 60, 8],
    [10, 70, 45, 9],
  ]
  const sum = (r: number[]) => r.reduce((s, v) => s + v, 0)
  const totals = inner[0].map((_, c) => sum(inner.map((r) => r[c])))
  return {
    key: 'levels',
    title: 'Niveaux',
    rowHeader: 'Niveau',
    columns: [
      ...['16-17', '18-21', '22-25', '26+'].map((b) => countColumn(b, b)),
      countColumn('total', 'Total', { total: true }),
      shareColumn('share', '%', 'total'),
    ],
    rows: [
      ...inner.map((r, i) => ({ key: `l${i}`, label: `Niveau ${i}`, values: [...r, sum(r), 0] })),
      { key: 'total', label: 'Total', values: [...totals, sum(totals), 100], total: true },
    ],
  }
}

describe('charts of a published table', () => {
  const published = protectTable(housing(), 5).table
  const hiddenLabels = published.rows.filter((r) => r.hidden?.includes(0)).map((r) => r.label)

  it('the table hides the small count and the one that would give it back', () => {
    expect(hiddenLabels).toEqual(['Foyer', 'Hébergé'])
  })

  it('bar: a hidden line has no bar, an "s" mark in its place and the legend says why', () => {
    const opt = seriesOf({ table: 'housing', kind: 'bar', title: 'Logement' }, published)
    const [values, secret] = opt.series
    const categories = [...published.rows.filter((r) => !r.total)].reverse().map((r) => r.label)
    categories.forEach((label, i) => {
      const hidden = hiddenLabels.includes(label)
      expect(values.data[i] === null, label).toBe(hidden)
      expect(secret.data[i], label).toBe(hidden ? 0 : null)
    })
    expect(secret.name).toBe(SECRET_SERIES)
    expect(opt.legend?.data).toEqual([SECRET_SERIES])
    const svg = chartSvg({ table: 'housing', kind: 'bar', title: 'Logement' }, published) ?? ''
    const t = texts(svg)
    expect(t.filter((x) => x === 's')).toHaveLength(2)
    expect(t).toContain(SECRET_SERIES)
    for (const v of ['3', '7', '10']) expect(t, `hidden value ${v} drawn`).not.toContain(v)
  })

  it('pie: the hidden lines are one "s" slice of the published total, never a slice each', () => {
    const opt = seriesOf({ table: 'housing', kind: 'pie', title: 'Logement' }, published)
    const data = opt.series[0].data as { value: number; name: string }[]
    expect(data.map((d) => d.name)).toEqual(['Avec les parents', 'Logement autonome', 'Autre', SECRET_SERIES])
    expect(data.at(-1)?.value).toBe(195 - 120 - 40 - 25) // what the table publishes: total minus the shown lines
    for (const v of [3, 7]) expect(data.map((d) => d.value)).not.toContain(v)
    const t = texts(chartSvg({ table: 'housing', kind: 'pie', title: 'Logement' }, published) ?? '')
    expect(t).toContain('s')
    expect(t).toContain(SECRET_SERIES)
    // the first share is over the published total (61.5 %), not over the shown lines only (120 / 185 = 64.9 %)
    expect(t.join(' ')).toContain('61,5')
  })

  it('pie: without a published total no pie is drawn (its slices would be wrong)', () => {
    const t = housing()
    const tiny = protectTable(
      { ...t, rows: t.rows.map((r) => ({ ...r, values: [r.total ? 4 : r.key === 'parents' ? 4 : 0, null] })) },
      5,
    ).table
    expect(chartOption({ table: 'housing', kind: 'pie', title: 'Logement' }, tiny)).toBeNull()
  })

  it('stacked and side by side: hidden cells are gaps marked "s", no bar stands for them', () => {
    const table = crossTable()
    const pub = protectTable(table, 5).table
    const rows = pub.rows.filter((r) => !r.total)
    const hidden = (r: number, c: number) => rows[r].hidden?.includes(c) ?? false
    expect(rows.some((_, r) => [0, 1, 2, 3].some((c) => hidden(r, c)))).toBe(true)
    for (const kind of ['stacked', 'years'] as const) {
      const opt = seriesOf({ table: 'levels', kind, title: 'Niveaux' }, pub)
      const values = opt.series.filter((s) => s.name !== SECRET_SERIES)
      const marks = opt.series.filter((s) => s.name === SECRET_SERIES)
      values.forEach((s, c) => {
        rows.forEach((_, r) => {
          expect(s.data[r], `${kind} ${r},${c}`).toBe(hidden(r, c) ? null : table.rows[r].values[c])
        })
      })
      // every mark is an empty bar (0) where something is hidden, nothing elsewhere
      for (const m of marks) for (const v of m.data) expect(v === null || v === 0).toBe(true)
      if (kind === 'stacked')
        rows.forEach((_, r) => {
          const anyHidden = [0, 1, 2, 3].some((c) => hidden(r, c))
          expect(marks[0].data[r]).toBe(anyHidden ? 0 : null)
        })
      else
        values.forEach((s, c) => {
          const m = marks.find((x) => x.stack === s.stack)
          rows.forEach((_, r) => {
            expect(m?.data[r] ?? null).toBe(hidden(r, c) ? 0 : null)
          })
        })
      const t = texts(chartSvg({ table: 'levels', kind, title: 'Niveaux' }, pub) ?? '')
      expect(t).toContain('s')
      expect(t).toContain(SECRET_SERIES)
    }
  })

  it('an internal table (nothing hidden) has no secrecy mark', () => {
    const opt = seriesOf({ table: 'housing', kind: 'bar', title: 'Logement' }, housing())
    expect(opt.series).toHaveLength(1)
    expect(opt.legend).toBeUndefined()
    expect(texts(chartSvg({ table: 'housing', kind: 'bar', title: 'Logement' }, housing()) ?? '')).toContain('3')
  })
})
