import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import type { z } from 'zod'
import type {
  Event,
  EventInput,
  eventUpdateSchema,
  Proposition,
  PropositionInput,
  PropositionThemeItem,
  propositionUpdateSchema,
} from '../../../shared/accompaniment/accompaniment.schema.ts'
import type {
  Enrolment,
  EnrolmentInput,
  enrolmentUpdateSchema,
  Situation,
  SituationInput,
  situationUpdateSchema,
} from '../../../shared/accompaniment/situations.schema.ts'
import type { NoteInput, NotesView, NoteUpdateInput, noteResultSchema } from '../../../shared/persons/note.schema.ts'
import { api } from '../../api.ts'
import type { PageOf } from '../admin/admin.api.ts'
import { personKeyOf } from './persons.api.ts'

// The accompaniment record of one person: events, propositions, situations, programme enrolments, notes.

export interface EventListParams {
  page: number
  pageSize: number
  kind?: Event['kind']
}
export interface PropositionListParams {
  page: number
  pageSize: number
  domain?: Proposition['domain']
  theme?: string
}
export type PropositionPage = PageOf<Proposition> & { hiddenSensitive: number }
export type EventUpdate = z.input<typeof eventUpdateSchema>
export type PropositionUpdate = z.input<typeof propositionUpdateSchema>
export type SituationUpdate = z.input<typeof situationUpdateSchema>
export type EnrolmentUpdate = z.input<typeof enrolmentUpdateSchema>
type NoteResult = z.infer<typeof noteResultSchema>

const base = (personId: string) => `/api/persons/${personId}`

export const eventsQuery = (personId: string, params: EventListParams) =>
  queryOptions({
    queryKey: [...personKeyOf(personId), 'events', params],
    queryFn: ({ signal }) => api.get<PageOf<Event>>(`${base(personId)}/events`, { ...params }, signal),
    placeholderData: keepPreviousData,
  })

export const propositionsQuery = (personId: string, params: PropositionListParams) =>
  queryOptions({
    queryKey: [...personKeyOf(personId), 'propositions', params],
    queryFn: ({ signal }) => api.get<PropositionPage>(`${base(personId)}/propositions`, { ...params }, signal),
    placeholderData: keepPreviousData,
  })

export const situationsQuery = (personId: string) =>
  queryOptions({
    queryKey: [...personKeyOf(personId), 'situations'],
    queryFn: ({ signal }) => api.get<Situation[]>(`${base(personId)}/situations`, undefined, signal),
  })

export const enrolmentsQuery = (personId: string) =>
  queryOptions({
    queryKey: [...personKeyOf(personId), 'enrolments'],
    queryFn: ({ signal }) => api.get<Enrolment[]>(`${base(personId)}/enrolments`, undefined, signal),
  })

export const notesQuery = (personId: string) =>
  queryOptions({
    queryKey: [...personKeyOf(personId), 'notes'],
    queryFn: ({ signal }) => api.get<NotesView>(`${base(personId)}/notes`, undefined, signal),
  })

export const themesQuery = queryOptions({
  queryKey: ['reference', 'proposition-themes'],
  queryFn: ({ signal }) => api.get<PropositionThemeItem[]>('/api/reference/proposition-themes', undefined, signal),
  staleTime: 10 * 60_000,
})

export const recordApi = {
  addEvent: (personId: string, body: EventInput) => api.post<Event>(`${base(personId)}/events`, body),
  changeEvent: (personId: string, id: string, body: EventUpdate) =>
    api.put<Event>(`${base(personId)}/events/${id}`, body),
  removeEvent: (personId: string, id: string) => api.delete(`${base(personId)}/events/${id}`),
  addProposition: (personId: string, body: PropositionInput) =>
    api.post<Proposition>(`${base(personId)}/propositions`, body),
  changeProposition: (personId: string, id: string, body: PropositionUpdate) =>
    api.put<Proposition>(`${base(personId)}/propositions/${id}`, body),
  addSituation: (personId: string, body: SituationInput) => api.post<Situation>(`${base(personId)}/situations`, body),
  changeSituation: (personId: string, id: string, body: SituationUpdate) =>
    api.put<Situation>(`${base(personId)}/situations/${id}`, body),
  removeSituation: (personId: string, id: string) => api.delete(`${base(personId)}/situations/${id}`),
  addEnrolment: (personId: string, body: EnrolmentInput) => api.post<Enrolment>(`${base(personId)}/enrolments`, body),
  changeEnrolment: (personId: string, id: string, body: EnrolmentUpdate) =>
    api.put<Enrolment>(`${base(personId)}/enrolments/${id}`, body),
  addNote: (personId: string, body: NoteInput) => api.post<NoteResult>(`${base(personId)}/notes`, body),
  changeNote: (personId: string, id: string, body: NoteUpdateInput) =>
    api.put<NoteResult>(`${base(personId)}/notes/${id}`, body),
}
