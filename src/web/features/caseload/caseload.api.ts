import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import type { z } from 'zod'
import type { caseloadPageSchema } from '../../../shared/accompaniment/caseload.schema.ts'
import { api } from '../../api.ts'

export type CaseloadPage = z.infer<typeof caseloadPageSchema>
export interface CaseloadParams {
  page: number
  pageSize: number
  counsellorId?: string
  alert?: 'only'
  sort: 'name' | 'lastContact' | 'nextEvent'
  order: 'asc' | 'desc'
}

export const caseloadQuery = (params: CaseloadParams) =>
  queryOptions({
    queryKey: ['caseload', params],
    queryFn: ({ signal }) => api.get<CaseloadPage>('/api/caseload', { ...params }, signal),
    placeholderData: keepPreviousData,
  })
