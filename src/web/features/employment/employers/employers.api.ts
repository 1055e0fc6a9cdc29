import { keepPreviousData, type QueryClient, queryOptions } from '@tanstack/react-query'
import type {
  ContactInput,
  EmployerDetail,
  EmployerImportResult,
  EmployerInput,
  EmployerList,
  InteractionInput,
} from '../../../../shared/employment/employers.schema.ts'
import { ApiError, api, withQuery } from '../../../api.ts'

// Each address of the employers' screens once (docs/employment/employers.md « Screens »). Every employer query lives
// under the key ['employment', 'employers']: a change refreshes the list and the file together.
const base = '/api/employment/employers'
const item = (id: string) => `${base}/${encodeURIComponent(id)}`

export interface EmployerSearch {
  q?: string
  page?: number
  active?: 'true' | 'false' | 'all'
  pageSize?: number
}
export const employersQuery = (search: EmployerSearch) =>
  queryOptions({
    queryKey: ['employment', 'employers', 'list', search],
    queryFn: ({ signal }) =>
      api.get<EmployerList>(
        base,
        { q: search.q, page: search.page, active: search.active, pageSize: search.pageSize ?? 25 },
        signal,
      ),
    placeholderData: keepPreviousData,
  })
export const employerQuery = (id: string) =>
  queryOptions({
    queryKey: ['employment', 'employers', 'file', id],
    queryFn: ({ signal }) => api.get<EmployerDetail>(item(id), undefined, signal),
  })

export interface SiretCheck {
  siret: string
  valid: boolean
  message: string | null
  existing: { id: string; name: string } | null
}

export const refreshEmployers = (client: QueryClient) =>
  client.invalidateQueries({ queryKey: ['employment', 'employers'] })

export const employersApi = {
  checkSiret: (siret: string) => api.get<SiretCheck>(`${base}/siret-check`, { siret }),
  create: (body: EmployerInput) => api.post<EmployerDetail>(base, body),
  update: (id: string, body: EmployerInput & { version: number; active: boolean }) =>
    api.put<EmployerDetail>(item(id), body),
  addContact: (id: string, body: ContactInput) => api.post<EmployerDetail>(`${item(id)}/contacts`, body),
  updateContact: (id: string, contactId: string, body: ContactInput & { version: number; active: boolean }) =>
    api.put<EmployerDetail>(`${item(id)}/contacts/${encodeURIComponent(contactId)}`, body),
  addInteraction: (id: string, body: InteractionInput) => api.post<EmployerDetail>(`${item(id)}/interactions`, body),
  updateInteraction: (id: string, interactionId: string, body: InteractionInput & { version: number }) =>
    api.put<EmployerDetail>(`${item(id)}/interactions/${encodeURIComponent(interactionId)}`, body),
  /**
   * the SIRENE file as it is (text/csv, not JSON): api.ts speaks JSON only, so this one call takes the anti-CSRF token
   * itself and turns a refusal into the same ApiError (its `fields` name file, line and column)
   */
  importSirene: async (file: File, dryRun: boolean): Promise<EmployerImportResult> => {
    const { token } = await api.get<{ token: string }>('/api/auth/csrf')
    let response: Response
    try {
      response = await fetch(withQuery(`${base}/import`, { dryRun: String(dryRun), file: file.name }), {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          accept: 'application/json, application/problem+json',
          'content-type': 'text/csv',
          'x-csrf-token': token,
        },
        body: await file.text(),
      })
    } catch {
      throw new ApiError(0, 'network', 'Serveur injoignable', 'Le serveur est injoignable. Vérifiez la connexion.')
    }
    const type = response.headers.get('content-type') ?? ''
    const json = type.includes('json') ? await response.json().catch(() => null) : null
    if (response.ok && json) return json as EmployerImportResult
    const problem = (json ?? {}) as Partial<{ code: string; title: string; detail: string; fields: unknown }>
    throw new ApiError(
      response.status,
      problem.code ?? 'error',
      problem.title ?? 'Erreur',
      problem.detail ?? problem.title ?? `La requête a échoué (erreur ${response.status}).`,
      Array.isArray(problem.fields) ? problem.fields : [],
    )
  },
}
