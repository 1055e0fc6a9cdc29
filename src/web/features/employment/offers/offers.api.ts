import { keepPreviousData, type QueryClient, queryOptions } from '@tanstack/react-query'
import type { z } from 'zod'
import type { EmployerList } from '../../../../shared/employment/employers.schema.ts'
import type {
  Candidate,
  CandidateStatusInput,
  EmploymentWorklist,
  FollowUpInput,
  followUpItemSchema,
  HireInput,
  JobProjectInput,
  Match,
  Offer,
  OfferInput,
  OfferSummary,
  PersonEmployment,
  Placement,
  PositionInput,
} from '../../../../shared/employment/offers.schema.ts'
import { api } from '../../../api.ts'

// Each address of the offers screens once (docs/employment/screens.md « Offres, candidats, embauches et suivis »). Every
// employment query lives under the key 'employment': a positioning, an answer or a hire refreshes the worklist, the
// offer, the follow-ups and the person's tab together.
const enc = encodeURIComponent
const offers = '/api/employment/offers'
const offer = (id: string) => `${offers}/${enc(id)}`
const candidate = (id: string) => `/api/employment/candidates/${enc(id)}`
const followUps = '/api/employment/follow-ups'
const person = (id: string) => `/api/employment/persons/${enc(id)}`
const project = (id: string) => `/api/employment/projects/${enc(id)}`

export type FollowUpItem = z.infer<typeof followUpItemSchema>
export interface OfferSearch {
  status?: string
  siteId?: string
  romeCode?: string
  q?: string
}

export const worklistQuery = queryOptions({
  queryKey: ['employment', 'worklist'],
  queryFn: ({ signal }) => api.get<EmploymentWorklist>('/api/employment/worklist', undefined, signal),
})
export const offersQuery = (search: OfferSearch) =>
  queryOptions({
    queryKey: ['employment', 'offers', search],
    queryFn: ({ signal }) => api.get<{ items: OfferSummary[] }>(offers, { ...search }, signal),
    placeholderData: keepPreviousData,
  })
export const offerQuery = (id: string) =>
  queryOptions({
    queryKey: ['employment', 'offer', id],
    queryFn: ({ signal }) => api.get<Offer>(offer(id), undefined, signal),
  })
export const matchesQuery = (id: string) =>
  queryOptions({
    queryKey: ['employment', 'matches', id],
    queryFn: ({ signal }) => api.get<{ items: Match[] }>(`${offer(id)}/matches`, undefined, signal),
  })
export const followUpsQuery = (when: 'overdue' | 'upcoming' | 'all') =>
  queryOptions({
    queryKey: ['employment', 'follow-ups', when],
    queryFn: ({ signal }) => api.get<{ items: FollowUpItem[] }>(followUps, { when }, signal),
  })
export const personEmploymentQuery = (personId: string) =>
  queryOptions({
    queryKey: ['employment', 'person', personId],
    queryFn: ({ signal }) => api.get<PersonEmployment>(person(personId), undefined, signal),
  })
/** the employers part's list (GET /api/employment/employers, a page of 100 at most), searched by name or SIRET */
export const employersQuery = (q: string) =>
  queryOptions({
    queryKey: ['employment', 'employers', 'options', q],
    queryFn: ({ signal }) =>
      api.get<EmployerList>('/api/employment/employers', { q: q || undefined, pageSize: 100 }, signal),
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  })

export const refreshEmployment = (client: QueryClient) => client.invalidateQueries({ queryKey: ['employment'] })

export const offersApi = {
  create: (body: OfferInput) => api.post<Offer>(offers, body),
  update: (id: string, body: OfferInput & { version: number }) => api.put<Offer>(offer(id), body),
  setStatus: (id: string, status: string, version: number) =>
    api.post<Offer>(`${offer(id)}/status`, { status, version }),
  position: (offerId: string, body: PositionInput) => api.post<Candidate>(`${offer(offerId)}/candidates`, body),
  answer: (id: string, body: CandidateStatusInput) => api.post<Candidate>(`${candidate(id)}/status`, body),
  hire: (id: string, body: HireInput) => api.post<Placement>(`${candidate(id)}/hire`, body),
  recordFollowUp: (id: string, body: FollowUpInput) => api.put<unknown>(`${followUps}/${enc(id)}`, body),
  addProject: (personId: string, body: JobProjectInput) => api.post<unknown>(`${person(personId)}/projects`, body),
  updateProject: (id: string, body: JobProjectInput & { active: boolean; version: number }) =>
    api.put<unknown>(project(id), body),
}
