import { periodHeading } from '../../../shared/reporting/period.ts'
import type { IndicatorResult, ResultTable, Row } from '../../../shared/reporting/reporting.schema.ts'
import { formatNumber } from '../../components/format.ts'
import { SECRET } from './statistics.format.ts'

// The charts of the statistics page, as ECharts options (the library that draws the PDF's charts): one bar per row of
// a result table, and the headline value period after period. Pure functions of the API's result, so the page and its
// tests read the same thing. A chart never stands alone: its table stays under it (the accessible reading, and the
// exact figures). A value hidden by statistical secrecy is never drawn: its bar is empty and labelled "s".

/** Colours of the Mantine theme's blues and a contrasting orange (text on them is never needed: labels sit outside). */
const palette = ['#1864ab', '#74c0fc', '#e8590c', '#5f3dc4', '#2b8a3e']
const text = { color: '#212529', fontFamily: 'system-ui, sans-serif', fontSize: 12 }
/** over this many rows a bar chart is a wall of bars: the table alone says it better */
export const MAX_BARS = 30

export interface ChartModel {
  /** the chart's title, also the start of its accessible name */
  title: string
  /** px: grows with the number of bars, so that each keeps a readable height on a phone */
  height: number
  option: Record<string, unknown>
}

/** The rows a chart draws: detail rows only (no subtotal, no total), so nothing is counted twice. */
function leafRows(table: ResultTable): Row[] {
  const parents = new Set(table.rows.map((r) => r.parent).filter(Boolean))
  return table.rows.filter((r) => !r.total && !parents.has(r.key))
}

/** The column a table is drawn on: its total column, else its first count (the comparison's rule too). */
export function mainColumn(table: ResultTable): number {
  const i = table.columns.findIndex((c) => c.kind === 'count' && c.total)
  return i >= 0 ? i : table.columns.findIndex((c) => c.kind === 'count')
}

const valueLabel = (v: number | null | undefined) => (v === null || v === undefined ? SECRET : formatNumber(v))

/** One horizontal bar per row of the table, on its main count column; null when there is nothing honest to draw. */
export function tableChart(table: ResultTable): ChartModel | null {
  const c = mainColumn(table)
  const rows = leafRows(table)
  if (c < 0 || rows.length < 2 || rows.length > MAX_BARS) return null
  // top to bottom in the table's order (ECharts draws a category axis from the bottom up)
  const ordered = [...rows].reverse()
  const hidden = (r: Row) => r.hidden?.includes(c) ?? false
  return {
    title: `${table.title} — ${table.columns[c].label}`,
    height: 48 + ordered.length * 28,
    option: {
      animation: false,
      color: palette,
      textStyle: text,
      grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: valueLabel },
      xAxis: {
        type: 'value',
        minInterval: 1,
        // few ticks: a phone's width holds them without overlap
        splitNumber: 3,
        axisLabel: { ...text, formatter: (v: number) => formatNumber(v) },
      },
      yAxis: {
        type: 'category',
        data: ordered.map((r) => r.label),
        axisLabel: { ...text, width: 140, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          name: table.columns[c].label,
          barMaxWidth: 20,
          data: ordered.map((r) => (hidden(r) ? null : r.values[c])),
          label: {
            show: true,
            position: 'right',
            ...text,
            formatter: (p: { dataIndex: number }) => {
              const r = ordered[p.dataIndex]
              return hidden(r) ? SECRET : valueLabel(r.values[c])
            },
          },
        },
      ],
    },
  }
}

/** The headline value of each period, oldest first: one bar per period. */
export function periodsChart(results: IndicatorResult[]): ChartModel | null {
  if (results.length < 2) return null
  const last = results[results.length - 1]
  const values = results.map((r) => r.value)
  return {
    title: `${last.label}, période par période`,
    height: 280,
    option: {
      animation: false,
      color: palette,
      textStyle: text,
      grid: { left: 8, right: 8, top: 28, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: valueLabel },
      xAxis: { type: 'category', data: results.map((r) => periodHeading(r.period)), axisLabel: text },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { ...text, formatter: (v: number) => formatNumber(v) } },
      series: [
        {
          type: 'bar',
          name: last.label,
          barMaxWidth: 48,
          data: values,
          label: {
            show: true,
            position: 'top',
            ...text,
            formatter: (p: { value: number | null }) => valueLabel(p.value),
          },
        },
      ],
    },
  }
}
