import { queryOptions } from '@tanstack/react-query'
import type { Funding } from '../../../../shared/plie/funding.schema.ts'
import { api } from '../../../api.ts'
import type { FundingBody } from './funding.bodies.ts'

// The PLIE's funding operations (docs/plie.md « Funding »): one year's list, and its changes.
const url = '/api/plie/funding'
const one = (id: string) => `${url}/${encodeURIComponent(id)}`

export const fundingQuery = (year: number) =>
  queryOptions({
    queryKey: ['plie', 'funding', year],
    queryFn: ({ signal }) => api.get<Funding[]>(url, { year }, signal),
  })

export const fundingApi = {
  create: (body: FundingBody) => api.post<Funding>(url, body),
  update: (id: string, body: FundingBody & { version: number }) => api.put<Funding>(one(id), body),
  remove: (f: Funding) => api.delete(`${one(f.id)}?version=${f.version}`),
}
