import { Stack, Text } from '@mantine/core'
import { BarChart } from 'echarts/charts'
import { GridComponent, TooltipComponent } from 'echarts/components'
import { init, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'
import type { ChartModel } from './statistics.charts.ts'

// Apache ECharts, the library of the PDF's charts, drawn in SVG; only the parts used here are bundled, in the
// statistics page's chunk (the first load never carries them). The chart follows its container's width (a phone's
// too) and redraws when it changes.
use([BarChart, GridComponent, TooltipComponent, SVGRenderer])

/**
 * A chart with its title. For assistive technologies it is one image named by its title, which says where the exact
 * figures are: in the table that follows it (charts never replace a table).
 */
export function Chart({ chart }: { chart: ChartModel }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const element = ref.current
    if (!element) return
    const instance = init(element, null, { renderer: 'svg' })
    instance.setOption(chart.option)
    const resize = new ResizeObserver(() => instance.resize())
    resize.observe(element)
    return () => {
      resize.disconnect()
      instance.dispose()
    }
  }, [chart])
  return (
    <Stack gap={4} component="figure" m={0} maw={760}>
      <Text component="figcaption" fw={700}>
        {chart.title}
      </Text>
      <div
        ref={ref}
        role="img"
        aria-label={`Graphique : ${chart.title}. Les valeurs figurent dans le tableau qui suit.`}
        style={{ width: '100%', height: chart.height }}
      />
    </Stack>
  )
}
