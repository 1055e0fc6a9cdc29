import { useMemo } from 'react'
import { barOption, Chart, chartText } from '../../../components/chart.tsx'
import { formatNumber } from '../../../components/format.ts'

// Required vs done insertion hours as bars (the app's charts: components/chart.tsx), in a chunk of its own
// (lazy-hours-chart.tsx). The table that follows the chart gives the same figures.

const number = (n: number) => formatNumber(n)
const hours = (n: number) => `${formatNumber(n)} h`

export interface HoursBar {
  label: string
  requiredHours: number
  doneHours: number
}

export function HoursChart({ title, bars }: { title: string; bars: HoursBar[] }) {
  const option = useMemo(
    () =>
      barOption({
        colors: ['#adb5bd', '#2f9e44'],
        categories: bars.map((b) => b.label),
        series: [
          { name: 'Heures dues', data: bars.map((b) => b.requiredHours) },
          { name: 'Heures réalisées', data: bars.map((b) => b.doneHours) },
        ],
        barMaxWidth: 14,
        format: number,
        tooltipFormat: hours,
        horizontal: true,
        legend: true,
        right: 16,
        categoryAxis: { inverse: true, axisLabel: { ...chartText, width: 180, overflow: 'truncate' } },
      }),
    [bars],
  )
  return <Chart title={title} height={Math.max(140, 48 + bars.length * 40)} option={option} />
}
