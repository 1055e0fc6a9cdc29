import { Stack, Text } from '@mantine/core'
import { BarChart } from 'echarts/charts'
import { GridComponent, TooltipComponent } from 'echarts/components'
import { init, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'
import { formatNumber } from '../../../components/format.ts'

// An operation's funnel as horizontal ECharts bars in SVG, in a chunk of its own (lazy-funnel-chart.tsx), as the aids'
// consumption chart: the first load never carries ECharts, and the table beside the chart gives the same figures.
use([BarChart, GridComponent, TooltipComponent, SVGRenderer])

const text = { fontFamily: 'system-ui, sans-serif', fontSize: 12, color: '#212529' }

export function FunnelChart({ title, stages }: { title: string; stages: { label: string; count: number }[] }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const element = ref.current
    if (!element) return
    const instance = init(element, null, { renderer: 'svg' })
    const reversed = [...stages].reverse()
    instance.setOption({
      animation: false,
      color: ['#1c7ed6'],
      textStyle: text,
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => formatNumber(v) },
      xAxis: { type: 'value', splitNumber: 4, axisLabel: { ...text, formatter: (v: number) => formatNumber(v) } },
      yAxis: { type: 'category', data: reversed.map((s) => s.label), axisLabel: text },
      series: [
        {
          type: 'bar',
          name: 'Candidats',
          data: reversed.map((s) => s.count),
          barMaxWidth: 22,
          label: { show: true, position: 'right', ...text, formatter: (p: { value: number }) => formatNumber(p.value) },
        },
      ],
    })
    const resize = new ResizeObserver(() => instance.resize())
    resize.observe(element)
    return () => {
      resize.disconnect()
      instance.dispose()
    }
  }, [stages])
  return (
    <Stack gap={4} component="figure" m={0} maw={760}>
      <Text component="figcaption" fw={700}>
        {title}
      </Text>
      <div
        ref={ref}
        role="img"
        aria-label={`Graphique : ${title}. Les valeurs figurent dans le tableau qui suit.`}
        style={{ width: '100%', height: 260 }}
      />
    </Stack>
  )
}
