import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import type { z } from 'zod'
import type {
  CatalogueEntry,
  IndicatorComparison,
  indicatorQuery as indicatorQuerySchema,
  reportQuery,
} from '../../../shared/reporting/reporting.schema.ts'
import { api, withQuery } from '../../api.ts'

// Each address once: the catalogue is the list of indicators, an indicator's figures are its item.
const url = { indicators: '/api/indicators', annualReport: '/api/reports/annual' }

/** the indicator's id (in the path) and its query */
export type IndicatorParams = z.infer<typeof indicatorQuerySchema> & { indicator: string }

export const catalogueQuery = queryOptions({
  queryKey: ['indicators'],
  queryFn: () => api.get<CatalogueEntry[]>(url.indicators),
  staleTime: Number.POSITIVE_INFINITY,
})

export const indicatorQuery = ({ indicator, ...query }: IndicatorParams) =>
  queryOptions({
    queryKey: ['indicators', indicator, query],
    queryFn: ({ signal }) =>
      api.get<IndicatorComparison>(`${url.indicators}/${encodeURIComponent(indicator)}`, { ...query }, signal),
    placeholderData: keepPreviousData,
  })

/** The annual report as a file the browser downloads (same-origin cookie). */
export const reportUrl = (
  p: Pick<z.input<typeof reportQuery>, 'from' | 'to' | 'siteId'>,
  format: z.input<typeof reportQuery>['format'],
) => withQuery(url.annualReport, { from: p.from, to: p.to, siteId: p.siteId, format })
