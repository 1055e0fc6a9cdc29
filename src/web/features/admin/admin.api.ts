import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import type { z } from 'zod'
import type {
  AuditEvent,
  Programme,
  passwordResetResultSchema,
  programmeInputSchema,
  Site,
  siteInputSchema,
  User,
  UserCreate,
  userCreatedSchema,
  userUpdateSchema,
} from '../../../shared/admin/admin.schema.ts'
import type { Role } from '../../../shared/auth/roles.ts'
import { api } from '../../api.ts'

export interface PageOf<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
}
export interface Commune {
  code: string
  name: string
  postcode?: string | null
}
export type SiteInput = z.input<typeof siteInputSchema>
export type ProgrammeInput = z.input<typeof programmeInputSchema>
export type UserUpdate = z.input<typeof userUpdateSchema>
export type PasswordReset = z.infer<typeof passwordResetResultSchema>
export type UserCreated = z.infer<typeof userCreatedSchema>

export interface UserListParams {
  page: number
  pageSize: number
  q?: string
  role?: Role
  active?: 'true' | 'false'
  sort: 'displayName' | 'email' | 'role' | 'createdAt'
  order: 'asc' | 'desc'
}
export interface AuditParams {
  page: number
  pageSize: number
  actorId?: string
  action?: string
  entity?: string
  entityId?: string
  from?: string
  to?: string
}

export const sitesQuery = queryOptions({
  queryKey: ['admin', 'sites'],
  queryFn: () => api.get<Site[]>('/api/admin/sites'),
})
export const programmesQuery = queryOptions({
  queryKey: ['admin', 'programmes'],
  queryFn: () => api.get<Programme[]>('/api/admin/programmes'),
})
export const usersQuery = (params: UserListParams) =>
  queryOptions({
    queryKey: ['admin', 'users', params],
    queryFn: ({ signal }) => api.get<PageOf<User>>('/api/admin/users', { ...params }, signal),
    placeholderData: keepPreviousData,
  })
export const auditQuery = (params: AuditParams) =>
  queryOptions({
    queryKey: ['admin', 'audit', params],
    queryFn: ({ signal }) => api.get<PageOf<AuditEvent>>('/api/admin/audit', { ...params }, signal),
    placeholderData: keepPreviousData,
  })
export const communesQuery = (q: string) =>
  queryOptions({
    queryKey: ['reference', 'communes', q],
    queryFn: ({ signal }) => api.get<Commune[]>('/api/reference/communes', { q }, signal),
    enabled: q.trim().length >= 2,
    staleTime: Number.POSITIVE_INFINITY,
  })

export const adminApi = {
  createSite: (body: SiteInput) => api.post<Site>('/api/admin/sites', body),
  updateSite: (id: string, body: SiteInput & { version: number }) => api.put<Site>(`/api/admin/sites/${id}`, body),
  createProgramme: (body: ProgrammeInput) => api.post<Programme>('/api/admin/programmes', body),
  updateProgramme: (id: string, body: ProgrammeInput & { version: number }) =>
    api.put<Programme>(`/api/admin/programmes/${id}`, body),
  createUser: (body: UserCreate) => api.post<UserCreated>('/api/admin/users', body),
  updateUser: (id: string, body: UserUpdate) => api.put<User>(`/api/admin/users/${id}`, body),
  resetPassword: (id: string) => api.post<PasswordReset>(`/api/admin/users/${id}/reset-password`),
  endSessions: (id: string) => api.post(`/api/admin/users/${id}/end-sessions`),
}

export const siteKindLabels: Record<Site['kind'], string> = { antenna: 'Antenne', desk: 'Permanence' }
export const programmeKindLabels: Record<Programme['kind'], string> = { service: 'Service', scheme: 'Dispositif' }
