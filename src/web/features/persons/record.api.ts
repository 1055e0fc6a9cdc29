import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import type { z } from 'zod'
import type {
  Event,
  EventInput,
  eventListQuery,
  eventUpdateSchema,
  Proposition,
  PropositionInput,
  PropositionThemeItem,
  propositionListQuery,
  propositionPageSchema,
  propositionUpdateSchema,
} from '../../../shared/accompaniment/accompaniment.schema.ts'
import type { Interview, InterviewInput } from '../../../shared/accompaniment/interview.schema.ts'
import type {
  Enrolment,
  EnrolmentInput,
  enrolmentUpdateSchema,
  Situation,
  SituationInput,
  situationUpdateSchema,
} from '../../../shared/accompaniment/situations.schema.ts'
import type { NoteInput, NotesView, NoteUpdateInput, noteResultSchema } from '../../../shared/persons/note.schema.ts'
import { api, type PageOf } from '../../api.ts'
import { personKeyOf, personUrl } from './persons.api.ts'

// The accompaniment record of one person: events, propositions, situations, programme enrolments, notes.

/** the file's lists ask for a page and a kind (no period: the whole record) */
export type EventListParams = Pick<z.infer<typeof eventListQuery>, 'page' | 'pageSize' | 'kind'>
export type PropositionListParams = Pick<z.infer<typeof propositionListQuery>, 'page' | 'pageSize' | 'domain' | 'theme'>
export type PropositionPage = z.infer<typeof propositionPageSchema>
export type EventUpdate = z.input<typeof eventUpdateSchema>
export type PropositionUpdate = z.input<typeof propositionUpdateSchema>
export type SituationUpdate = z.input<typeof situationUpdateSchema>
export type EnrolmentUpdate = z.input<typeof enrolmentUpdateSchema>
type NoteResult = z.infer<typeof noteResultSchema>

// Each address once: a person's list, and its items under it.
const url = {
  events: (personId: string) => `${personUrl(personId)}/events`,
  propositions: (personId: string) => `${personUrl(personId)}/propositions`,
  situations: (personId: string) => `${personUrl(personId)}/situations`,
  enrolments: (personId: string) => `${personUrl(personId)}/enrolments`,
  notes: (personId: string) => `${personUrl(personId)}/notes`,
  themes: '/api/reference/proposition-themes',
  interviews: (personId: string) => `${personUrl(personId)}/interviews`,
}
const item = (list: string, id: string) => `${list}/${encodeURIComponent(id)}`

export const eventsQuery = (personId: string, params: EventListParams) =>
  queryOptions({
    queryKey: [...personKeyOf(personId), 'events', params],
    queryFn: ({ signal }) => api.get<PageOf<Event>>(url.events(personId), { ...params }, signal),
    placeholderData: keepPreviousData,
  })

export const propositionsQuery = (personId: string, params: PropositionListParams) =>
  queryOptions({
    queryKey: [...personKeyOf(personId), 'propositions', params],
    queryFn: ({ signal }) => api.get<PropositionPage>(url.propositions(personId), { ...params }, signal),
    placeholderData: keepPreviousData,
  })

export const situationsQuery = (personId: string) =>
  queryOptions({
    queryKey: [...personKeyOf(personId), 'situations'],
    queryFn: ({ signal }) => api.get<Situation[]>(url.situations(personId), undefined, signal),
  })

export const enrolmentsQuery = (personId: string) =>
  queryOptions({
    queryKey: [...personKeyOf(personId), 'enrolments'],
    queryFn: ({ signal }) => api.get<Enrolment[]>(url.enrolments(personId), undefined, signal),
  })

export const notesQuery = (personId: string) =>
  queryOptions({
    queryKey: [...personKeyOf(personId), 'notes'],
    queryFn: ({ signal }) => api.get<NotesView>(url.notes(personId), undefined, signal),
  })

export const themesQuery = queryOptions({
  queryKey: ['reference', 'proposition-themes'],
  queryFn: ({ signal }) => api.get<PropositionThemeItem[]>(url.themes, undefined, signal),
  staleTime: 10 * 60_000,
})

export const recordApi = {
  event: (personId: string, id: string) => api.get<Event>(item(url.events(personId), id)),
  recordInterview: (personId: string, body: InterviewInput) => api.post<Interview>(url.interviews(personId), body),
  addEvent: (personId: string, body: EventInput) => api.post<Event>(url.events(personId), body),
  changeEvent: (personId: string, id: string, body: EventUpdate) =>
    api.put<Event>(item(url.events(personId), id), body),
  removeEvent: (personId: string, id: string) => api.delete(item(url.events(personId), id)),
  addProposition: (personId: string, body: PropositionInput) => api.post<Proposition>(url.propositions(personId), body),
  changeProposition: (personId: string, id: string, body: PropositionUpdate) =>
    api.put<Proposition>(item(url.propositions(personId), id), body),
  addSituation: (personId: string, body: SituationInput) => api.post<Situation>(url.situations(personId), body),
  changeSituation: (personId: string, id: string, body: SituationUpdate) =>
    api.put<Situation>(item(url.situations(personId), id), body),
  removeSituation: (personId: string, id: string) => api.delete(item(url.situations(personId), id)),
  addEnrolment: (personId: string, body: EnrolmentInput) => api.post<Enrolment>(url.enrolments(personId), body),
  changeEnrolment: (personId: string, id: string, body: EnrolmentUpdate) =>
    api.put<Enrolment>(item(url.enrolments(personId), id), body),
  addNote: (personId: string, body: NoteInput) => api.post<NoteResult>(url.notes(personId), body),
  changeNote: (personId: string, id: string, body: NoteUpdateInput) =>
    api.put<NoteResult>(item(url.notes(personId), id), body),
}
