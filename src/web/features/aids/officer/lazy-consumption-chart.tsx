import { Skeleton } from '@mantine/core'
import { Suspense } from 'react'
import { lazyPage } from '../../../routes/lazy.ts'
import type { FundDashboard } from '../aids.api.ts'

// ECharts in a chunk of its own, asked as soon as the dashboard's chunk runs, so the figures never wait for the chart.
const Loaded = lazyPage(() => import('./consumption-chart.tsx'), 'ConsumptionChart')
void Loaded.preload?.()

export function ConsumptionChart(props: { title: string; months: FundDashboard['months'] }) {
  return (
    <Suspense fallback={<Skeleton height={308} aria-hidden="true" />}>
      <Loaded {...props} />
    </Suspense>
  )
}
