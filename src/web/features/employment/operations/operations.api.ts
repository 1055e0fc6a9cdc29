import { type QueryClient, queryOptions } from '@tanstack/react-query'
import type { z } from 'zod'
import type {
  Application,
  applicationInput,
  applicationStep,
  Operation,
  OperationInput,
  OperationSession,
  OperationSummary,
} from '../../../../shared/employment/operations.schema.ts'
import type { Member, Pool, PoolInput, PoolSession, PoolSummary } from '../../../../shared/employment/pools.schema.ts'
import { api } from '../../../api.ts'

// Each address of the operations' and pools' screens once (docs/employment/operations.md). Every query lives under the
// key ['employment', 'operations'] or ['employment', 'pools']: a step, a bulk action or an edit refreshes the figures.
const enc = encodeURIComponent
const operations = '/api/employment/operations'
const operation = (id: string) => `${operations}/${enc(id)}`
const pools = '/api/employment/pools'
const pool = (id: string) => `${pools}/${enc(id)}`

export interface ApplicationFilter {
  stage?: string
  source?: string
  sessionId?: string
  outcome?: string
  q?: string
}

export const operationsQuery = (status?: string) =>
  queryOptions({
    queryKey: ['employment', 'operations', 'list', status ?? null],
    queryFn: ({ signal }) => api.get<OperationSummary[]>(operations, { status }, signal),
  })
export const operationQuery = (id: string) =>
  queryOptions({
    queryKey: ['employment', 'operations', 'one', id],
    queryFn: ({ signal }) => api.get<Operation>(operation(id), undefined, signal),
  })
export const applicationsQuery = (id: string, filter: ApplicationFilter) =>
  queryOptions({
    queryKey: ['employment', 'operations', 'applications', id, filter],
    queryFn: ({ signal }) => api.get<Application[]>(`${operation(id)}/applications`, { ...filter }, signal),
  })
export const poolsQuery = queryOptions({
  queryKey: ['employment', 'pools', 'list'],
  queryFn: ({ signal }) => api.get<PoolSummary[]>(pools, undefined, signal),
})
export const poolQuery = (id: string) =>
  queryOptions({
    queryKey: ['employment', 'pools', 'one', id],
    queryFn: ({ signal }) => api.get<Pool>(pool(id), undefined, signal),
  })
export const membersQuery = (id: string, stage?: string) =>
  queryOptions({
    queryKey: ['employment', 'pools', 'members', id, stage ?? null],
    queryFn: ({ signal }) => api.get<Member[]>(`${pool(id)}/members`, { stage }, signal),
  })

/** The applications as a file (the list's filters; the format added by the export buttons). */
export const applicationsExportUrl = (id: string) => `${operation(id)}/applications/export`

export const refreshOperations = (client: QueryClient) =>
  client.invalidateQueries({ queryKey: ['employment', 'operations'] })
export const refreshPools = (client: QueryClient) => client.invalidateQueries({ queryKey: ['employment', 'pools'] })

type Versioned = { id: string; version: number }
type SessionBody = { at: string; place: string | null; capacity?: number | null }

export const operationsApi = {
  create: (body: OperationInput) => api.post<Operation>(operations, body),
  update: (id: string, body: OperationInput & { version: number }) => api.put<Operation>(operation(id), body),
  addSession: (id: string, body: SessionBody) => api.post<OperationSession>(`${operation(id)}/sessions`, body),
  updateSession: (id: string, sessionId: string, body: SessionBody & { version: number }) =>
    api.put<OperationSession>(`${operation(id)}/sessions/${enc(sessionId)}`, body),
  removeSession: (id: string, sessionId: string, version: number) =>
    api.delete(`${operation(id)}/sessions/${enc(sessionId)}?version=${version}`),
  addApplication: (id: string, body: z.input<typeof applicationInput>) =>
    api.post<Application>(`${operation(id)}/applications`, body),
  step: (applicationId: string, body: z.input<typeof applicationStep>) =>
    api.post<Application>(`${operations}/applications/${enc(applicationId)}/steps`, body),
  invite: (id: string, sessionId: string, applications: Versioned[]) =>
    api.post<{ updated: number }>(`${operation(id)}/sessions/${enc(sessionId)}/invitations`, { applications }),
  attendance: (id: string, sessionId: string, applications: (Versioned & { attended: boolean })[]) =>
    api.post<{ updated: number }>(`${operation(id)}/sessions/${enc(sessionId)}/attendance`, { applications }),
}

export const poolsApi = {
  create: (body: PoolInput) => api.post<Pool>(pools, body),
  update: (id: string, body: PoolInput & { version: number }) => api.put<Pool>(pool(id), body),
  addSession: (id: string, body: SessionBody) => api.post<PoolSession>(`${pool(id)}/sessions`, body),
  updateSession: (id: string, sessionId: string, body: SessionBody & { version: number }) =>
    api.put<PoolSession>(`${pool(id)}/sessions/${enc(sessionId)}`, body),
  removeSession: (id: string, sessionId: string, version: number) =>
    api.delete(`${pool(id)}/sessions/${enc(sessionId)}?version=${version}`),
  addMember: (id: string, body: { personId: string; positionedOn: string; infoSessionId?: string | null }) =>
    api.post<Member>(`${pool(id)}/members`, body),
  updateMember: (memberId: string, body: Record<string, unknown>) =>
    api.put<Member>(`${pools}/members/${enc(memberId)}`, body),
}
