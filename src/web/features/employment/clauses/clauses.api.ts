import { type QueryClient, queryOptions } from '@tanstack/react-query'
import type {
  ClauseDashboard,
  ClauseHome,
  ClauseLotInput,
  ClauseOperationDetail,
  ClauseOperationInput,
  ClauseParticipant,
  ClauseStatementResult,
} from '../../../../shared/employment/clauses.schema.ts'
import { ApiError, api } from '../../../api.ts'

// Each address of the clauses' screens once (docs/employment/clauses.md). Every query lives under ['employment',
// 'clauses']: an import, a lot or an operation refreshes the dashboard and the operation.
const enc = encodeURIComponent
const base = '/api/employment/clauses'
const operation = (id: string) => `${base}/operations/${enc(id)}`
export const statementPdfUrl = (id: string) => `${operation(id)}/statement.pdf`

export const clausesDashboardQuery = () =>
  queryOptions({
    queryKey: ['employment', 'clauses', 'dashboard'],
    queryFn: ({ signal }) => api.get<ClauseDashboard>(base, undefined, signal),
  })
export const clauseOperationQuery = (id: string) =>
  queryOptions({
    queryKey: ['employment', 'clauses', 'operation', id],
    queryFn: ({ signal }) => api.get<ClauseOperationDetail>(operation(id), undefined, signal),
  })
export const clauseHomeQuery = () =>
  queryOptions({
    queryKey: ['employment', 'clauses', 'home'],
    queryFn: ({ signal }) => api.get<ClauseHome>(`${base}/home`, undefined, signal),
  })
export const refreshClauses = (client: QueryClient) => client.invalidateQueries({ queryKey: ['employment', 'clauses'] })

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * A statement file sent as it is (CSV text or the XLSX workbook as the body, not JSON): api.ts speaks JSON only, so this
 * call takes the anti-CSRF token itself and turns a refusal into the same ApiError (its `fields` name file:line:column).
 */
async function upload(id: string, file: File): Promise<ClauseStatementResult> {
  const { token } = await api.get<{ token: string }>('/api/auth/csrf')
  const xlsx = file.name.toLowerCase().endsWith('.xlsx')
  let response: Response
  try {
    response = await fetch(`${operation(id)}/statements?file=${enc(file.name)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json, application/problem+json',
        'content-type': xlsx ? XLSX : 'text/csv',
        'x-csrf-token': token,
      },
      body: await file.arrayBuffer(),
    })
  } catch {
    throw new ApiError(0, 'network', 'Serveur injoignable', 'Le serveur est injoignable. Vérifiez la connexion.')
  }
  const type = response.headers.get('content-type') ?? ''
  const json = type.includes('json') ? await response.json().catch(() => null) : null
  if (response.ok && json) return json as ClauseStatementResult
  const problem = (json ?? {}) as Partial<{ code: string; title: string; detail: string; fields: unknown }>
  throw new ApiError(
    response.status,
    problem.code ?? 'error',
    problem.title ?? 'Erreur',
    problem.detail ?? problem.title ?? `La requête a échoué (erreur ${response.status}).`,
    Array.isArray(problem.fields) ? problem.fields : [],
  )
}

export const clausesApi = {
  createOperation: (body: ClauseOperationInput) => api.post<ClauseOperationDetail>(`${base}/operations`, body),
  addLot: (id: string, body: ClauseLotInput) => api.post<ClauseOperationDetail>(`${operation(id)}/lots`, body),
  changeLot: (lotId: string, body: ClauseLotInput & { version: number }) =>
    api.put<ClauseOperationDetail>(`${base}/lots/${enc(lotId)}`, body),
  addParticipant: (body: { personId: string; criterion: string; validatedOn: string }) =>
    api.post<ClauseParticipant>(`${base}/participants`, body),
  addContract: (body: {
    lotId: string
    personId: string
    contractKind: string
    startsOn: string
    durationMonths: number | null
  }) => api.post<ClauseOperationDetail>(`${base}/contracts`, body),
  importStatement: upload,
}
