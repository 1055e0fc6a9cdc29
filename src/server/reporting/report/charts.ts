import * as echarts from 'echarts'
import type { ChartSpec, ResultTable, Row } from '../../../shared/reporting/reporting.schema.ts'
import { decimalsFor } from '../tables.ts'
import { formatNumber, SECRET } from './format.ts'

// Charts of the PDF: Apache ECharts rendered on the server to an SVG string (no browser, no canvas), embedded as is.
//
// Statistical secrecy: a cell hidden in a published table is never drawn as a value, and its absence is never silent.
// Each chart marks it with a grey, hatched "s" entry named by the legend (SECRET_SERIES): at the bar's place in a bar
// chart, on top of an incomplete stack, in a pie as one slice for all hidden rows together (its size is the total
// minus the shown rows, which the table already publishes; no hidden cell is ever drawn on its own).

const palette = ['#1f4e79', '#2e86c1', '#76b7e5', '#f0a202', '#c0392b', '#7d3c98', '#16a085', '#7f8c8d']
const font = { fontFamily: 'Roboto', fontSize: 10, color: '#222' }

/** The legend entry of the secrecy marks. */
export const SECRET_SERIES = `${SECRET} : secret statistique`
const secretStyle = {
  color: '#bdbdbd',
  borderColor: '#757575',
  borderType: 'dashed' as const,
  decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 3], rotation: -Math.PI / 4, color: '#757575' },
}

/** The rows a chart draws: the detail rows (no subtotals, no total), so nothing is counted twice. */
function leafRows(table: ResultTable): Row[] {
  const parents = new Set(table.rows.map((r) => r.parent).filter(Boolean))
  return table.rows.filter((r) => !r.total && !parents.has(r.key))
}

const countColumns = (table: ResultTable) =>
  table.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.kind === 'count' && !c.total)

/** Hidden by statistical secrecy (published output), as opposed to a real zero or no value. */
const isHidden = (row: Row, i: number) => row.hidden?.includes(i) ?? false
/** A value to draw: null for a hidden cell, never a number standing in for it. */
const shown = (row: Row, i: number) => (isHidden(row, i) ? null : row.values[i])

/**
 * The secrecy marks of bar charts: a series of empty bars (0: no length, so no value is suggested) at the places of
 * hidden cells, in the same stack as the series they belong to, labelled "s". Null where nothing is hidden.
 */
function secretSeries(marks: boolean[], stack: string, position: 'right' | 'top') {
  return {
    type: 'bar' as const,
    name: SECRET_SERIES,
    stack,
    barMaxWidth: 36,
    itemStyle: secretStyle,
    data: marks.map((m) => (m ? 0 : null)),
    label: { show: true, position, ...font, fontWeight: 'bold' as const, color: '#555', formatter: () => SECRET },
  }
}

function pieOption(table: ResultTable, rows: Row[], first: number) {
  const data: { name: string; value: number; itemStyle?: typeof secretStyle; secret?: true }[] = rows
    .filter((r) => (shown(r, first) ?? 0) > 0)
    .map((r) => ({ name: r.label, value: shown(r, first) as number }))
  const secretRows = rows.filter((r) => isHidden(r, first))
  const totalRow = table.rows.find((r) => r.total)
  const total = totalRow && !isHidden(totalRow, first) ? totalRow.values[first] : null
  const visible = data.reduce((s, d) => s + d.value, 0)
  if (secretRows.length) {
    // without a published total (or when rows overlap) the hidden rows' share is unknown: the pie would lie
    if (total === null || table.columns[first].additive === false) return null
    if (total > visible)
      data.push({ name: SECRET_SERIES, value: total - visible, itemStyle: secretStyle, secret: true })
  }
  const sum = total ?? visible
  return {
    legend: secretRows.length ? { bottom: 0, data: [SECRET_SERIES], textStyle: font } : undefined,
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        center: ['50%', secretRows.length ? '48%' : '52%'],
        data,
        label: {
          ...font,
          width: 150,
          overflow: 'break',
          formatter: (p: { name: string; value: number; data: { secret?: true } }) =>
            p.data.secret ? SECRET : `${p.name}\n${formatNumber((p.value * 100) / (sum || 1), decimalsFor('share'))} %`,
        },
      },
    ],
  }
}

