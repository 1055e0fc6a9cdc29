import { queryOptions } from '@tanstack/react-query'
import type { Appointment } from '../../../shared/agenda/agenda.schema.ts'
import type {
  ArrivalInput,
  Changes,
  KeyFigures,
  PersonSummary,
  SiteObjectives,
  SiteObjectivesInput,
  TeamAlerts,
} from '../../../shared/home/home.schema.ts'
import { api } from '../../api.ts'

// Each address once: the home pages' blocks, the sites' objectives, the person file's summary.
const url = {
  arrivals: '/api/home/arrivals',
  changes: '/api/home/changes',
  keyFigures: '/api/home/key-figures',
  teamAlerts: '/api/home/team-alerts',
  objectives: (year: number) => `/api/site-objectives/${year}`,
  summary: (personId: string) => `/api/persons/${encodeURIComponent(personId)}/summary`,
}

export const changesQuery = queryOptions({
  queryKey: ['home', 'changes'],
  queryFn: ({ signal }) => api.get<Changes>(url.changes, undefined, signal),
})
export const keyFiguresQuery = (year?: number) =>
  queryOptions({
    queryKey: ['home', 'key-figures', year ?? null],
    queryFn: ({ signal }) => api.get<KeyFigures>(url.keyFigures, { year }, signal),
    staleTime: 5 * 60_000,
  })
export const teamAlertsQuery = queryOptions({
  queryKey: ['home', 'team-alerts'],
  queryFn: ({ signal }) => api.get<TeamAlerts>(url.teamAlerts, undefined, signal),
})
export const siteObjectivesQuery = (year: number) =>
  queryOptions({
    queryKey: ['home', 'site-objectives', year],
    queryFn: ({ signal }) => api.get<SiteObjectives>(url.objectives(year), undefined, signal),
  })
export const summaryQuery = (personId: string) =>
  queryOptions({
    queryKey: ['persons', personId, 'summary'],
    queryFn: ({ signal }) => api.get<PersonSummary>(url.summary(personId), undefined, signal),
  })

export const homeApi = {
  arrived: (body: ArrivalInput) => api.post<Appointment>(url.arrivals, body),
  undoArrival: (body: ArrivalInput) => api.post<Appointment>(`${url.arrivals}/undo`, body),
  changesSeen: () => api.post<Changes>(`${url.changes}/seen`),
  saveObjectives: (year: number, body: SiteObjectivesInput) => api.put<SiteObjectives>(url.objectives(year), body),
}
