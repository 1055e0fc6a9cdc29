import { z } from 'zod'
import {
  personSearchQuery as personSearchQuerySchema,
  personSortSchema,
} from '../../../shared/persons/person-search.schema.ts'

/**
 * The search lives in the URL (?q=dupont&birthDate=…), so a reload or a shared link gives the same list: the API's
 * query, a wrong value read as no criterion.
 */
const { shape } = personSearchQuerySchema
export const personSearchSchema = z.object({
  page: shape.page.catch(1),
  pageSize: shape.pageSize.catch(25),
  q: shape.q.catch(undefined),
  birthDate: shape.birthDate.catch(undefined),
  phone: shape.phone.catch(undefined),
  siteId: shape.siteId.catch(undefined),
  referentId: shape.referentId.catch(undefined),
  programmeId: shape.programmeId.catch(undefined),
  ageOutBefore: shape.ageOutBefore.catch(undefined),
  cejEndBefore: shape.cejEndBefore.catch(undefined),
  sort: personSortSchema.exclude(['updatedAt']).optional().catch(undefined),
  order: shape.order.catch('asc'),
})

/** The creation form's URL state: what the search typed (each value dropped when malformed). */
export const createSearchSchema = z.object({
  q: z.string().max(120).optional().catch(undefined),
  birthDate: z.iso.date().optional().catch(undefined),
  phone: z.string().max(30).optional().catch(undefined),
})
