import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import type { z } from 'zod'
import type {
  AuditEvent,
  auditQuery as auditQuerySchema,
  Programme,
  passwordResetResultSchema,
  programmeInputSchema,
  Site,
  siteInputSchema,
  User,
  UserCreate,
  userCreatedSchema,
  userListQuery,
  userUpdateSchema,
} from '../../../shared/admin/admin.schema.ts'
import type { PersonAudit } from '../../../shared/admin/audit.schema.ts'
import { api, type PageOf } from '../../api.ts'

export type { PageOf }
/** as GET /api/reference/communes answers (its schema is the server route's) */
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

export type UserListParams = z.infer<typeof userListQuery>
export type AuditParams = z.infer<typeof auditQuerySchema>

// Each address once: a list and its items share it (GET and POST on the list, PUT on an item).
const url = {
  sites: '/api/admin/sites',
  programmes: '/api/admin/programmes',
  users: '/api/admin/users',
  audit: '/api/admin/audit',
  communes: '/api/reference/communes',
}
const item = (list: string, id: string) => `${list}/${encodeURIComponent(id)}`

export const sitesQuery = queryOptions({
  queryKey: ['admin', 'sites'],
  queryFn: () => api.get<Site[]>(url.sites),
})
export const programmesQuery = queryOptions({
  queryKey: ['admin', 'programmes'],
  queryFn: () => api.get<Programme[]>(url.programmes),
})
export const usersQuery = (params: UserListParams) =>
  queryOptions({
    queryKey: ['admin', 'users', params],
    queryFn: ({ signal }) => api.get<PageOf<User>>(url.users, { ...params }, signal),
    placeholderData: keepPreviousData,
  })
export const auditQuery = (params: AuditParams) =>
  queryOptions({
    queryKey: ['admin', 'audit', params],
    queryFn: ({ signal }) => api.get<PageOf<AuditEvent>>(url.audit, { ...params }, signal),
    placeholderData: keepPreviousData,
  })
/** one person's file in the trail: who read it, and every line about it (the director's) */
export const personAuditQuery = (personId: string, params: { page: number; pageSize: number }) =>
  queryOptions({
    queryKey: ['admin', 'audit', 'person', personId, params],
    queryFn: ({ signal }) =>
      api.get<PersonAudit>(`${url.audit}/persons/${encodeURIComponent(personId)}`, { ...params }, signal),
    placeholderData: keepPreviousData,
  })
export const communesQuery = (q: string) =>
  queryOptions({
    queryKey: ['reference', 'communes', q],
    queryFn: ({ signal }) => api.get<Commune[]>(url.communes, { q }, signal),
    enabled: q.trim().length >= 2,
    staleTime: Number.POSITIVE_INFINITY,
  })

export const adminApi = {
  createSite: (body: SiteInput) => api.post<Site>(url.sites, body),
  updateSite: (id: string, body: SiteInput & { version: number }) => api.put<Site>(item(url.sites, id), body),
  createProgramme: (body: ProgrammeInput) => api.post<Programme>(url.programmes, body),
  updateProgramme: (id: string, body: ProgrammeInput & { version: number }) =>
    api.put<Programme>(item(url.programmes, id), body),
  createUser: (body: UserCreate) => api.post<UserCreated>(url.users, body),
  updateUser: (id: string, body: UserUpdate) => api.put<User>(item(url.users, id), body),
  resetPassword: (id: string) => api.post<PasswordReset>(`${item(url.users, id)}/reset-password`),
  endSessions: (id: string) => api.post(`${item(url.users, id)}/end-sessions`),
}

export const siteKindLabels: Record<Site['kind'], string> = { antenna: 'Antenne', desk: 'Permanence' }
export const programmeKindLabels: Record<Programme['kind'], string> = { service: 'Service', scheme: 'Dispositif' }
