import { queryOptions } from '@tanstack/react-query'
import type { z } from 'zod'
import type { User } from '../../../../shared/admin/admin.schema.ts'
import type {
  Organisation,
  organisationInputSchema,
  plieCommuneSchema,
} from '../../../../shared/plie/organisations.schema.ts'
import type { IndicatorComparison } from '../../../../shared/reporting/reporting.schema.ts'
import { api, type PageOf } from '../../../api.ts'

// The PLIE's setup (docs/plie.md « Setup and partners »): host organisations and partners, their partner accounts, the
// member communes; and the director's PLIE block. The organisations share the PLIE's query key ('plie', …), so a change
// here refreshes the pathway forms' lists too.
const enc = encodeURIComponent
const url = {
  organisations: '/api/plie/organisations',
  communes: '/api/plie/communes',
  users: '/api/admin/users',
  indicators: '/api/indicators',
}
const organisation = (id: string) => `${url.organisations}/${enc(id)}`

export type OrganisationInput = z.input<typeof organisationInputSchema>
export type PlieCommune = z.infer<typeof plieCommuneSchema>

export const organisationsQuery = queryOptions({
  queryKey: ['plie', 'organisations'],
  queryFn: ({ signal }) => api.get<Organisation[]>(url.organisations, undefined, signal),
})
export const plieCommunesQuery = queryOptions({
  queryKey: ['plie', 'communes'],
  queryFn: ({ signal }) => api.get<PlieCommune[]>(url.communes, undefined, signal),
})
/** the structure's partner accounts (the admin's list of users: only the admin links accounts by name) */
export const partnerUsersQuery = queryOptions({
  queryKey: ['admin', 'users', { role: 'partner', pageSize: 100 }],
  queryFn: ({ signal }) =>
    api.get<PageOf<User>>(url.users, { role: 'partner', pageSize: 100, page: 1, sort: 'displayName' }, signal),
})
/** the PLIE protocol's figures of the year to date, with the objectives recorded on them */
export const plieYearQuery = (from: string, to: string) =>
  queryOptions({
    queryKey: ['indicators', 'plie.objectives', { from, to }],
    queryFn: ({ signal }) => api.get<IndicatorComparison>(`${url.indicators}/plie.objectives`, { from, to }, signal),
  })

export const setupApi = {
  createOrganisation: (body: OrganisationInput) => api.post<Organisation>(url.organisations, body),
  updateOrganisation: (id: string, body: OrganisationInput & { version: number }) =>
    api.put<Organisation>(organisation(id), body),
  linkUsers: (id: string, body: { userIds: string[]; version: number }) =>
    api.put<Organisation>(`${organisation(id)}/users`, body),
  setCommunes: (communes: string[]) => api.put<PlieCommune[]>(url.communes, { communes }),
}
