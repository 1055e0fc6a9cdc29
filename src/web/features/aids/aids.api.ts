import { type QueryClient, queryOptions } from '@tanstack/react-query'
import type { z } from 'zod'
import type { Fund, fundDashboardSchema, fundYearSchema, overviewSchema } from '../../../shared/aids/funds.schema.ts'
import type { AidPayment, AidPaymentInput } from '../../../shared/aids/payments.schema.ts'
import type {
  AidDecisionInput,
  AidRequest,
  AidRequestInput,
  aidRequestWithPaymentsSchema,
  Worklist,
} from '../../../shared/aids/requests.schema.ts'
import { api } from '../../api.ts'

// Each address of the aids' daily screens once (docs/aids.md « Screens: the daily work »). Every aids query lives under
// the key 'aids': a decision, a payment or a new request refreshes the tab, the worklist and the dashboards together.
// The configuration screens (funds, envelopes, commissions) keep their own functions in setup/setup.api.ts.
const enc = encodeURIComponent
const personRequests = (personId: string) => `/api/persons/${enc(personId)}/aids/requests`
const request = (id: string) => `/api/aids/requests/${enc(id)}`
const payment = (id: string) => `/api/aids/payments/${enc(id)}`
const funds = '/api/aids/funds'
const fund = (id: string) => `${funds}/${enc(id)}`

export type AidRequestFull = z.infer<typeof aidRequestWithPaymentsSchema>
export type FundDashboard = z.infer<typeof fundDashboardSchema>
export type FundYear = z.infer<typeof fundYearSchema>
export type Overview = z.infer<typeof overviewSchema>

export const personRequestsQuery = (personId: string) =>
  queryOptions({
    queryKey: ['aids', 'person', personId],
    queryFn: ({ signal }) => api.get<AidRequestFull[]>(personRequests(personId), undefined, signal),
  })
export const requestQuery = (id: string) =>
  queryOptions({
    queryKey: ['aids', 'request', id],
    queryFn: ({ signal }) => api.get<AidRequestFull>(request(id), undefined, signal),
  })
/** the active funds (the request form), or every fund (names of a redirected fund) */
export const fundsQuery = (active?: boolean) =>
  queryOptions({
    queryKey: ['aids', 'funds', active ?? 'all'],
    queryFn: ({ signal }) =>
      api.get<Fund[]>(funds, active === undefined ? undefined : { active: String(active) }, signal),
    staleTime: 5 * 60_000,
  })
export const fundQuery = (id: string) =>
  queryOptions({
    queryKey: ['aids', 'fund', id],
    queryFn: ({ signal }) => api.get<Fund>(fund(id), undefined, signal),
    staleTime: 60_000,
  })
export const fundYearQuery = (id: string, year: number) =>
  queryOptions({
    queryKey: ['aids', 'fund', id, 'year', year],
    queryFn: ({ signal }) => api.get<FundYear>(`${fund(id)}/envelopes`, { year }, signal),
  })
export const worklistQuery = queryOptions({
  queryKey: ['aids', 'worklist'],
  queryFn: ({ signal }) => api.get<Worklist>('/api/aids/worklist', undefined, signal),
})
export const dashboardQuery = (id: string, year: number) =>
  queryOptions({
    queryKey: ['aids', 'fund', id, 'dashboard', year],
    queryFn: ({ signal }) => api.get<FundDashboard>(`${fund(id)}/dashboard`, { year }, signal),
  })
export const overviewQuery = (year: number) =>
  queryOptions({
    queryKey: ['aids', 'overview', year],
    queryFn: ({ signal }) => api.get<Overview>('/api/aids/overview', { year }, signal),
  })

export const refreshAids = (client: QueryClient) => client.invalidateQueries({ queryKey: ['aids'] })

export const aidsApi = {
  ask: (personId: string, body: AidRequestInput) => api.post<AidRequest>(personRequests(personId), body),
  documents: (id: string, documents: string[], version: number) =>
    api.put<AidRequest>(`${request(id)}/documents`, { documents, version }),
  cancel: (id: string, reason: string | null, version: number) =>
    api.post<AidRequest>(`${request(id)}/cancel`, { reason, version }),
  decide: (id: string, body: AidDecisionInput) => api.post<AidRequest>(`${request(id)}/decision`, body),
  pay: (id: string, body: AidPaymentInput) => api.post<AidPayment>(`${request(id)}/payments`, body),
  proof: (id: string, receivedOn: string, version: number) =>
    api.post<AidRequest>(`${request(id)}/proof`, { receivedOn, version }),
  cancelPayment: (id: string, reason: string) => api.post<AidPayment>(`${payment(id)}/cancel`, { reason }),
  payInstalment: (id: string, paidOn: string, mode: AidPayment['mode']) =>
    api.post<AidPayment>(`${payment(id)}/pay`, { paidOn, mode }),
}
