import { queryOptions } from '@tanstack/react-query'
import type { z } from 'zod'
import type {
  Agreement,
  agreementInputSchema,
  Objective,
  objectiveInputSchema,
  objectiveUpdateSchema,
} from '../../../shared/reporting/reporting.schema.ts'
import { api } from '../../api.ts'

// The funder agreements (CPO, protocols) and their yearly objectives. The indicator catalogue is the statistics
// feature's query (its address is written there, once).
export { catalogueQuery } from '../statistics/statistics.api.ts'

export type AgreementInput = z.input<typeof agreementInputSchema>
export type ObjectiveInput = z.input<typeof objectiveInputSchema>
export type ObjectiveUpdate = z.input<typeof objectiveUpdateSchema>

// Each address once: a list and its items share it (GET and POST on the list, PUT and DELETE on an item).
const url = { agreements: '/api/agreements', objectives: '/api/objectives' }
const item = (list: string, id: string) => `${list}/${encodeURIComponent(id)}`

export const agreementsQuery = queryOptions({
  queryKey: ['objectives', 'agreements'],
  queryFn: () => api.get<Agreement[]>(url.agreements),
})
/** one agreement's objectives, latest year first */
export const objectivesQuery = (agreementId: string) =>
  queryOptions({
    queryKey: ['objectives', 'list', agreementId],
    queryFn: ({ signal }) => api.get<Objective[]>(url.objectives, { agreementId }, signal),
  })
/** what every change invalidates: the agreements and every list of objectives */
export const objectivesKey = ['objectives']

export const objectivesApi = {
  createAgreement: (body: AgreementInput) => api.post<Agreement>(url.agreements, body),
  updateAgreement: (id: string, body: AgreementInput & { version: number }) =>
    api.put<Agreement>(item(url.agreements, id), body),
  deleteAgreement: (id: string) => api.delete(item(url.agreements, id)),
  createObjective: (body: ObjectiveInput) => api.post<Objective>(url.objectives, body),
  updateObjective: (id: string, body: ObjectiveUpdate) => api.put<Objective>(item(url.objectives, id), body),
  deleteObjective: (id: string) => api.delete(item(url.objectives, id)),
}
