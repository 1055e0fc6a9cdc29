import { keepPreviousData, type QueryClient, queryOptions } from '@tanstack/react-query'
import type { z } from 'zod'
import type {
  ActionInput,
  BodyInput,
  SessionInput,
  sessionSearchQuery,
  TrainingAction,
  TrainingBody,
  TrainingSession,
} from '../../../../shared/training/catalogue.schema.ts'
import type {
  BodyAnswerInput,
  DepartmentDecisionInput,
  ExitInput,
  Prescription,
  prescriptionListQuery,
  TrainingWorklist,
} from '../../../../shared/training/prescriptions.schema.ts'
import { ApiError, api } from '../../../api.ts'

// Each address of the training department's screens once (docs/training/screens.md « Le département formation »).
// Every training query lives under the key 'training': a decision, an answer or a catalogue change refreshes the
// worklist, the prescription, the session and the catalogue together.
const enc = encodeURIComponent
const bodies = '/api/training/bodies'
const actions = '/api/training/actions'
const sessions = '/api/training/sessions'
const prescriptions = '/api/training/prescriptions'
const item = (list: string, id: string) => `${list}/${enc(id)}`

export type SessionSearch = Partial<z.input<typeof sessionSearchQuery>>
export type PrescriptionSearch = Partial<z.input<typeof prescriptionListQuery>>
type Query = Record<string, string | number | boolean | null | undefined>

export const worklistQuery = queryOptions({
  queryKey: ['training', 'worklist'],
  queryFn: ({ signal }) => api.get<TrainingWorklist>('/api/training/worklist', undefined, signal),
})
export const prescriptionQuery = (id: string) =>
  queryOptions({
    queryKey: ['training', 'prescription', id],
    queryFn: ({ signal }) => api.get<Prescription>(item(prescriptions, id), undefined, signal),
  })
export const prescriptionsQuery = (search: PrescriptionSearch) =>
  queryOptions({
    queryKey: ['training', 'prescriptions', search],
    queryFn: ({ signal }) => api.get<Prescription[]>(prescriptions, search as Query, signal),
  })
export const bodiesQuery = queryOptions({
  queryKey: ['training', 'bodies'],
  queryFn: ({ signal }) => api.get<TrainingBody[]>(bodies, undefined, signal),
  staleTime: 60_000,
})
export const actionsQuery = (search: { bodyId?: string; funder?: string; active?: 'true' | 'false' } = {}) =>
  queryOptions({
    queryKey: ['training', 'actions', search],
    queryFn: ({ signal }) => api.get<TrainingAction[]>(actions, search, signal),
    placeholderData: keepPreviousData,
  })
export const sessionsQuery = (search: SessionSearch) =>
  queryOptions({
    queryKey: ['training', 'sessions', search],
    queryFn: ({ signal }) => api.get<TrainingSession[]>(sessions, search as Query, signal),
    placeholderData: keepPreviousData,
  })
export const sessionQuery = (id: string) =>
  queryOptions({
    queryKey: ['training', 'session', id],
    queryFn: ({ signal }) => api.get<TrainingSession>(item(sessions, id), undefined, signal),
  })

export const refreshTraining = (client: QueryClient) => client.invalidateQueries({ queryKey: ['training'] })

/** the convocation to the information session (a PDF the browser opens) */
export const convocationUrl = (id: string) => `${item(prescriptions, id)}/convocation.pdf`

export interface ImportCounts {
  bodies: { created: number; updated: number }
  actions: { created: number; updated: number }
  sessions: { created: number; updated: number }
}
export type ImportFormat = 'lheo' | 'csv'

/**
 * A catalogue file sent as it is (the XML or the CSV as the body, not JSON): api.ts speaks JSON only, so this one call
 * takes the anti-CSRF token itself and turns a refusal into the same ApiError (its `fields` name file, line, column).
 */
async function upload(format: ImportFormat, text: string, dryRun: boolean): Promise<ImportCounts> {
  const { token } = await api.get<{ token: string }>('/api/auth/csrf')
  let response: Response
  try {
    response = await fetch(`/api/training/imports/${format}${dryRun ? '?dryRun=true' : ''}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json, application/problem+json',
        'content-type': format === 'lheo' ? 'application/xml' : 'text/csv',
        'x-csrf-token': token,
      },
      body: text,
    })
  } catch {
    throw new ApiError(0, 'network', 'Serveur injoignable', 'Le serveur est injoignable. Vérifiez la connexion.')
  }
  const type = response.headers.get('content-type') ?? ''
  const json = type.includes('json') ? await response.json().catch(() => null) : null
  if (response.ok && json) return json as ImportCounts
  const problem = (json ?? {}) as Partial<{ code: string; title: string; detail: string; fields: unknown }>
  throw new ApiError(
    response.status,
    problem.code ?? 'error',
    problem.title ?? 'Erreur',
    problem.detail ?? problem.title ?? `La requête a échoué (erreur ${response.status}).`,
    Array.isArray(problem.fields) ? problem.fields : [],
  )
}

export const trainingApi = {
  decide: (id: string, body: DepartmentDecisionInput) =>
    api.post<Prescription>(`${item(prescriptions, id)}/decision`, body),
  answer: (id: string, body: BodyAnswerInput) => api.post<Prescription>(`${item(prescriptions, id)}/answer`, body),
  entry: (id: string, body: { entryDate: string; version: number }) =>
    api.post<Prescription>(`${item(prescriptions, id)}/entry`, body),
  exit: (id: string, body: ExitInput) => api.post<Prescription>(`${item(prescriptions, id)}/exit`, body),
  cancel: (id: string, body: { reason: string | null; version: number }) =>
    api.post<Prescription>(`${item(prescriptions, id)}/cancel`, body),

  createBody: (body: BodyInput) => api.post<TrainingBody>(bodies, body),
  updateBody: (id: string, body: BodyInput & { version: number }) => api.put<TrainingBody>(item(bodies, id), body),
  deleteBody: (id: string, version: number) => api.delete(`${item(bodies, id)}?version=${version}`),
  bindUser: (id: string, userId: string) => api.post<TrainingBody>(`${item(bodies, id)}/users`, { userId }),
  unbindUser: (id: string, userId: string) => api.delete(`${item(bodies, id)}/users/${enc(userId)}`),

  createAction: (body: ActionInput) => api.post<TrainingAction>(actions, body),
  updateAction: (id: string, body: ActionInput & { version: number }) =>
    api.put<TrainingAction>(item(actions, id), body),
  deleteAction: (id: string, version: number) => api.delete(`${item(actions, id)}?version=${version}`),

  createSession: (body: SessionInput) => api.post<TrainingSession>(sessions, body),
  updateSession: (id: string, body: SessionInput & { version: number }) =>
    api.put<TrainingSession>(item(sessions, id), body),
  deleteSession: (id: string, version: number) => api.delete(`${item(sessions, id)}?version=${version}`),

  importFile: upload,
}

/** a partner account of the structure and the body it is bound to (GET /api/training/partner-accounts) */
export interface PartnerAccount {
  id: string
  displayName: string
  email: string
  bodyId: string | null
}
export const partnerAccountsQuery = queryOptions({
  queryKey: ['training', 'partner-accounts'],
  queryFn: ({ signal }) => api.get<PartnerAccount[]>('/api/training/partner-accounts', undefined, signal),
})
