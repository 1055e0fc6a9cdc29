import { type QueryClient, queryOptions } from '@tanstack/react-query'
import type { TrainingSession } from '../../../../shared/training/catalogue.schema.ts'
import type { Prescription } from '../../../../shared/training/prescriptions.schema.ts'
import { api } from '../../../api.ts'

// The training body's portal (docs/training/screens.md « Le conseiller et l’organisme de formation »): a partner
// account sees its bodies, their sessions and the people prescribed to them (validated by the department), and
// answers there. Under the key 'training' like the other training queries.
const enc = encodeURIComponent
const base = '/api/training/portal'
const prescription = (id: string) => `${base}/prescriptions/${enc(id)}`

export const portalBodiesQuery = queryOptions({
  queryKey: ['training', 'portal', 'bodies'],
  queryFn: ({ signal }) => api.get<{ id: string; name: string }[]>(`${base}/bodies`, undefined, signal),
  staleTime: 5 * 60_000,
})
export const portalSessionsQuery = queryOptions({
  queryKey: ['training', 'portal', 'sessions'],
  queryFn: ({ signal }) => api.get<TrainingSession[]>(`${base}/sessions`, undefined, signal),
})
export const portalPrescriptionsQuery = (sessionId: string) =>
  queryOptions({
    queryKey: ['training', 'portal', 'prescriptions', sessionId],
    queryFn: ({ signal }) => api.get<Prescription[]>(`${base}/prescriptions`, { sessionId }, signal),
  })
export const portalPrescriptionQuery = (id: string) =>
  queryOptions({
    queryKey: ['training', 'portal', 'prescription', id],
    queryFn: ({ signal }) => api.get<Prescription>(prescription(id), undefined, signal),
  })

export const refreshPortal = (client: QueryClient) => client.invalidateQueries({ queryKey: ['training'] })

export const portalApi = {
  answer: (id: string, body: unknown) => api.post<Prescription>(`${prescription(id)}/answer`, body),
  entry: (id: string, body: unknown) => api.post<Prescription>(`${prescription(id)}/entry`, body),
  exit: (id: string, body: unknown) => api.post<Prescription>(`${prescription(id)}/exit`, body),
}
