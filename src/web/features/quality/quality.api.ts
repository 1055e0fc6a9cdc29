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

export const qualitySummaryQuery = (scope: Scope) =>
  queryOptions({
    queryKey: ['quality', 'summary', scope],
    queryFn: ({ signal }) => api.get<QualitySummary>(url.summary, { ...scope }, signal),
    placeholderData: keepPreviousData,
  })

export const qualityFilesQuery = (rule: QualityRuleId, scope: Scope & { page: number; pageSize: number }) =>
  queryOptions({
    queryKey: ['quality', 'files', rule, scope],
    queryFn: ({ signal }) => api.get<QualityFilesPage>(url.files(rule), { ...scope }, signal),
    placeholderData: keepPreviousData,
  })

export const qualityTrendQuery = (scope: { siteId?: string | undefined; months: number }) =>
  queryOptions({
    queryKey: ['quality', 'trend', scope],
    queryFn: ({ signal }) => api.get<QualityTrend>(url.trend, { ...scope }, signal),
  })
