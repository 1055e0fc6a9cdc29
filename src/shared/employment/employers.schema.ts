import { z } from 'zod'
import { calendarDate, safeText, versionSchema } from '../primitives.ts'
import { normaliseSiret, siretError } from '../siret.ts'
import { id, optionalText, required } from './common.schema.ts'
import { interactionKinds, workforceBands } from './employment.nomenclature.ts'
import { isNafCode, normaliseNaf } from './naf.ts'

// The employers (issue 14, docs/employment/employers.md): a company file created from its SIRET with the SIRENE
// fields, its contacts, every interaction with it, its history; the list's search and the SIRENE CSV import. The server
// validates every body with these schemas and the forms use the same ones.

export const employerParams = z.object({ id })
export const employerContactParams = z.object({ id, contactId: id })
export const employerInteractionParams = z.object({ id, interactionId: id })

/** a SIRET as typed (spaces and dots allowed), checked: 14 digits, Luhn key (La Poste's rule for 356 000 000) */
export const siretSchema = safeText('SIRET requis.')
  .transform(normaliseSiret)
  .superRefine((v, ctx) => {
    const wrong = v === '' ? 'SIRET requis.' : siretError(v)
    if (wrong) ctx.addIssue({ code: 'custom', message: wrong })
  })
/** a NAF rév. 2 sous-classe (« 88.10A », or typed « 8810A ») */
export const nafCodeSchema = safeText('Code NAF attendu.')
  .transform(normaliseNaf)
  .refine(isNafCode, 'Code NAF inconnu (NAF rév. 2 : deux chiffres, un point, deux chiffres et une lettre : 88.10A).')
const postcode = safeText('Code postal attendu.')
  .trim()
  .regex(/^[0-9]{5}$/, 'Le code postal compte 5 chiffres.')
const communeCode = safeText('Code commune attendu.')
  .trim()
  .regex(/^[0-9][0-9AB][0-9]{3}$/, 'Code INSEE de commune à 5 caractères.')
const email = z.email('Adresse électronique invalide.').max(254, '254 caractères au plus.')
const orNull = <S extends z.ZodType>(s: S) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), s.nullable().default(null))

/** a company file: the SIRENE fields (entered or imported) and the structure's own */
export const employerInput = z.object({
  siret: siretSchema,
  /** raison sociale (denominationUniteLegale), else the establishment's sign (enseigne) */
  name: required(200, 'Raison sociale requise.'),
  /** the establishment's sign (enseigne1Etablissement), when it differs from the registered name */
  tradeName: optionalText(200),
  nafCode: orNull(nafCodeSchema),
  legalForm: orNull(
    safeText()
      .trim()
      .regex(/^[0-9]{4}$/, 'La catégorie juridique compte 4 chiffres.'),
  ),
  workforceBand: orNull(z.enum(workforceBands.codes, 'Tranche d’effectif inconnue.')),
  address: optionalText(300),
  postcode: orNull(postcode),
  communeCode: orNull(communeCode),
  communeName: optionalText(200),
  phone: optionalText(30),
  email: orNull(email),
  note: optionalText(2000),
})
export type EmployerInput = z.output<typeof employerInput>
/** an edit names the version read; active=false closes the file (an employer others rest on is never deleted) */
export const employerUpdate = employerInput.extend({ version: versionSchema, active: z.boolean().default(true) })
export type EmployerUpdate = z.output<typeof employerUpdate>

