import { Stack, Text } from '@mantine/core'
import { BarChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { init, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'

// The app's charts: Apache ECharts (the library of the PDF's charts), drawn in SVG, only the parts used here bundled.
// Only chunks loaded on demand import this file (each feature's lazy-*.tsx), so the first load never carries ECharts.
// A chart follows its container's width (a phone's too) and redraws when it changes.
use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer])

/** The charts' text: the app's font, size and colour. */
export const chartText = { fontFamily: 'system-ui, sans-serif', fontSize: 12, color: '#212529' }

export interface ChartProps {
  /** the chart's title, also the start of its accessible name */
  title: string
  /** px */
  height: number
  /** an ECharts option: keep it the same object while its data is the same (the chart is drawn again when it changes) */
  option: Record<string, unknown>
}

/**
 * A chart with its title. For assistive technologies it is one image named by its title, which says where the exact
 * figures are: in the table that follows it (charts never replace a table).
 */
export function Chart({ title, height, option }: ChartProps) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const element = ref.current
    if (!element) return
    const instance = init(element, null, { renderer: 'svg' })
    instance.setOption(option)
    const resize = new ResizeObserver(() => instance.resize())
    resize.observe(element)
    return () => {
      resize.disconnect()
      instance.dispose()
    }
  }, [option])
  return (
    <Stack gap={4} component="figure" m={0} maw={760}>
      <Text component="figcaption" fw={700}>
        {title}
      </Text>
      <div
        ref={ref}
        role="img"
        aria-label={`Graphique : ${title}. Les valeurs figurent dans le tableau qui suit.`}
        style={{ width: '100%', height }}
      />
    </Stack>
  )
}

export interface BarSeries {
  /** the series' name, in the legend and the tooltip */
  name: string
  data: number[]
  /** anything else of an ECharts bar series (labels on the bars…) */
  [key: string]: unknown
}

export interface BarOptionInput {
  /** one colour a series, in order */
  colors: string[]
  /** the categories' labels, one a bar (or a group of bars) */
  categories: string[]
  series: BarSeries[]
  /** px, the widest a bar may be */
  barMaxWidth: number
  /** how a value reads on the value axis, and in the tooltip unless `tooltipFormat` says otherwise */
  format: (value: number) => string
  tooltipFormat?: (value: number) => string
  /** bars along the width, categories from top to bottom (else bars upwards, categories from left to right) */
  horizontal?: boolean
  /** the series' names above the chart */
  legend?: boolean
  /** px of free space on the right (a bar's value label needs some) */
  right?: number
  /** more of the category axis (its labels' style, its order…) */
  categoryAxis?: Record<string, unknown>
}

/** The ECharts option of a bar chart in the app's style: no animation, a tooltip a category, four value steps. */
export function barOption(input: BarOptionInput): Record<string, unknown> {
  const category = { type: 'category', data: input.categories, ...input.categoryAxis }
  const value = { type: 'value', splitNumber: 4, axisLabel: { ...chartText, formatter: input.format } }
  return {
    animation: false,
    color: input.colors,
    textStyle: chartText,
    ...(input.legend ? { legend: { top: 0, textStyle: chartText } } : {}),
    grid: { left: 8, right: input.right ?? 8, top: input.legend ? 32 : 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: input.tooltipFormat ?? input.format },
    xAxis: input.horizontal ? value : category,
    yAxis: input.horizontal ? category : value,
    series: input.series.map((s) => ({ type: 'bar', barMaxWidth: input.barMaxWidth, ...s })),
  }
}