/** The ECharts option of a chart (exported for tests), or null when the table has nothing to draw honestly. */
export function chartOption(spec: ChartSpec, table: ResultTable): echarts.EChartsCoreOption | null {
  const rows = leafRows(table)
  const counts = countColumns(table)
  if (!rows.length || !counts.length) return null
  const label = (v: number | null) => (v === null ? '' : formatNumber(v))
  const valueAxis = { type: 'value' as const, axisLabel: { ...font, formatter: (v: number) => formatNumber(v) } }
  const base = { animation: false, color: palette, textStyle: font }
  const first = counts[0].i
  if (spec.kind === 'pie') {
    const pie = pieOption(table, rows, first)
    return pie && { ...base, ...pie }
  }
  if (spec.kind === 'bar') {
    const ordered = [...rows].reverse()
    const marks = ordered.map((r) => isHidden(r, first))
    const anySecret = marks.some(Boolean)
    return {
      ...base,
      ...(anySecret ? { legend: { bottom: 0, data: [SECRET_SERIES], textStyle: font } } : {}),
      grid: { left: 8, right: 48, top: 8, bottom: anySecret ? 28 : 8, containLabel: true },
      xAxis: valueAxis,
      yAxis: {
        type: 'category',
        data: ordered.map((r) => r.label),
        axisLabel: { ...font, width: 170, overflow: 'break' },
      },
      series: [
        {
          type: 'bar',
          name: table.columns[first].label,
          stack: 'value',
          data: ordered.map((r) => shown(r, first)),
          barMaxWidth: 22,
          label: { show: true, position: 'right', ...font, formatter: (p: { value: number | null }) => label(p.value) },
        },
        ...(anySecret ? [{ ...secretSeries(marks, 'value', 'right'), barMaxWidth: 22 }] : []),
      ],
    }
  }
  // stacked (rows on the axis, columns stacked) or years (rows on the axis, one bar per column side by side)
  const stacked = spec.kind === 'stacked'
  const stackOf = (i: number) => (stacked ? 'all' : `column${i}`)
  const series: unknown[] = counts.map(({ c, i }) => ({
    type: 'bar',
    name: c.label,
    stack: stackOf(i),
    barMaxWidth: 36,
    data: rows.map((r) => shown(r, i)),
    ...(stacked
      ? {}
      : {
          label: {
            show: true,
            position: 'top',
            ...font,
            fontSize: 8,
            formatter: (p: { value: number | null }) => label(p.value),
          },
        }),
  }))
  if (stacked) {
    const marks = rows.map((r) => counts.some(({ i }) => isHidden(r, i)))
    if (marks.some(Boolean)) series.push(secretSeries(marks, 'all', 'top'))
  } else
    for (const { i } of counts) {
      const marks = rows.map((r) => isHidden(r, i))
      if (marks.some(Boolean)) series.push(secretSeries(marks, stackOf(i), 'top'))
    }
  return {
    ...base,
    legend: { bottom: 0, textStyle: font },
    grid: { left: 8, right: 16, top: 16, bottom: 36, containLabel: true },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.label),
      axisLabel: { ...font, interval: 0, width: stacked ? 80 : 100, overflow: 'break' },
    },
    yAxis: valueAxis,
    series,
  }
}

/** The chart as an SVG string, or null when the table has nothing to draw. */
export function chartSvg(spec: ChartSpec, table: ResultTable, size = { width: 500, height: 260 }): string | null {
  const opt = chartOption(spec, table)
  if (!opt) return null
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height })
  try {
    chart.setOption(opt)
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}
