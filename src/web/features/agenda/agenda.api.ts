import { type QueryClient, queryOptions } from '@tanstack/react-query'
import type { z } from 'zod'
import type {
  Appointment,
  AppointmentInput,
  AppointmentListQuery,
  AppointmentMove,
  SeriesInput,
  seriesSchema,
} from '../../../shared/agenda/agenda.schema.ts'
import type {
  Contact,
  contactInputSchema,
  feedCreatedSchema,
  feedStateSchema,
  Message,
  Room,
  RoomInput,
  Template,
  TemplateKey,
  templateInputSchema,
} from '../../../shared/agenda/messages.schema.ts'
import { api } from '../../api.ts'

// Each address once: appointments (and what is done to one), the person file's tab, rooms, templates, the feed.
const appointments = '/api/agenda/appointments'
const appointment = (id: string) => `${appointments}/${encodeURIComponent(id)}`
const personAgenda = (personId: string) => `/api/persons/${encodeURIComponent(personId)}/agenda`
const rooms = '/api/agenda/rooms'
const templates = '/api/agenda/templates'
const feed = '/api/agenda/feed'

export type ListParams = Omit<AppointmentListQuery, 'includeCancelled'>
export type PersonAgenda = { appointments: Appointment[]; messages: Message[]; contact: Contact }
type Convocations = { results: { personId: string; status: 'sent' | 'failed' | 'skipped'; error: string | null }[] }

export const appointmentsQuery = (params: ListParams) =>
  queryOptions({
    queryKey: ['agenda', 'appointments', params],
    queryFn: ({ signal }) => api.get<Appointment[]>(appointments, { ...params }, signal),
  })
export const personAgendaQuery = (personId: string) =>
  queryOptions({
    queryKey: ['agenda', 'person', personId],
    queryFn: ({ signal }) => api.get<PersonAgenda>(personAgenda(personId), undefined, signal),
  })
export const roomsQuery = queryOptions({
  queryKey: ['agenda', 'rooms'],
  queryFn: ({ signal }) => api.get<Room[]>(rooms, undefined, signal),
  staleTime: 60_000,
})
export const templatesQuery = queryOptions({
  queryKey: ['agenda', 'templates'],
  queryFn: ({ signal }) => api.get<Template[]>(templates, undefined, signal),
})
export const feedQuery = queryOptions({
  queryKey: ['agenda', 'feed'],
  queryFn: ({ signal }) => api.get<z.infer<typeof feedStateSchema>>(feed, undefined, signal),
})

/** after any change: every list of appointments and every person tab may show it */
export const refreshAgenda = (client: QueryClient) => client.invalidateQueries({ queryKey: ['agenda'] })

export const agendaApi = {
  create: (body: AppointmentInput) => api.post<Appointment>(appointments, body),
  change: (id: string, body: AppointmentInput & { version: number }) => api.put<Appointment>(appointment(id), body),
  move: (id: string, body: AppointmentMove) => api.post<Appointment>(`${appointment(id)}/move`, body),
  cancel: (id: string, version: number) => api.post<Appointment>(`${appointment(id)}/cancel`, { version }),
  attendance: (id: string, personId: string, body: { attendance: 'present' | 'absent' | 'excused'; version: number }) =>
    api.post<Appointment>(`${appointment(id)}/persons/${encodeURIComponent(personId)}/attendance`, body),
  convoke: (id: string) => api.post<Convocations>(`${appointment(id)}/convocations`),
  createSeries: (body: SeriesInput) => api.post<z.infer<typeof seriesSchema>>('/api/agenda/series', body),
  saveContact: (personId: string, body: z.input<typeof contactInputSchema>) =>
    api.put<Contact>(`${personAgenda(personId)}/contact`, body),
  createRoom: (body: RoomInput) => api.post<Room>(rooms, body),
  changeRoom: (id: string, body: RoomInput & { version: number }) =>
    api.put<Room>(`${rooms}/${encodeURIComponent(id)}`, body),
  saveTemplate: (key: TemplateKey, body: z.input<typeof templateInputSchema>) =>
    api.put<Template>(`${templates}/${key}`, body),
  makeFeed: () => api.post<z.infer<typeof feedCreatedSchema>>(feed),
  revokeFeed: () => api.delete(feed),
}
