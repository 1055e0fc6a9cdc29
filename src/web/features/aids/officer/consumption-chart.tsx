import { Stack, Text } from '@mantine/core'
import { BarChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { init, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'
import { formatEuros } from '../../../components/format.ts'
import type { FundDashboard } from '../aids.api.ts'

// A fund's month-by-month consumption (committed and paid, in euros) as ECharts bars in SVG, in a chunk of its own
// (lazy-consumption-chart.tsx): the first load never carries ECharts. The table below the chart gives the same figures.
use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer])

const MONTHS = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.']
const text = { fontFamily: 'system-ui, sans-serif', fontSize: 12, color: '#212529' }
const euros = (cents: number) => formatEuros(cents)

export function ConsumptionChart({ title, months }: { title: string; months: FundDashboard['months'] }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const element = ref.current
    if (!element) return
    const instance = init(element, null, { renderer: 'svg' })
    instance.setOption({
      animation: false,
      color: ['#1c7ed6', '#2f9e44'],
      textStyle: text,
      legend: { top: 0, textStyle: text },
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: euros },
      xAxis: { type: 'category', data: months.map((m) => MONTHS[Number(m.month.slice(5, 7)) - 1] ?? m.month) },
      yAxis: { type: 'value', splitNumber: 4, axisLabel: { ...text, formatter: euros } },
      series: [
        { type: 'bar', name: 'Engagé', data: months.map((m) => m.committedCents), barMaxWidth: 16 },
        { type: 'bar', name: 'Payé', data: months.map((m) => m.paidCents), barMaxWidth: 16 },
      ],
    })
    const resize = new ResizeObserver(() => instance.resize())
    resize.observe(element)
    return () => {
      resize.disconnect()
      instance.dispose()
    }
  }, [months])
  return (
    <Stack gap={4} component="figure" m={0} maw={760}>
      <Text component="figcaption" fw={700}>
        {title}
      </Text>
      <div
        ref={ref}
        role="img"
        aria-label={`Graphique : ${title}. Les valeurs figurent dans le tableau qui suit.`}
        style={{ width: '100%', height: 280 }}
      />
    </Stack>
  )
}
