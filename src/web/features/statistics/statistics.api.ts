import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import type { z } from 'zod'
import type {
  CatalogueEntry,
  IndicatorComparison,
  indicatorQuery as indicatorQuerySchema,
  reportQuery,
} from '../../../shared/reporting/reporting.schema.ts'
import { api, withQuery } from '../../api.ts'

/** the indicator's id (in the path) and its query */
export type IndicatorParams = z.infer<typeof indicatorQuerySchema> & { indicator: string }

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
export const reportUrl = (
  p: Pick<z.input<typeof reportQuery>, 'from' | 'to' | 'siteId'>,
  format: z.input<typeof reportQuery>['format'],
) => withQuery('/api/reports/annual', { from: p.from, to: p.to, siteId: p.siteId, format })
