import type { FirstInterviewInput } from '../../../shared/agenda/agenda.schema.ts'
import type { AttributeKind } from '../../../shared/nomenclatures/person.ts'
import {
  type DuplicateQuery,
  duplicateQuerySchema,
  type PersonCreate,
  type PersonDetail,
  type PersonUpdate,
  personCreateSchema,
  personUpdateSchema,
} from '../../../shared/persons/person.schema.ts'
import { bodyErrors } from '../../components/body-errors.ts'

// What the identity and creation forms hold, the body each sends, and its check by the API's own schema
// (person.schema.ts): the forms write no rule of their own.

/** The identity block as the forms hold it: '' for an empty text, null for no choice. */
export interface IdentityValues {
  lastName: string
  firstName: string
  sex: string
  birthDate: string | null
  phone: string
  email: string
  address: string
  postcode: string
  communeCode: string | null
  priorityArea: string
  siteId: string | null
  referentId: string | null
}

export const emptyIdentity = (siteId: string | null): IdentityValues => ({
  lastName: '',
  firstName: '',
  sex: '',
  birthDate: null,
  phone: '',
  email: '',
  address: '',
  postcode: '',
  communeCode: null,
  priorityArea: '',
  siteId,
  referentId: null,
})

export const identityOf = (p: PersonDetail): IdentityValues => ({
  lastName: p.lastName,
  firstName: p.firstName,
  sex: p.sex,
  birthDate: p.birthDate,
  phone: p.phone ?? '',
  email: p.email ?? '',
  address: p.address ?? '',
  postcode: p.postcode ?? '',
  communeCode: p.communeCode,
  priorityArea: p.priorityArea ?? '',
  siteId: p.siteId,
  referentId: p.referentId,
})

/** The identity as the API takes it (without version); an empty choice is sent as such, for the schema to name it. */
export const identityInput = (v: IdentityValues): Omit<PersonUpdate, 'version'> => ({
  lastName: v.lastName,
  firstName: v.firstName,
  sex: v.sex as PersonUpdate['sex'],
  birthDate: v.birthDate ?? '',
  phone: v.phone || null,
  email: v.email || null,
  address: v.address || null,
  postcode: v.postcode || null,
  communeCode: v.communeCode,
  priorityArea: (v.priorityArea || null) as PersonUpdate['priorityArea'],
  siteId: v.siteId ?? '',
  referentId: v.referentId,
})

/** PUT /api/persons/:id, as the identity tab sends it. */
export const identityUpdate = (v: IdentityValues, version: number): PersonUpdate => ({ ...identityInput(v), version })

export const validateIdentityUpdate = (v: IdentityValues, version: number) =>
  bodyErrors(personUpdateSchema, identityUpdate(v, version))

/** The names and birth date, once the API would take them to look for someone alike; null until then. */
export function duplicateQuery(v: IdentityValues): DuplicateQuery | null {
  const query = {
    lastName: v.lastName,
    firstName: v.firstName,
    birthDate: v.birthDate ?? '',
    // a number or an address half typed is left out (the schema would refuse it): the names and the date still count
    ...(duplicateQuerySchema.shape.phone.safeParse(v.phone).success && v.phone.trim() ? { phone: v.phone } : {}),
    ...(duplicateQuerySchema.shape.email.safeParse(v.email).success && v.email.trim() ? { email: v.email } : {}),
  }
  const parsed = duplicateQuerySchema.safeParse(query)
  return parsed.success ? parsed.data : null
}

// The situation at entry ------------------------------------------------------------------------------------------

export type PlainAttribute = Exclude<AttributeKind, 'education_level'>
export const plainAttributes: PlainAttribute[] = [
  'family_situation',
  'housing',
  'resources',
  'diploma',
  'driving_licence',
  'mobility',
]

/** The situation at entry as the form holds it: one field per element, null for "not given". */
export interface EntrySituationValues {
  attributes: Record<PlainAttribute, string | null>
  nomenclature: '2019' | '1969'
  level1969: string | null
  level2019: string | null
  statuses: string[]
}

export const emptyEntrySituation = (): EntrySituationValues => ({
  attributes: Object.fromEntries(plainAttributes.map((a) => [a, null])) as Record<PlainAttribute, string | null>,
  nomenclature: '2019',
  level1969: null,
  level2019: null,
  statuses: [],
})

type EntrySituation = NonNullable<PersonCreate['situation']>

