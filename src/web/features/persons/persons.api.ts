import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import type { z } from 'zod'
import type {
  CounsellorOption,
  DuplicateCandidate,
  DuplicateQuery,
  PersonCreate,
  PersonDetail,
  PersonSummary,
  PersonUpdate,
  personSortSchema,
} from '../../../shared/persons/person.schema.ts'
import type {
  AttributeEntry,
  AttributeInput,
  AttributesView,
  StatusesView,
  StatusInput,
  StatusPeriod,
  StatusUpdateInput,
} from '../../../shared/persons/situation.schema.ts'
import { api } from '../../api.ts'
import type { PageOf } from '../admin/admin.api.ts'

export type PersonSort = Exclude<z.infer<typeof personSortSchema>, 'updatedAt'>
export interface PersonSearchParams {
  page: number
  pageSize: number
  q?: string
  birthDate?: string
  phone?: string
  siteId?: string
  referentId?: string
  sort?: PersonSort
  order: 'asc' | 'desc'
}

const personKey = (id: string) => ['persons', id] as const

export const personSearchQuery = (params: PersonSearchParams) =>
  queryOptions({
    queryKey: ['persons', 'search', params],
    queryFn: ({ signal }) => api.get<PageOf<PersonSummary>>('/api/persons', { ...params }, signal),
    placeholderData: keepPreviousData,
  })

export const personQuery = (id: string) =>
  queryOptions({
    queryKey: personKey(id),
    queryFn: ({ signal }) => api.get<PersonDetail>(`/api/persons/${id}`, undefined, signal),
  })

export const counsellorsQuery = queryOptions({
  queryKey: ['persons', 'reference', 'counsellors'],
  queryFn: ({ signal }) => api.get<CounsellorOption[]>('/api/persons/reference/counsellors', undefined, signal),
  staleTime: 5 * 60_000,
})

export const attributesQuery = (id: string, on: string) =>
  queryOptions({
    queryKey: [...personKey(id), 'attributes', on],
    queryFn: ({ signal }) => api.get<AttributesView>(`/api/persons/${id}/attributes`, { on }, signal),
    placeholderData: keepPreviousData,
  })

/** Every status period (active or not): the screen marks those in force on the chosen date. */
export const statusesQuery = (id: string) =>
  queryOptions({
    queryKey: [...personKey(id), 'statuses'],
    queryFn: ({ signal }) => api.get<StatusesView>(`/api/persons/${id}/statuses`, undefined, signal),
  })

export const personsApi = {
  duplicates: (body: DuplicateQuery) => api.post<DuplicateCandidate[]>('/api/persons/duplicates', body),
  create: (body: PersonCreate) => api.post<PersonDetail>('/api/persons', body),
  update: (id: string, body: PersonUpdate) => api.put<PersonDetail>(`/api/persons/${id}`, body),
  addAttribute: (id: string, body: AttributeInput) => api.post<AttributeEntry>(`/api/persons/${id}/attributes`, body),
  removeAttribute: (id: string, attributeId: string) => api.delete(`/api/persons/${id}/attributes/${attributeId}`),
  addStatus: (id: string, body: StatusInput) => api.post<StatusPeriod>(`/api/persons/${id}/statuses`, body),
  changeStatus: (id: string, statusId: string, body: StatusUpdateInput) =>
    api.put<StatusPeriod>(`/api/persons/${id}/statuses/${statusId}`, body),
}

/** Everything cached about one person (file, situation, record): refreshed after any change to it. */
export const personKeyOf = personKey
