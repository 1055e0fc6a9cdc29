import { type QueryClient, queryOptions } from '@tanstack/react-query'
import type { z } from 'zod'
import type {
  assessmentInput,
  Immersion,
  ImmersionInput,
  ImmersionUpdateInput,
  outcomeInput,
  Programme,
  programmeUpdateInput,
} from '../../../../shared/employment/immersions.schema.ts'
import type { PersonEmployment } from '../../../../shared/employment/offers.schema.ts'
import { api, isApiError } from '../../../api.ts'

// Each address of the immersions screens once (docs/employment/immersions.md « Screens »). Every query lives under
// the key 'employment': a signature or an assessment refreshes the list, the immersion, the programme and the tab.
const enc = encodeURIComponent
const immersions = '/api/employment/immersions'
const programmes = '/api/employment/immersion-programmes'
const item = (id: string) => `${immersions}/${enc(id)}`

export interface ImmersionSearch {
  status?: string
  programmeId?: string
  moduleNumber?: number
  personId?: string
}

export const immersionsQuery = (search: ImmersionSearch) =>
  queryOptions({
    queryKey: ['employment', 'immersions', search],
    queryFn: ({ signal }) =>
      api.get<Immersion[]>(immersions, search as Record<string, string | number | undefined>, signal),
  })
export const immersionQuery = (id: string) =>
  queryOptions({
    queryKey: ['employment', 'immersion', id],
    queryFn: ({ signal }) => api.get<Immersion>(item(id), undefined, signal),
  })
export const programmesQuery = queryOptions({
  queryKey: ['employment', 'immersion-programmes'],
  queryFn: ({ signal }) => api.get<Programme[]>(programmes, undefined, signal),
})
export const programmeQuery = (id: string) =>
  queryOptions({
    queryKey: ['employment', 'immersion-programme', id],
    queryFn: ({ signal }) => api.get<Programme>(`${programmes}/${enc(id)}`, undefined, signal),
  })

/** the employers to host an immersion (GET /api/employment/employers, the employers part): id and name are enough */
export interface EmployerOption {
  id: string
  name: string
  communeName?: string | null
  active?: boolean
}
export const employerOptionsQuery = queryOptions({
  queryKey: ['employment', 'employers', 'immersion-options'],
  queryFn: async ({ signal }) => {
    const answer = await api.get<EmployerOption[] | { items: EmployerOption[] }>(
      '/api/employment/employers',
      { pageSize: 100 },
      signal,
    )
    return Array.isArray(answer) ? answer : answer.items
  },
  staleTime: 60_000,
})

/** the person's hires (their employment tab's), for the outcome « contrat de travail » to point at one */
export const personHiresQuery = (personId: string) =>
  queryOptions({
    queryKey: ['employment', 'person-hires', personId],
    queryFn: async ({ signal }) =>
      (await api.get<PersonEmployment>(`/api/employment/persons/${enc(personId)}`, undefined, signal)).placements,
  })

export const refreshImmersions = (client: QueryClient) => client.invalidateQueries({ queryKey: ['employment'] })

/** the agreement for the three signatures (a PDF the browser opens) */
export const agreementUrl = (id: string) => `${item(id)}/agreement.pdf`

export const immersionsApi = {
  create: (body: ImmersionInput) => api.post<Immersion>(immersions, body),
  update: (id: string, body: ImmersionUpdateInput) => api.put<Immersion>(item(id), body),
  sign: (id: string, body: { signedOn: string; version: number }) => api.post<Immersion>(`${item(id)}/sign`, body),
  assess: (id: string, body: z.input<typeof assessmentInput>) => api.post<Immersion>(`${item(id)}/assessment`, body),
  complete: (id: string, version: number) => api.post<Immersion>(`${item(id)}/complete`, { version }),
  cancel: (id: string, body: { reason: string | null; version: number }) =>
    api.post<Immersion>(`${item(id)}/cancel`, body),
  outcome: (id: string, body: z.input<typeof outcomeInput>) => api.post<Immersion>(`${item(id)}/outcome`, body),
  updateProgramme: (id: string, body: z.input<typeof programmeUpdateInput>) =>
    api.put<Programme>(`${programmes}/${enc(id)}`, body),
}

export const serverErrors = (error: unknown): Record<string, string> => (isApiError(error) ? error.fieldErrors() : {})
/** someone saved the immersion after this page read it */
export const isStale = (error: unknown) => isApiError(error) && error.code === 'version_conflict'
