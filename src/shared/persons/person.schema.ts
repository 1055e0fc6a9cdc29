import { z } from 'zod'
import { pageOf } from '../admin/admin.schema.ts'
import { firstInterviewSchema } from '../agenda/agenda.schema.ts'
import { exportFormatSchema } from '../lists/list.schema.ts'
import { referralSources } from '../nomenclatures/accompaniment.ts'
import { priorityAreas, sexes } from '../nomenclatures/person.ts'
import { safeText, versionSchema } from '../primitives.ts'
import { requiredChoice, requiredDate } from './fields.ts'
import { personSearchQuery } from './person-search.schema.ts'
import {
  attributeStateSchema,
  initialAttributeInput,
  initialStatusInput,
  statusPeriodSchema,
} from './situation.schema.ts'

// The person file's identity: search, duplicate check, creation at first reception, reading and editing.
// Dates are 'yyyy-mm-dd'; the interface shows them dd/mm/yyyy. Ages are computed on the server's "today", never stored.

/** An optional text field: '' and spaces mean "not given" (null). */
const optionalText = (max: number, pattern?: RegExp, message = 'Valeur invalide.') =>
  safeText()
    .trim()
    .max(max, `${max} caractères au plus.`)
    .refine((v) => v === '' || !pattern || pattern.test(v), message)
    .nullable()
    .default(null)
    .transform((v) => v || null)

const nameSchema = (label: string) =>
  safeText(`${label} requis.`)
    .trim()
    .min(1, { message: `${label} requis.`, abort: true })
    .max(80, '80 caractères au plus.')
    .regex(/\p{L}/u, `${label} : au moins une lettre.`)

/** 9 to 15 digits, with spaces, dots, dashes, brackets or a leading + (06 12 34 56 78, +33 6 12 34 56 78). */
const PHONE = /^(?=(?:\D*\d){9,15}\D*$)\+?[0-9 .()-]+$/
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export const sexSchema = requiredChoice(sexes.codes, 'Indiquez le sexe.', 'Sexe : F ou M.')
export const priorityAreaSchema = z.enum(priorityAreas.codes, 'Quartier prioritaire : qpv, zus ou vide.')
export const referralSourceSchema = requiredChoice(
  referralSources.codes,
  'Indiquez l’origine de la venue.',
  'Origine de la venue inconnue.',
)
const birthDateSchema = requiredDate('Date de naissance au format AAAA-MM-JJ.', 'Date de naissance requise.')

/** Identity, contact, address and follow-up: the fields of the create and edit forms. */
const identityFields = {
  lastName: nameSchema('Nom'),
  firstName: nameSchema('Prénom'),
  sex: sexSchema,
  birthDate: birthDateSchema,
  phone: optionalText(30, PHONE, 'Numéro de téléphone invalide.'),
  email: optionalText(200, EMAIL, 'Adresse e-mail invalide.'),
  /** street address (line 1, and 2 if any, in one text) */
  address: optionalText(300),
  postcode: optionalText(5, /^\d{5}$/, 'Code postal : 5 chiffres.'),
  /** INSEE code from the official list (GET /api/reference/communes); the commune's name is filled by the server */
  communeCode: optionalText(5, /^[0-9][0-9AB][0-9]{3}$/, 'Code INSEE invalide.'),
  priorityArea: priorityAreaSchema.nullable().default(null),
  /** the site that follows the person: one of the actor's sites (a director: any site of the structure) */
  siteId: z.uuid('Site requis.'),
  /** an active counsellor of the structure (GET /api/persons/reference/counsellors), or null for "to assign" */
  referentId: z.uuid('Référent invalide.').nullable().default(null),
}

/**
 * POST /api/persons: the file at first reception. Refused with 409 (code "conflict", one `fields` entry per likely
 * duplicate, field "duplicates.N") when the structure already knows someone alike, unless confirmNotDuplicate is true.
 * The situation at entry is dated on the first reception's date. The rules between dates (none after today, no first
 * reception before the birth) are the service's, checked with the site, referent and commune so that one answer names
 * every field at fault.
 */
const firstReceptionDate = requiredDate(
  'Date du premier accueil au format AAAA-MM-JJ.',
  'Date du premier accueil requise.',
)
export const personCreateSchema = z.object({
  ...identityFields,
  /** omitted: the counsellor suggested by site and load (reception.service.ts); null: to assign, explicitly */
  referentId: z.uuid('Référent invalide.').nullable().optional(),
  /** the service programme the file enters (Mission Locale, PLIE…); omitted: the one the structure's rule gives */
  programmeId: z.uuid('Programme invalide.').optional(),
  firstReception: z.object({
    date: firstReceptionDate,
    /** where the reception took place; defaults to the person's site */
    siteId: z.uuid('Site invalide.').optional(),
    referralSource: referralSourceSchema,
  }),
  situation: z
    .object({
      attributes: z
        .array(initialAttributeInput)
        .max(20)
        .default([])
        .refine(
          (list) => new Set(list.map((a) => a.attribute)).size === list.length,
          'Chaque élément de situation une seule fois.',
        ),
      statuses: z
        .array(initialStatusInput)
        .max(10)
        .default([])
        .refine((list) => new Set(list.map((s) => s.status)).size === list.length, 'Chaque statut une seule fois.'),
    })
    .default({ attributes: [], statuses: [] }),
  /** the user looked at the duplicates list and says this is someone else */
  confirmNotDuplicate: z.boolean().default(false),
  /** book the first interview in the referent's agenda, at the file's site (docs/reception-and-interview.md) */
  firstInterview: firstInterviewSchema.nullable().optional(),
})
export type PersonCreate = z.input<typeof personCreateSchema>

