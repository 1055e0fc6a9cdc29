import { describe, expect, it } from 'vitest'
import type { IndicatorResult, ResultTable } from '../../../shared/reporting/reporting.schema.ts'
import { MAX_BARS, periodsChart, tableChart } from './statistics.charts.ts'

// The statistics page's charts: what each draws, and what it never draws (a total counted twice, a hidden value).

interface Series {
  data: (number | null)[]
  label: { formatter: (p: { dataIndex: number; value?: number | null }) => string }
}
const seriesOf = (option: Record<string, unknown>) => (option.series as Series[])[0]
const categoriesOf = (option: Record<string, unknown>, axis: 'xAxis' | 'yAxis') =>
  (option[axis] as { data: string[] }).data

const table: ResultTable = {
  key: 'bySex',
  title: 'Jeunes en contact par sexe',
  rowHeader: 'Sexe',
  columns: [
    { key: 'share', label: 'Part', kind: 'share', decimals: 1 },
    { key: 'count', label: 'Effectif', kind: 'count', decimals: 0, total: true },
  ],
  rows: [
    { key: 'F', label: 'Femme', values: [51.2, 1059] },
    { key: 'M', label: 'Homme', values: [48.8, 1010] },
    { key: 'total', label: 'Total', values: [100, 2069], total: true },
  ],
}

describe('a table’s chart', () => {
  it('draws one bar per detail row on the table’s total column, in the table’s order from the top', () => {
    const chart = tableChart(table)!
    expect(chart.title).toBe('Jeunes en contact par sexe — Effectif')
    // ECharts draws a category axis from the bottom up
    expect(categoriesOf(chart.option, 'yAxis')).toEqual(['Homme', 'Femme'])
    expect(seriesOf(chart.option).data).toEqual([1010, 1059])
    expect(seriesOf(chart.option).label.formatter({ dataIndex: 1 }).replace(/\s/g, ' ')).toBe('1 059')
  })

  it('leaves out subtotal rows (their children are drawn) and never draws a value hidden by secrecy', () => {
    const nested: ResultTable = {
      ...table,
      rows: [
        { key: 'work', label: 'Emploi', values: [null, 30] },
        { key: 'cdi', label: 'CDI', values: [null, 27], parent: 'work' },
        { key: 'cdd', label: 'CDD', values: [null, null], hidden: [1], parent: 'work' },
        { key: 'training', label: 'Formation', values: [null, 12] },
      ],
    }
    const series = seriesOf(tableChart(nested)!.option)
    expect(categoriesOf(tableChart(nested)!.option, 'yAxis')).toEqual(['Formation', 'CDD', 'CDI'])
    expect(series.data).toEqual([12, null, 27])
    expect(series.label.formatter({ dataIndex: 1 })).toBe('s')
  })

  it('is left out when there is nothing to compare, no count, or too many rows for bars', () => {
    expect(tableChart({ ...table, rows: table.rows.slice(0, 1) })).toBeNull()
    expect(tableChart({ ...table, columns: table.columns.map((c) => ({ ...c, kind: 'share' as const })) })).toBeNull()
    const many = Array.from({ length: MAX_BARS + 1 }, (_, i) => ({ key: `r${i}`, label: `Ligne ${i}`, values: [0, i] }))
    expect(tableChart({ ...table, rows: many })).toBeNull()
  })

  it('grows with its rows, so that a bar keeps its height on any screen', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ key: `r${i}`, label: `Ligne ${i}`, values: [0, i] }))
    expect(tableChart({ ...table, rows: many })!.height).toBeGreaterThan(tableChart(table)!.height + 250)
  })
})

describe('the periods’ chart', () => {
  const result = (year: number, value: number | null): IndicatorResult => ({
    id: 'ml.youth_in_contact',
    label: 'Jeunes en contact',
    period: { from: `${year}-01-01`, to: `${year}-12-31` },
    value,
    figures: [],
    tables: [],
    objectives: [],
  })

  it('draws the headline value of each period, oldest first', () => {
    const chart = periodsChart([result(2008, 1900), result(2009, 2069)])!
    expect(chart.title).toBe('Jeunes en contact, période par période')
    expect(categoriesOf(chart.option, 'xAxis')).toEqual(['2008', '2009'])
    expect(seriesOf(chart.option).data).toEqual([1900, 2069])
  })

  it('is left out for one period', () => {
    expect(periodsChart([result(2009, 2069)])).toBeNull()
  })
})
