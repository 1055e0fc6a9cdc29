import { type QueryClient, queryOptions } from '@tanstack/react-query'
import type { Session } from '../../../shared/sessions/sessions.schema.ts'
import { api } from '../../api.ts'

// Each address of collective sessions once. Attendance and convocations are the agenda's (agenda.api.ts).
const sessions = '/api/sessions'
const session = (id: string) => `${sessions}/${encodeURIComponent(id)}`

export const sessionsQuery = (period: 'upcoming' | 'past', open = false) =>
  queryOptions({
    queryKey: ['agenda', 'sessions', period, open],
    queryFn: ({ signal }) =>
      api.get<{ items: Session[]; truncated: boolean }>(sessions, open ? { period, open: 'true' } : { period }, signal),
  })
export const sessionQuery = (id: string) =>
  queryOptions({
    queryKey: ['agenda', 'session', id],
    queryFn: ({ signal }) => api.get<Session>(session(id), undefined, signal),
  })
export const signInSheetUrl = (id: string) => `${session(id)}/sign-in-sheet.pdf`

/** the sessions live under the agenda's key: a change there (attendance, a booking) refreshes them too */
export const refreshSessions = (client: QueryClient) => client.invalidateQueries({ queryKey: ['agenda'] })

export const sessionsApi = {
  register: (id: string, personId: string, version: number) =>
    api.post<Session>(`${session(id)}/persons`, { personId, version }),
  setCoLeaders: (id: string, coLeaderIds: string[], version: number) =>
    api.put<Session>(`${session(id)}/co-leaders`, { coLeaderIds, version }),
  unregister: (id: string, personId: string, version: number) =>
    api.post<Session>(`${session(id)}/persons/${encodeURIComponent(personId)}/unregister`, { version }),
}
