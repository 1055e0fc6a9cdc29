import { useMemo } from 'react'
import { barOption, Chart } from '../../../components/chart.tsx'
import { formatEuros } from '../../../components/format.ts'
import type { FundDashboard } from '../aids.api.ts'

// A fund's month-by-month consumption (committed and paid, in euros) as bars (the app's charts: components/chart.tsx),
// in a chunk of its own (lazy-consumption-chart.tsx): the first load never carries ECharts. The table below the chart
// gives the same figures.

const MONTHS = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.']
const euros = (cents: number) => formatEuros(cents)

export function ConsumptionChart({ title, months }: { title: string; months: FundDashboard['months'] }) {
  const option = useMemo(
    () =>
      barOption({
        colors: ['#1c7ed6', '#2f9e44'],
        categories: months.map((m) => MONTHS[Number(m.month.slice(5, 7)) - 1] ?? m.month),
        series: [
          { name: 'Engagé', data: months.map((m) => m.committedCents) },
          { name: 'Payé', data: months.map((m) => m.paidCents) },
        ],
        barMaxWidth: 16,
        format: euros,
        legend: true,
      }),
    [months],
  )
  return <Chart title={title} height={280} option={option} />
}
