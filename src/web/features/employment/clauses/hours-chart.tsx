import { Stack, Text } from '@mantine/core'
import { BarChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { init, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'
import { formatNumber } from '../../../components/format.ts'

// Required vs done insertion hours as ECharts bars in SVG (the app's chart approach: aids' consumption-chart.tsx), in a
// chunk of its own (lazy-hours-chart.tsx). The table that follows the chart gives the same figures.
use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer])

const text = { fontFamily: 'system-ui, sans-serif', fontSize: 12, color: '#212529' }
const hours = (n: number) => `${formatNumber(n)} h`

export interface HoursBar {
  label: string
  requiredHours: number
  doneHours: number
}

export function HoursChart({ title, bars }: { title: string; bars: HoursBar[] }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const element = ref.current
    if (!element) return
    const instance = init(element, null, { renderer: 'svg' })
    instance.setOption({
      animation: false,
      color: ['#adb5bd', '#2f9e44'],
      textStyle: text,
      legend: { top: 0, textStyle: text },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: hours },
      yAxis: {
        type: 'category',
        inverse: true,
        data: bars.map((b) => b.label),
        axisLabel: { ...text, width: 180, overflow: 'truncate' },
      },
      xAxis: { type: 'value', splitNumber: 4, axisLabel: { ...text, formatter: (n: number) => formatNumber(n) } },
      series: [
        { type: 'bar', name: 'Heures dues', data: bars.map((b) => b.requiredHours), barMaxWidth: 14 },
        { type: 'bar', name: 'Heures réalisées', data: bars.map((b) => b.doneHours), barMaxWidth: 14 },
      ],
    })
    const resize = new ResizeObserver(() => instance.resize())
    resize.observe(element)
    return () => {
      resize.disconnect()
      instance.dispose()
    }
  }, [bars])
  return (
    <Stack gap={4} component="figure" m={0} maw={760}>
      <Text component="figcaption" fw={700}>
        {title}
      </Text>
      <div
        ref={ref}
        role="img"
        aria-label={`Graphique : ${title}. Les valeurs figurent dans le tableau qui suit.`}
        style={{ width: '100%', height: Math.max(140, 48 + bars.length * 40) }}
      />
    </Stack>
  )
}