/** PUT /api/persons/:id: the whole identity block with the version read (409 version_conflict when stale). */
export const personUpdateSchema = z.object({ ...identityFields, version: versionSchema })
export type PersonUpdate = z.input<typeof personUpdateSchema>

/** What the reader may do on this file, so the screens offer only that. */
export const personAbilitiesSchema = z.object({
  readFile: z.boolean(),
  write: z.boolean(),
  editIdentity: z.boolean(),
  seeSensitive: z.boolean(),
})

/**
 * GET /api/persons/:id (and the answer of POST / PUT). stateToday: every dated attribute in force today (null when
 * never recorded); statuses: the periods active today. sensitiveHidden: true when the reader may not see the RSA,
 * RQTH and justice statuses nor the resources (they are left out, which does not mean the person has none).
 */
export const personDetailSchema = z.object({
  id: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  sex: sexSchema,
  birthDate: z.string(),
  age: z.number().int(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  postcode: z.string().nullable(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  priorityArea: priorityAreaSchema.nullable(),
  siteId: z.string(),
  siteName: z.string(),
  referentId: z.string().nullable(),
  referentName: z.string().nullable(),
  firstReceptionDate: z.string().nullable(),
  referralSource: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  /** the server's today ('yyyy-mm-dd', France) used for age, stateToday and statuses */
  today: z.string(),
  stateToday: attributeStateSchema,
  statuses: z.array(statusPeriodSchema),
  sensitiveHidden: z.boolean(),
  can: personAbilitiesSchema,
})
export type PersonDetail = z.infer<typeof personDetailSchema>

// Search: person-search.schema.ts (kept apart for the web app's first load) -----------------------------------------
export {
  PERSON_SEARCH_CAP,
  type PersonSearch,
  personSearchQuery,
  personSortSchema,
  SEARCH_MAX_WORDS,
  SEARCH_WORD_MIN_LETTERS,
  searchWords,
} from './person-search.schema.ts'
/** GET /api/persons/export: every person the search finds (not only the first 1 000), as a file */
export const personExportQuery = personSearchQuery
  .omit({ page: true, pageSize: true, sort: true, order: true })
  .extend({ format: exportFormatSchema })

export const personSummarySchema = z.object({
  id: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  sex: sexSchema,
  birthDate: z.string(),
  /** today, in whole years */
  age: z.number().int(),
  siteId: z.string(),
  siteName: z.string(),
  referentId: z.string().nullable(),
  referentName: z.string().nullable(),
  firstReceptionDate: z.string().nullable(),
  priorityArea: priorityAreaSchema.nullable(),
})
export type PersonSummary = z.infer<typeof personSummarySchema>

/**
 * The answer of GET /api/persons: a page of summaries, counted by the same query up to PERSON_SEARCH_CAP. When more
 * match, `total` is the cap, `totalCapped` is true ("plus de 1 000") and only the first `total` can be paged through.
 */
export const personSearchPageSchema = pageOf(personSummarySchema).extend({ totalCapped: z.boolean() })
export type PersonSearchPage = z.infer<typeof personSearchPageSchema>

// Duplicates ------------------------------------------------------------------------------------------------------
/** POST /api/persons/duplicates: asked before creating (and by the creation itself). */
export const duplicateQuerySchema = z.object({
  lastName: nameSchema('Nom'),
  firstName: nameSchema('Prénom'),
  birthDate: birthDateSchema,
  /** when typed: a file with the same number or address is a likely duplicate whatever its name */
  phone: identityFields.phone.optional(),
  email: identityFields.email.optional(),
})
export type DuplicateQuery = z.input<typeof duplicateQuerySchema>

export const duplicateMatchSchema = z.enum([
  'same_identity',
  'inverted_names',
  'close_spelling',
  'swapped_day_month',
  'near_birth_date',
  'same_phone',
  'same_email',
])
export type DuplicateMatch = z.infer<typeof duplicateMatchSchema>

/**
 * A likely duplicate anywhere in the structure, best first. When the reader may not open that file (`visible:
 * false`), `id` is null and only name, birth date, site and referent are given: enough to know the person is followed
 * elsewhere and whom to call, not to read the file.
 */
export const duplicateCandidateSchema = z.object({
  id: z.string().nullable(),
  visible: z.boolean(),
  lastName: z.string(),
  firstName: z.string(),
  birthDate: z.string(),
  siteName: z.string(),
  referentName: z.string().nullable(),
  match: duplicateMatchSchema,
  /** in French, for the screen: « Même nom, même prénom et même date de naissance » … */
  reason: z.string(),
  /** 0–1, for ordering */
  score: z.number(),
})
export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>

// Reference lists for the forms -------------------------------------------------------------------------------------
/** GET /api/persons/reference/counsellors: active counsellors of the structure, with their sites. */
export const counsellorOptionSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  sites: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
  programmeIds: z.array(z.string()),
})
export type CounsellorOption = z.infer<typeof counsellorOptionSchema>
