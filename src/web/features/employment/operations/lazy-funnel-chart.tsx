import { Skeleton } from '@mantine/core'
import { Suspense } from 'react'
import { lazyPage } from '../../../routes/lazy.ts'

// ECharts in a chunk of its own, asked as soon as the operation's chunk runs, so the figures never wait for the chart.
const Loaded = lazyPage(() => import('./funnel-chart.tsx'), 'FunnelChart')
void Loaded.preload?.()

export function FunnelChart(props: { title: string; stages: { label: string; count: number }[] }) {
  return (
    <Suspense fallback={<Skeleton height={284} aria-hidden="true" />}>
      <Loaded {...props} />
    </Suspense>
  )
}