/** The `situation` of POST /api/persons: only what was given. */
export function entrySituationInput(v: EntrySituationValues): EntrySituation {
  const attributes: NonNullable<EntrySituation['attributes']> = []
  for (const attribute of plainAttributes) {
    const value = v.attributes[attribute]
    if (value) attributes.push({ attribute, value })
  }
  if (v.nomenclature === '2019' && v.level2019)
    attributes.push({ attribute: 'education_level', level2019: Number(v.level2019) })
  if (v.nomenclature === '1969' && v.level1969) attributes.push({ attribute: 'education_level', value: v.level1969 })
  return { attributes, statuses: v.statuses.map((status) => ({ status: status as 'rsa' })) }
}

/** The form's field for a path of the body's `situation` (a list there, one field per element in the form). */
function entrySituationField(v: EntrySituationValues, situation: EntrySituation, path: string): string {
  const [, list, index] = path.split('.')
  if (list === 'statuses') return 'situation.statuses'
  const attribute = situation.attributes?.[Number(index)]?.attribute
  if (list !== 'attributes' || !attribute) return path
  if (attribute !== 'education_level') return `situation.attributes.${attribute}`
  return v.nomenclature === '2019' ? 'situation.level2019' : 'situation.level1969'
}

// Creation --------------------------------------------------------------------------------------------------------

export interface CreateValues extends IdentityValues {
  /** the service programme the file enters; null: the one the server's rule gives (asked when it cannot tell) */
  programmeId: string | null
  firstReception: { date: string | null; siteId: string | null; referralSource: string | null }
  situation: EntrySituationValues
  /** « Premier entretien »: booked in the referent's agenda when `book` is ticked */
  firstInterview: FirstInterviewValues
}

export interface FirstInterviewValues {
  book: boolean
  date: string | null
  start: string
  end: string
  place: string
  roomId: string | null
  videoUrl: string
  /** 'none': no convocation; 'email' | 'sms': the person agrees to messages by this channel and is convoked now */
  convocation: string
}
export const emptyFirstInterview = (): FirstInterviewValues => ({
  book: false,
  date: null,
  start: '',
  end: '',
  place: 'site',
  roomId: null,
  videoUrl: '',
  convocation: 'none',
})

const firstInterviewInput = (v: FirstInterviewValues): FirstInterviewInput => ({
  date: v.date ?? '',
  start: v.start,
  end: v.end,
  place: v.place as FirstInterviewInput['place'],
  roomId: v.place === 'site' ? v.roomId : null,
  videoUrl: v.place === 'video' ? v.videoUrl.trim() || null : null,
  convocation: (v.convocation === 'none' ? null : v.convocation) as FirstInterviewInput['convocation'],
})

/** POST /api/persons: the file at the first reception (confirmNotDuplicate once the user has seen the list). */
export function createBody(v: CreateValues, confirmNotDuplicate: boolean): PersonCreate {
  return {
    ...identityInput(v),
    ...(v.programmeId ? { programmeId: v.programmeId } : {}),
    firstReception: {
      date: v.firstReception.date ?? '',
      siteId: v.firstReception.siteId ?? undefined,
      referralSource: v.firstReception.referralSource as PersonCreate['firstReception']['referralSource'],
    },
    situation: entrySituationInput(v.situation),
    confirmNotDuplicate,
    ...(v.firstInterview.book ? { firstInterview: firstInterviewInput(v.firstInterview) } : {}),
  }
}

export function validateCreate(v: CreateValues): Record<string, string> {
  const body = createBody(v, false)
  return bodyErrors(personCreateSchema, body, (path) =>
    path.startsWith('situation.') ? entrySituationField(v.situation, body.situation!, path) : path,
  )
}

/** What the search typed, carried to the creation form: « Dupont Marie » → last name Dupont, first name Marie. */
export function identityFromSearch(search: { q?: string; birthDate?: string; phone?: string }) {
  const words = (search.q ?? '').trim().split(/\s+/u).filter(Boolean)
  const cap = (w: string) => w.charAt(0).toLocaleUpperCase('fr') + w.slice(1)
  return {
    ...(words.length ? { lastName: cap(words[0]!) } : {}),
    ...(words.length > 1 ? { firstName: words.slice(1).map(cap).join(' ') } : {}),
    ...(search.birthDate ? { birthDate: search.birthDate } : {}),
    ...(search.phone ? { phone: search.phone } : {}),
  }
}
