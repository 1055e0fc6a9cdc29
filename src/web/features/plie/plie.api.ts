import { type QueryClient, queryOptions } from '@tanstack/react-query'
import type { z } from 'zod'
import type {
  CaseInput,
  Committee,
  CommitteeInput,
  committeeListSchema,
  DecisionInput,
  MembersInput,
} from '../../../shared/plie/committees.schema.ts'
import type { Organisation } from '../../../shared/plie/organisations.schema.ts'
import type {
  exitInputSchema,
  PersonPlie,
  referentChangeSchema,
  stepInputSchema,
  stepUpdateSchema,
} from '../../../shared/plie/pathways.schema.ts'
import type {
  eligibilityViewSchema,
  Proposal,
  ProposalInput,
  proposalCreatedSchema,
  proposalListSchema,
} from '../../../shared/plie/proposals.schema.ts'
import { api } from '../../api.ts'

// Each address of the PLIE's screens once (docs/plie.md, "Screens"). Every PLIE query lives under the key 'plie': a
// decision, a step or an exit refreshes the tab, the committees and the proposals together.
const enc = encodeURIComponent
const personPlie = (personId: string) => `/api/persons/${enc(personId)}/plie`
const pathway = (enrolmentId: string) => `/api/plie/pathways/${enc(enrolmentId)}`
const committees = '/api/plie/committees'
const committee = (id: string) => `${committees}/${enc(id)}`
const proposals = '/api/plie/proposals'
const organisations = '/api/plie/organisations'

export type EligibilityView = z.infer<typeof eligibilityViewSchema>
export type ProposalList = z.infer<typeof proposalListSchema>
export type CommitteeList = z.infer<typeof committeeListSchema>

export const personPlieQuery = (personId: string) =>
  queryOptions({
    queryKey: ['plie', 'person', personId],
    queryFn: ({ signal }) => api.get<PersonPlie>(personPlie(personId), undefined, signal),
  })
export const eligibilityQuery = (personId: string) =>
  queryOptions({
    queryKey: ['plie', 'person', personId, 'eligibility'],
    queryFn: ({ signal }) => api.get<EligibilityView>(`${personPlie(personId)}/eligibility`, undefined, signal),
  })
export const personProposalsQuery = (personId: string) =>
  queryOptions({
    queryKey: ['plie', 'person', personId, 'proposals'],
    queryFn: ({ signal }) => api.get<ProposalList>(`${personPlie(personId)}/proposals`, undefined, signal),
  })
export const proposalsQuery = (query: { status?: string; siteId?: string }) =>
  queryOptions({
    queryKey: ['plie', 'proposals', query],
    queryFn: ({ signal }) => api.get<ProposalList>(proposals, query, signal),
  })
export const committeesQuery = (query: { from?: string; to?: string; siteId?: string }) =>
  queryOptions({
    queryKey: ['plie', 'committees', query],
    queryFn: ({ signal }) => api.get<CommitteeList>(committees, query, signal),
  })
export const committeeQuery = (id: string) =>
  queryOptions({
    queryKey: ['plie', 'committee', id],
    queryFn: ({ signal }) => api.get<Committee>(committee(id), undefined, signal),
  })
export const organisationsQuery = queryOptions({
  queryKey: ['plie', 'organisations'],
  queryFn: ({ signal }) => api.get<Organisation[]>(organisations, undefined, signal),
  staleTime: 5 * 60_000,
})

export const committeePdfUrl = (id: string, kind: 'agenda' | 'minutes') => `${committee(id)}/${kind}.pdf`

export const refreshPlie = (client: QueryClient) => client.invalidateQueries({ queryKey: ['plie'] })

export const plieApi = {
  propose: (personId: string, body: ProposalInput) =>
    api.post<z.infer<typeof proposalCreatedSchema>>(`${personPlie(personId)}/proposals`, body),
  withdraw: (id: string, version: number) => api.post<Proposal>(`${proposals}/${enc(id)}/withdraw`, { version }),
  changeReferent: (enrolmentId: string, body: z.input<typeof referentChangeSchema>) =>
    api.put(`${pathway(enrolmentId)}/referent`, body),
  addStep: (enrolmentId: string, body: z.input<typeof stepInputSchema>) =>
    api.post(`${pathway(enrolmentId)}/steps`, body),
  updateStep: (enrolmentId: string, situationId: string, body: z.input<typeof stepUpdateSchema>) =>
    api.put(`${pathway(enrolmentId)}/steps/${enc(situationId)}`, body),
  exit: (enrolmentId: string, body: z.input<typeof exitInputSchema>) => api.post(`${pathway(enrolmentId)}/exit`, body),
  createCommittee: (body: CommitteeInput) => api.post<Committee>(committees, body),
  setMembers: (id: string, body: MembersInput) => api.put<Committee>(`${committee(id)}/members`, body),
  addCase: (id: string, body: CaseInput) => api.post<Committee>(`${committee(id)}/cases`, body),
  removeCase: (id: string, caseId: string) => api.delete<Committee>(`${committee(id)}/cases/${enc(caseId)}`),
  decide: (id: string, caseId: string, body: DecisionInput) =>
    api.post<Committee>(`${committee(id)}/cases/${enc(caseId)}/decision`, body),
  close: (id: string, version: number) => api.post<Committee>(`${committee(id)}/held`, { version }),
}
