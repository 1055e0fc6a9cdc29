import { queryOptions } from '@tanstack/react-query'
import type { z } from 'zod'
import type { PaymentRun } from '../../../shared/aids/allowance.schema.ts'
import type {
  Commission,
  CommissionCase,
  CommissionDecisionInput,
  CommissionInput,
  Contract,
  ContractInput,
  commissionListSchema,
  MembersInput,
} from '../../../shared/aids/commissions.schema.ts'
import type { Envelope, EnvelopeInput, Fund, fundInputSchema } from '../../../shared/aids/funds.schema.ts'
import type { IndirectAid, IndirectInput, indirectListSchema } from '../../../shared/aids/indirect.schema.ts'
import type {
  holidayAidsSchema,
  Project,
  ProjectDecisionInput,
  ProjectInput,
  ProjectOutcomeInput,
} from '../../../shared/aids/projects.schema.ts'
import { api } from '../../api.ts'

// Each address of the aids' configuration screens once (docs/aids.md « Screens: configuration, commissions,
// allowance, projects »): funds and envelopes, commissions and contracts, the allowance's payment runs, projects and
// indirect aids. Every query lives under the key 'aids', as the daily screens' (aids.api.ts): a decision taken in a
// commission refreshes the worklist and the dashboards too. The funds' list and a fund's year are aids.api.ts's.
const enc = encodeURIComponent
const funds = '/api/aids/funds'
const fund = (id: string) => `${funds}/${enc(id)}`
const envelope = (id: string) => `/api/aids/envelopes/${enc(id)}`
const commissions = '/api/aids/commissions'
const commission = (id: string) => `${commissions}/${enc(id)}`
const contract = (requestId: string) => `/api/aids/requests/${enc(requestId)}/contract`
const runs = (fundId: string) => `${fund(fundId)}/payment-runs`
const projects = '/api/aids/projects'
const project = (id: string) => `${projects}/${enc(id)}`
const indirect = '/api/aids/indirect'

type FundBody = z.input<typeof fundInputSchema>
export type CommissionList = z.infer<typeof commissionListSchema>
export type IndirectList = z.infer<typeof indirectListSchema>
export type HolidayAids = z.infer<typeof holidayAidsSchema>

export const commissionsQuery = (params: { from?: string; to?: string; fundId?: string }) =>
  queryOptions({
    queryKey: ['aids', 'commissions', params],
    queryFn: ({ signal }) => api.get<CommissionList>(commissions, params, signal),
  })
export const commissionQuery = (id: string) =>
  queryOptions({
    queryKey: ['aids', 'commission', id],
    queryFn: ({ signal }) => api.get<Commission>(commission(id), undefined, signal),
  })
export const candidatesQuery = (id: string) =>
  queryOptions({
    queryKey: ['aids', 'commission', id, 'candidates'],
    queryFn: ({ signal }) => api.get<CommissionCase[]>(`${commission(id)}/candidates`, undefined, signal),
  })
/** a granted reinforced request's contract; none yet: null (the server's 404) */
export const contractQuery = (requestId: string) =>
  queryOptions({
    queryKey: ['aids', 'contract', requestId],
    queryFn: async ({ signal }) => {
      try {
        return await api.get<Contract>(contract(requestId), undefined, signal)
      } catch (error) {
        if ((error as { status?: number }).status === 404) return null
        throw error
      }
    },
  })
export const runsQuery = (fundId: string, year?: number) =>
  queryOptions({
    queryKey: ['aids', 'runs', fundId, year ?? 'all'],
    queryFn: ({ signal }) => api.get<PaymentRun[]>(runs(fundId), year ? { year } : undefined, signal),
  })
export const projectsQuery = (params: { fundId?: string; year?: number; status?: string }) =>
  queryOptions({
    queryKey: ['aids', 'projects', params],
    queryFn: ({ signal }) => api.get<Project[]>(projects, params, signal),
  })
export const indirectQuery = (year: number, fundId?: string) =>
  queryOptions({
    queryKey: ['aids', 'indirect', year, fundId ?? 'all'],
    queryFn: ({ signal }) => api.get<IndirectList>(indirect, { year, fundId }, signal),
  })

export const commissionPdfUrl = (id: string, kind: 'agenda' | 'minutes') => `${commission(id)}/${kind}.pdf`
export const contractPdfUrl = (requestId: string) => `${contract(requestId)}.pdf`
export const runFileUrl = (fundId: string, runId: string) => `${runs(fundId)}/${enc(runId)}/file`

export const setupApi = {
  createFund: (body: FundBody) => api.post<Fund>(funds, body),
  updateFund: (id: string, body: FundBody & { version: number }) => api.put<Fund>(fund(id), body),
  createEnvelope: (fundId: string, body: EnvelopeInput) => api.post<Envelope>(`${fund(fundId)}/envelopes`, body),
  updateEnvelope: (id: string, body: EnvelopeInput & { version: number }) => api.put<Envelope>(envelope(id), body),
  removeEnvelope: (e: Envelope) => api.delete(`${envelope(e.id)}?version=${e.version}`),

  createCommission: (body: CommissionInput) => api.post<Commission>(commissions, body),
  setMembers: (id: string, body: MembersInput) => api.put<Commission>(`${commission(id)}/members`, body),
  addCase: (id: string, requestId: string) => api.post<Commission>(`${commission(id)}/cases`, { requestId }),
  removeCase: (id: string, requestId: string) => api.delete(`${commission(id)}/cases/${enc(requestId)}`),
  decide: (id: string, requestId: string, body: CommissionDecisionInput) =>
    api.post<Commission>(`${commission(id)}/cases/${enc(requestId)}/decision`, body),
  held: (id: string, version: number) => api.post<Commission>(`${commission(id)}/held`, { version }),
  createContract: (requestId: string, body: ContractInput) => api.post<Contract>(contract(requestId), body),
  sign: (requestId: string, signedOn: string, version: number) =>
    api.post<Contract>(`${contract(requestId)}/signature`, { signedOn, version }),

  /** the month's run: the payment file's text (CSV) */
  runPayments: (fundId: string, month: string) => api.post<string>(runs(fundId), { month }),

  createProject: (body: ProjectInput) => api.post<Project>(projects, body),
  updateProject: (id: string, body: ProjectInput & { version: number }) => api.put<Project>(project(id), body),
  present: (id: string, body: { version: number; commissionId: string | null; presentedOn: string | null }) =>
    api.post<Project>(`${project(id)}/presentation`, body),
  decideProject: (id: string, body: ProjectDecisionInput) => api.post<Project>(`${project(id)}/decision`, body),
  outcome: (id: string, body: ProjectOutcomeInput) => api.post<Project>(`${project(id)}/outcome`, body),
  holidayAids: (id: string, version: number) => api.post<HolidayAids>(`${project(id)}/holiday-aids`, { version }),

  createIndirect: (body: IndirectInput) => api.post<IndirectAid>(indirect, body),
  updateIndirect: (id: string, body: IndirectInput & { version: number }) =>
    api.put<IndirectAid>(`${indirect}/${enc(id)}`, body),
  removeIndirect: (a: IndirectAid) => api.delete(`${indirect}/${enc(a.id)}?version=${a.version}`),
}
