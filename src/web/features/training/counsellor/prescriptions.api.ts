import { type QueryClient, queryOptions } from '@tanstack/react-query'
import type { TrainingSession } from '../../../../shared/training/catalogue.schema.ts'
import type { Prescription, PrescriptionInput } from '../../../../shared/training/prescriptions.schema.ts'
import { api } from '../../../api.ts'

// The counsellor's addresses of the training module (docs/training/screens.md « Le conseiller et l’organisme de
// formation »): a person's prescriptions, the sessions' search, filing, filing again and cancelling. Every training
// query lives under the key 'training': an answer refreshes the tab, the worklist and the portal together.
const enc = encodeURIComponent
const personPrescriptions = (personId: string) => `/api/persons/${enc(personId)}/training/prescriptions`
const prescription = (id: string) => `/api/training/prescriptions/${enc(id)}`

export interface SessionSearch {
  q?: string
  nsf?: string
  communeCode?: string
  from?: string
  to?: string
  withPlacesLeft?: 'true' | 'false'
}

export const personPrescriptionsQuery = (personId: string) =>
  queryOptions({
    queryKey: ['training', 'person', personId],
    queryFn: ({ signal }) => api.get<Prescription[]>(personPrescriptions(personId), undefined, signal),
  })

export const sessionSearchQuery = (search: SessionSearch) =>
  queryOptions({
    queryKey: ['training', 'sessions', search],
    queryFn: ({ signal }) =>
      api.get<TrainingSession[]>('/api/training/sessions', { ...search, status: 'open', limit: 50 }, signal),
  })

export const refreshTraining = (client: QueryClient) => client.invalidateQueries({ queryKey: ['training'] })

/** the convocation to the information session, once the department validated */
export const convocationUrl = (id: string) => `${prescription(id)}/convocation.pdf`

export const prescriptionsApi = {
  prescribe: (personId: string, body: PrescriptionInput) => api.post<Prescription>(personPrescriptions(personId), body),
  resubmit: (id: string, argument: string, version: number) =>
    api.put<Prescription>(`${prescription(id)}/argument`, { argument, version }),
  cancel: (id: string, reason: string | null, version: number) =>
    api.post<Prescription>(`${prescription(id)}/cancel`, { reason, version }),
}
