import * as echarts from 'echarts'
import type { ChartSpec, ResultTable, Row } from '../../../shared/reporting/reporting.schema.ts'
import { formatNumber, SECRET } from './format.ts'

// Charts of the PDF: Apache ECharts rendered on the server to an SVG string (no browser, no canvas), embedded as is.

const palette = ['#1f4e79', '#2e86c1', '#76b7e5', '#f0a202', '#c0392b', '#7d3c98', '#16a085', '#7f8c8d']
const font = { fontFamily: 'Roboto', fontSize: 10, color: '#222' }

/** The rows a chart draws: the detail rows (no subtotals, no total), so nothing is counted twice. */
function leafRows(table: ResultTable): Row[] {
  const parents = new Set(table.rows.map((r) => r.parent).filter(Boolean))
  return table.rows.filter((r) => !r.total && !parents.has(r.key))
}

const countColumns = (table: ResultTable) =>
  table.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.kind === 'count' && !c.total)

function option(spec: ChartSpec, table: ResultTable): echarts.EChartsCoreOption | null {
  const rows = leafRows(table)
  const counts = countColumns(table)
  if (!rows.length || !counts.length) return null
  const label = (v: number | null) => (v === null ? SECRET : formatNumber(v))
  const valueAxis = { type: 'value' as const, axisLabel: { ...font, formatter: (v: number) => formatNumber(v) } }
  const base = { animation: false, color: palette, textStyle: font }
  if (spec.kind === 'pie') {
    const first = counts[0].i
    const data = rows.filter((r) => (r.values[first] ?? 0) > 0).map((r) => ({ name: r.label, value: r.values[first] }))
    const total = data.reduce((s, d) => s + (d.value ?? 0), 0)
    return {
      ...base,
      series: [
        {
          type: 'pie',
          radius: ['35%', '65%'],
          center: ['50%', '52%'],
          data,
          label: {
            ...font,
            width: 150,
            overflow: 'break',
            formatter: (p: { name: string; value: number }) =>
              `${p.name}\n${formatNumber((p.value * 100) / (total || 1), 1)} %`,
          },
        },
      ],
    }
  }
  if (spec.kind === 'bar') {
    const first = counts[0].i
    const names = rows.map((r) => r.label).reverse()
    return {
      ...base,
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      xAxis: valueAxis,
      yAxis: { type: 'category', data: names, axisLabel: { ...font, width: 170, overflow: 'break' } },
      series: [
        {
          type: 'bar',
          data: rows.map((r) => r.values[first]).reverse(),
          barMaxWidth: 22,
          label: { show: true, position: 'right', ...font, formatter: (p: { value: number | null }) => label(p.value) },
        },
      ],
    }
  }
  // stacked (rows on the axis, columns stacked) or years (rows on the axis, one bar per column side by side)
  const stacked = spec.kind === 'stacked'
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
    series: counts.map(({ c, i }) => ({
      type: 'bar',
      name: c.label,
      ...(stacked ? { stack: 'all' } : {}),
      barMaxWidth: 36,
      data: rows.map((r) => r.values[i]),
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
    })),
  }
}

/** The chart as an SVG string, or null when the table has nothing to draw. */
export function chartSvg(spec: ChartSpec, table: ResultTable, size = { width: 500, height: 260 }): string | null {
  const opt = option(spec, table)
  if (!opt) return null
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height })
  try {
    chart.setOption(opt)
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}
