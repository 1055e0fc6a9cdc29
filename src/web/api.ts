import type { z } from 'zod'
import type { pageOf } from '../shared/admin/admin.schema.ts'

/**
 * The one way the web talks to the server: same-origin cookies, the anti-CSRF token on every request that changes
 * something, and errors turned from application/problem+json into a typed ApiError.
 */

export interface FieldError {
  field: string
  message: string
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly fields: FieldError[] = [],
  ) {
    super(detail)
    this.name = 'ApiError'
  }

  /** Field messages keyed by body key (`siteIds.0` is also reported under `siteIds`). */
  fieldErrors(): Record<string, string> {
    const errors: Record<string, string> = {}
    for (const { field, message } of this.fields) {
      errors[field] ??= message
      const root = field.split('.')[0]
      if (root) errors[root] ??= message
    }
    return errors
  }
}

/** A page of a list, as the shared `pageOf(item)` schema answers it. */
export type PageOf<T> = Omit<z.infer<ReturnType<typeof pageOf>>, 'items'> & { items: T[] }

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError

type Query = Record<string, string | number | boolean | null | undefined>
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
interface RequestOptions {
  body?: unknown
  query?: Query
  signal?: AbortSignal
}

let csrfToken: Promise<string> | undefined

function fetchCsrfToken(): Promise<string> {
  csrfToken = request<{ token: string }>('GET', '/api/auth/csrf', {}, false).then((r) => r.token)
  csrfToken.catch(() => {
    csrfToken = undefined
  })
  return csrfToken
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value))
  }
  const text = params.toString()
  return text ? `${path}?${text}` : path
}

async function toApiError(response: Response): Promise<ApiError> {
  const type = response.headers.get('content-type') ?? ''
  if (type.includes('json')) {
    try {
      const problem = (await response.json()) as Partial<{
        title: string
        detail: string
        code: string
        fields: FieldError[]
      }>
      return new ApiError(
        response.status,
        problem.code ?? 'error',
        problem.title ?? 'Erreur',
        problem.detail ?? problem.title ?? `Erreur ${response.status}.`,
        Array.isArray(problem.fields) ? problem.fields : [],
      )
    } catch {
      // not the JSON it claimed to be: fall through to a generic error
    }
  }
  return new ApiError(
    response.status,
    'http',
    'Erreur',
    response.status >= 500
      ? 'Le serveur a rencontré une erreur. Réessayez dans un instant.'
      : `La requête a échoué (erreur ${response.status}).`,
  )
}

async function request<T>(method: Method, path: string, options: RequestOptions, retryCsrf = true): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' }
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  const changing = method !== 'GET'
  if (changing) headers['x-csrf-token'] = await (csrfToken ?? fetchCsrfToken())

  let response: Response
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    })
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error
    throw new ApiError(0, 'network', 'Serveur injoignable', 'Le serveur est injoignable. Vérifiez la connexion.')
  }

  if (response.ok) {
    if (response.status === 204) return undefined as T
    const type = response.headers.get('content-type') ?? ''
    return (type.includes('json') ? await response.json() : await response.text()) as T
  }
  const error = await toApiError(response)
  if (changing && retryCsrf && error.status === 403 && error.code === 'csrf') {
    await fetchCsrfToken()
    return request<T>(method, path, options, false)
  }
  throw error
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T = void>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  put: <T = void>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T = void>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  delete: <T = void>(path: string) => request<T>('DELETE', path, {}),
}

/** After sign-in or sign-out the server may bind a new anti-CSRF secret: fetch a fresh token next time. */
export function forgetCsrfToken() {
  csrfToken = undefined
}
