import { Skeleton } from '@mantine/core'
import { Suspense } from 'react'
import { lazyPage } from '../../routes/lazy.ts'
import type { ChartModel } from './statistics.charts.ts'

// ECharts weighs more than the whole statistics page: a chunk of its own (the app's charts, components/chart.tsx),
// asked as soon as the page's chunk runs (in parallel with the page's requests), so the tables never wait for the charts.
const LoadedChart = lazyPage(() => import('../../components/chart.tsx'), 'Chart')
void LoadedChart.preload?.()

/** A chart, or its place kept at its height while the chart library arrives. */
export function Chart({ chart }: { chart: ChartModel }) {
  return (
    <Suspense fallback={<Skeleton height={chart.height + 28} aria-hidden="true" />}>
      <LoadedChart title={chart.title} height={chart.height} option={chart.option} />
    </Suspense>
  )
}
