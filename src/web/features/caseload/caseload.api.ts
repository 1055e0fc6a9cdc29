import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import type { z } from 'zod'
import type {
  caseloadPageSchema,
  caseloadQuery as caseloadQuerySchema,
} from '../../../shared/accompaniment/caseload.schema.ts'
import { api } from '../../api.ts'

const url = { caseload: '/api/caseload', export: '/api/caseload/export' }
export const caseloadExportUrl = url.export

export type CaseloadPage = z.infer<typeof caseloadPageSchema>
export type CaseloadParams = z.infer<typeof caseloadQuerySchema>

export const caseloadQuery = (params: CaseloadParams) =>
  queryOptions({
    queryKey: ['caseload', params],
    queryFn: ({ signal }) => api.get<CaseloadPage>(url.caseload, { ...params }, signal),
    placeholderData: keepPreviousData,
  })
