import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import type { CatalogueEntry, IndicatorComparison } from '../../../shared/reporting/reporting.schema.ts'
import { api, withQuery } from '../../api.ts'

export interface IndicatorParams {
  indicator: string
  from: string
  to: string
  siteId?: string
  compare: number
  bySex?: 'true'
  public?: 'true'
}

export const catalogueQuery = queryOptions({
  queryKey: ['indicators'],
  queryFn: () => api.get<CatalogueEntry[]>('/api/indicators'),
  staleTime: Number.POSITIVE_INFINITY,
})

export const indicatorQuery = ({ indicator, ...query }: IndicatorParams) =>
  queryOptions({
    queryKey: ['indicators', indicator, query],
    queryFn: ({ signal }) =>
      api.get<IndicatorComparison>(`/api/indicators/${encodeURIComponent(indicator)}`, { ...query }, signal),
    placeholderData: keepPreviousData,
  })

/** The annual report as a file the browser downloads (same-origin cookie). */
export const reportUrl = (p: { from: string; to: string; siteId?: string }, format: 'pdf' | 'xlsx' | 'json') =>
  withQuery('/api/reports/annual', { from: p.from, to: p.to, siteId: p.siteId, format })