export const employerListQuery = z.object({
  /** a word of the name or the trade name, a SIRET (or its first digits), a commune or a postcode */
  q: safeText().trim().max(100).optional(),
  active: z.enum(['true', 'false', 'all']).default('true'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
})

export const employerSummarySchema = z.object({
  id,
  siret: z.string().nullable(),
  name: z.string(),
  tradeName: z.string().nullable(),
  nafCode: z.string().nullable(),
  nafLabel: z.string().nullable(),
  workforceBand: z.string().nullable(),
  postcode: z.string().nullable(),
  communeName: z.string().nullable(),
  active: z.boolean(),
  /** the last interaction's day, or null */
  lastInteractionOn: z.string().nullable(),
  openOffers: z.number(),
})
export type EmployerSummary = z.infer<typeof employerSummarySchema>
export const employerListSchema = z.object({
  items: z.array(employerSummarySchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
})
export type EmployerList = z.infer<typeof employerListSchema>

export const contactSchema = z.object({
  id,
  name: z.string(),
  jobTitle: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  isPrimary: z.boolean(),
  active: z.boolean(),
  version: z.number(),
})
export type EmployerContact = z.infer<typeof contactSchema>

export const interactionSchema = z.object({
  id,
  date: z.string(),
  kind: z.enum(interactionKinds.codes),
  officerId: id.nullable(),
  officerName: z.string().nullable(),
  contactId: id.nullable(),
  contactName: z.string().nullable(),
  subject: z.string(),
  note: z.string().nullable(),
  version: z.number(),
})
export type EmployerInteraction = z.infer<typeof interactionSchema>

/** what the other parts wrote about the company: simple counts and lists */
export const employerHistorySchema = z.object({
  offers: z.array(
    z.object({
      id,
      title: z.string(),
      status: z.string(),
      contractKind: z.string(),
      positions: z.number(),
      createdOn: z.string(),
    }),
  ),
  placements: z.array(
    z.object({
      id,
      /** the person's name for the readers who see the whole structure; null for the others */
      personName: z.string().nullable(),
      contractKind: z.string(),
      jobTitle: z.string().nullable(),
      startDate: z.string(),
    }),
  ),
  immersions: z.array(
    z.object({
      id,
      personName: z.string().nullable(),
      jobTitle: z.string(),
      startsOn: z.string(),
      endsOn: z.string(),
      status: z.string(),
    }),
  ),
  clauseLots: z.array(
    z.object({
      id,
      operationName: z.string(),
      label: z.string(),
      requiredHours: z.number(),
      hoursDone: z.number(),
    }),
  ),
  counts: z.object({
    offers: z.number(),
    placements: z.number(),
    immersions: z.number(),
    clauseHours: z.number(),
  }),
})
export type EmployerHistory = z.infer<typeof employerHistorySchema>

export const employerSchema = z.object({
  id,
  siret: z.string().nullable(),
  name: z.string(),
  tradeName: z.string().nullable(),
  nafCode: z.string().nullable(),
  nafLabel: z.string().nullable(),
  legalForm: z.string().nullable(),
  workforceBand: z.string().nullable(),
  address: z.string().nullable(),
  postcode: z.string().nullable(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  note: z.string().nullable(),
  officerId: id.nullable(),
  officerName: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  version: z.number(),
})
export type Employer = z.infer<typeof employerSchema>
export const employerDetailSchema = employerSchema.extend({
  contacts: z.array(contactSchema),
  interactions: z.array(interactionSchema),
  history: employerHistorySchema,
})
export type EmployerDetail = z.infer<typeof employerDetailSchema>

/** the SIRET check the form calls on blur: valid or not, and the file that already bears it */
export const siretCheckQuery = z.object({ siret: safeText().max(40) })
export const siretCheckSchema = z.object({
  siret: z.string(),
  valid: z.boolean(),
  message: z.string().nullable(),
  existing: z.object({ id, name: z.string() }).nullable(),
})

export const contactInput = z.object({
  name: required(200, 'Nom du contact requis.'),
  /** the contact's role in the company (fonction) */
  jobTitle: optionalText(200),
  phone: optionalText(30),
  email: orNull(email),
  isPrimary: z.boolean().default(false),
})
export type ContactInput = z.output<typeof contactInput>
export const contactUpdate = contactInput.extend({ version: versionSchema, active: z.boolean().default(true) })

export const interactionInput = z.object({
  date: calendarDate('Date au format AAAA-MM-JJ.'),
  kind: z.enum(interactionKinds.codes, 'Type de contact inconnu.'),
  contactId: id.nullable().default(null),
  subject: required(200, 'Objet requis.'),
  note: optionalText(4000),
})
export type InteractionInput = z.output<typeof interactionInput>
export const interactionUpdate = interactionInput.extend({ version: versionSchema })

/** the SIRENE import: the file's name (quoted in the errors) and a dry run */
export const employerImportQuery = z.object({
  dryRun: z.enum(['true', 'false'], 'true ou false.').default('false'),
  file: z
    .string()
    .trim()
    .max(200, '200 caractères au plus.')
    .refine((v) => /^[\p{L}\p{N} ._()-]*$/u.test(v), 'Nom de fichier invalide.')
    .optional(),
})
export const employerImportResult = z.object({
  dryRun: z.boolean(),
  created: z.number(),
  updated: z.number(),
})
export type EmployerImportResult = z.infer<typeof employerImportResult>
