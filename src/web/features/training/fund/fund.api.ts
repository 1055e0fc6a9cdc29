import { type QueryClient, queryOptions } from '@tanstack/react-query'
import type { z } from 'zod'
import type { TrainingBody } from '../../../../shared/training/catalogue.schema.ts'
import type {
  envelopeInput,
  FundYear,
  ProfPlan,
  planCancelInput,
  planDecisionInput,
  planInput,
} from '../../../../shared/training/fund.schema.ts'
import { api } from '../../../api.ts'

// Each address of the professionalisation fund's screens once (docs/training/fund.md). Every query lives under the
// key ['training', 'fund']: a decision, a reimbursement or an envelope refreshes the year, the list and the plan.
const enc = encodeURIComponent
const fund = '/api/training/fund'
const envelopes = `${fund}/envelopes`
const envelope = (id: string) => `${envelopes}/${enc(id)}`
const plans = `${fund}/plans`
const plan = (id: string) => `${plans}/${enc(id)}`
/** the catalogue's bodies (the plan form's list); the catalogue's own screens own the rest */
const bodies = '/api/training/bodies'

type EnvelopeBody = z.input<typeof envelopeInput>
type Envelope = FundYear['envelopes'][number]
type DecisionBody = z.input<typeof planDecisionInput>

export const fundYearQuery = (year: number) =>
  queryOptions({
    queryKey: ['training', 'fund', 'year', year],
    queryFn: ({ signal }) => api.get<FundYear>(fund, { year }, signal),
  })
export const plansQuery = (params: { year?: number; status?: string; personId?: string }) =>
  queryOptions({
    queryKey: ['training', 'fund', 'plans', params],
    queryFn: ({ signal }) => api.get<ProfPlan[]>(plans, params, signal),
  })
export const planQuery = (id: string) =>
  queryOptions({
    queryKey: ['training', 'fund', 'plan', id],
    queryFn: ({ signal }) => api.get<ProfPlan>(plan(id), undefined, signal),
  })
export const catalogueBodiesQuery = queryOptions({
  queryKey: ['training', 'fund', 'bodies'],
  queryFn: ({ signal }) => api.get<TrainingBody[]>(bodies, undefined, signal),
  staleTime: 60_000,
})

export const refreshFund = (client: QueryClient) => client.invalidateQueries({ queryKey: ['training', 'fund'] })

export const fundApi = {
  createEnvelope: (body: EnvelopeBody) => api.post<Envelope>(envelopes, body),
  updateEnvelope: (id: string, body: EnvelopeBody & { version: number }) => api.put<Envelope>(envelope(id), body),
  removeEnvelope: (e: Envelope) => api.delete(`${envelope(e.id)}?version=${e.version}`),
  createPlan: (body: z.input<typeof planInput>) => api.post<ProfPlan>(plans, body),
  updatePlan: (id: string, body: z.input<typeof planInput> & { version: number }) => api.put<ProfPlan>(plan(id), body),
  decide: (id: string, body: DecisionBody) => api.post<ProfPlan>(`${plan(id)}/decision`, body),
  reimburse: (id: string, body: { reimbursedCents: number; version: number }) =>
    api.post<ProfPlan>(`${plan(id)}/reimbursement`, body),
  cancel: (id: string, body: z.input<typeof planCancelInput>) => api.post<ProfPlan>(`${plan(id)}/cancel`, body),
}
