import { useMemo } from 'react'
import { barOption, Chart, chartText } from '../../../components/chart.tsx'
import { formatNumber } from '../../../components/format.ts'

// An operation's funnel as horizontal bars (the app's charts: components/chart.tsx), in a chunk of its own
// (lazy-funnel-chart.tsx): the first load never carries ECharts, and the table beside the chart gives the same figures.

const number = (v: number) => formatNumber(v)

export function FunnelChart({ title, stages }: { title: string; stages: { label: string; count: number }[] }) {
  const option = useMemo(() => {
    const reversed = [...stages].reverse()
    return barOption({
      colors: ['#1c7ed6'],
      categories: reversed.map((s) => s.label),
      series: [
        {
          name: 'Candidats',
          data: reversed.map((s) => s.count),
          label: { show: true, position: 'right', ...chartText, formatter: (p: { value: number }) => number(p.value) },
        },
      ],
      barMaxWidth: 22,
      format: number,
      horizontal: true,
      right: 48,
      categoryAxis: { axisLabel: chartText },
    })
  }, [stages])
  return <Chart title={title} height={260} option={option} />
}
