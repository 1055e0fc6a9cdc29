import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import type { z } from 'zod'
import type {
  CounsellorOption,
  DuplicateCandidate,
  DuplicateQuery,
  PersonCreate,
  PersonDetail,
  PersonSearchPage,
  PersonUpdate,
  personSearchQuery as personSearchQuerySchema,
} from '../../../shared/persons/person.schema.ts'
import type { ReceptionChoices } from '../../../shared/persons/reception.schema.ts'
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

type PersonSearch = z.infer<typeof personSearchQuerySchema>
/** The orders the search page offers (the API also sorts by last change, for other clients). */
export type PersonSort = Exclude<PersonSearch['sort'], 'updatedAt' | undefined>
export type PersonSearchParams = Omit<PersonSearch, 'sort'> & { sort?: PersonSort }

// Each address once: the list of persons and a person's file, under which the file's parts are.
export const personsUrl = '/api/persons'
/** a person's file; its parts (attributes, events…) are under it */
export const personUrl = (id: string) => `${personsUrl}/${encodeURIComponent(id)}`
/** the search's results as a CSV or XLSX file (GET, a download link) */
export const personExportUrl = `${personsUrl}/export`
const url = {
  duplicates: `${personsUrl}/duplicates`,
  counsellors: `${personsUrl}/reference/counsellors`,
  reception: `${personsUrl}/reference/reception`,
  attributes: (id: string) => `${personUrl(id)}/attributes`,
  statuses: (id: string) => `${personUrl(id)}/statuses`,
}
const item = (list: string, id: string) => `${list}/${encodeURIComponent(id)}`

const personKey = (id: string) => ['persons', id] as const

export const personSearchQuery = (params: PersonSearchParams) =>
  queryOptions({
    queryKey: ['persons', 'search', params],
    queryFn: ({ signal }) => api.get<PersonSearchPage>(personsUrl, { ...params }, signal),
    placeholderData: keepPreviousData,
  })

export const personQuery = (id: string) =>
  queryOptions({
    queryKey: personKey(id),
    queryFn: ({ signal }) => api.get<PersonDetail>(personUrl(id), undefined, signal),
  })

/** The first reception's hand-off: programmes, the default one, the referent suggested for the site. */
export const receptionChoicesQuery = (siteId: string | null, birthDate: string | null) =>
  queryOptions({
    queryKey: ['persons', 'reference', 'reception', siteId, birthDate],
    queryFn: ({ signal }) =>
      api.get<ReceptionChoices>(url.reception, { siteId: siteId ?? '', ...(birthDate ? { birthDate } : {}) }, signal),
    enabled: Boolean(siteId),
    staleTime: 60_000,
  })

export const counsellorsQuery = queryOptions({
  queryKey: ['persons', 'reference', 'counsellors'],
  queryFn: ({ signal }) => api.get<CounsellorOption[]>(url.counsellors, undefined, signal),
  staleTime: 5 * 60_000,
})

export const attributesQuery = (id: string, on: string) =>
  queryOptions({
    queryKey: [...personKey(id), 'attributes', on],
    queryFn: ({ signal }) => api.get<AttributesView>(url.attributes(id), { on }, signal),
    placeholderData: keepPreviousData,
  })

/** Every status period (active or not): the screen marks those in force on the chosen date. */
export const statusesQuery = (id: string) =>
  queryOptions({
    queryKey: [...personKey(id), 'statuses'],
    queryFn: ({ signal }) => api.get<StatusesView>(url.statuses(id), undefined, signal),
  })

export const personsApi = {
  duplicates: (body: DuplicateQuery) => api.post<DuplicateCandidate[]>(url.duplicates, body),
  create: (body: PersonCreate) => api.post<PersonDetail>(personsUrl, body),
  update: (id: string, body: PersonUpdate) => api.put<PersonDetail>(personUrl(id), body),
  addAttribute: (id: string, body: AttributeInput) => api.post<AttributeEntry>(url.attributes(id), body),
  removeAttribute: (id: string, attributeId: string) => api.delete(item(url.attributes(id), attributeId)),
  addStatus: (id: string, body: StatusInput) => api.post<StatusPeriod>(url.statuses(id), body),
  changeStatus: (id: string, statusId: string, body: StatusUpdateInput) =>
    api.put<StatusPeriod>(item(url.statuses(id), statusId), body),
}

/** Everything cached about one person (file, situation, record): refreshed after any change to it. */
export const personKeyOf = personKey
