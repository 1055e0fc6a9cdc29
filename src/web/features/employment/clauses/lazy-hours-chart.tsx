import { Skeleton } from '@mantine/core'
import { Suspense } from 'react'
import { lazyPage } from '../../../routes/lazy.ts'
import type { HoursBar } from './hours-chart.tsx'

// ECharts in a chunk of its own, asked as soon as the page's chunk runs, so the figures never wait for the chart.
const Loaded = lazyPage(() => import('./hours-chart.tsx'), 'HoursChart')
void Loaded.preload?.()

export function HoursChart(props: { title: string; bars: HoursBar[] }) {
  return (
    <Suspense fallback={<Skeleton height={140} aria-hidden="true" />}>
      <Loaded {...props} />
    </Suspense>
  )
}
