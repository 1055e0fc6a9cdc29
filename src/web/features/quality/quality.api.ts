import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import type { z } from 'zod'
import type {
  QualityRuleId,
  QualitySummary,
  QualityTrend,
  qualityFilesPageSchema,
} from '../../../shared/quality/quality.schema.ts'
import { api } from '../../api.ts'

export type QualityFilesPage = z.infer<typeof qualityFilesPageSchema>
interface Scope {
  siteId?: string | undefined
  counsellorId?: string | undefined
}

// Each address once.
const url = {
  summary: '/api/quality',
  trend: '/api/quality/trend',
  files: (rule: QualityRuleId) => `/api/quality/rules/${encodeURIComponent(rule)}/files`,
}
export const qualityFilesExportUrl = (rule: QualityRuleId) => `${url.files(rule)}/export`

// The counts and the files to fix are read again each time the page opens (staleTime 0, not the app's 30 s): a file
// just fixed must leave them at once.
export const qualitySummaryQuery = (scope: Scope) =>
  queryOptions({
    staleTime: 0,
    queryKey: ['quality', 'summary', scope],
    queryFn: ({ signal }) => api.get<QualitySummary>(url.summary, { ...scope }, signal),
    placeholderData: keepPreviousData,
  })

export const qualityFilesQuery = (rule: QualityRuleId, scope: Scope & { page: number; pageSize: number }) =>
  queryOptions({
    staleTime: 0,
    queryKey: ['quality', 'files', rule, scope],
    queryFn: ({ signal }) => api.get<QualityFilesPage>(url.files(rule), { ...scope }, signal),
    placeholderData: keepPreviousData,
  })

export const qualityTrendQuery = (scope: { siteId?: string | undefined; months: number }) =>
  queryOptions({
    queryKey: ['quality', 'trend', scope],
    queryFn: ({ signal }) => api.get<QualityTrend>(url.trend, { ...scope }, signal),
  })
