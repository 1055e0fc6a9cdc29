import { z } from 'zod'
import { programmeTypes } from '../admin/admin.schema.ts'
import { calendarDate, cents, distinct, safeText, versionSchema } from '../primitives.ts'
import { aidPurposes, aidTracks, decisionModes, fundKinds, paymentModes } from './aids.nomenclature.ts'

// The funds the admin or the director configures and their yearly envelopes per funder (issue 12, docs/aids.md
// « Funds and envelopes »). Amounts are integer cents.

const id = z.uuid('Identifiant invalide.')
export const fundParams = z.object({ id })
export const envelopeParams = z.object({ id })

export const AID_YEARS = { min: 1990, max: 2100 } as const
const yearMessage = `Année entre ${AID_YEARS.min} et ${AID_YEARS.max}.`
export const aidYearSchema = z
  .number(yearMessage)
  .int(yearMessage)
  .min(AID_YEARS.min, yearMessage)
  .max(AID_YEARS.max, yearMessage)
export const aidYearQuery = z.object({
  year: z
    .string(yearMessage)
    .regex(/^\d{4}$/, yearMessage)
    .transform(Number)
    .pipe(aidYearSchema),
})
const versionText = z
  .string('Version requise.')
  .regex(/^\d{1,9}$/, 'Version invalide.')
  .transform(Number)
  .pipe(versionSchema)
export const versionQuery = z.object({ version: versionText })
export const fundListQuery = z.object({ active: z.enum(['true', 'false'], 'true ou false.').optional() })

const text = (max: number, required: string) =>
  safeText(required).trim().min(1, required).max(max, `${max} caractères au plus.`)
const codes = <T extends readonly [string, ...string[]]>(values: T, unknown: string, min = 0) =>
  z
    .array(z.enum(values, unknown), 'Liste attendue.')
    .min(min, 'Choisissez au moins une valeur.')
    .refine(distinct, 'Une valeur est citée deux fois.')
const age = z
  .number('Âge attendu.')
  .int('Âge entier attendu.')
  .min(0, 'Âge entre 0 et 120.')
  .max(120, 'Âge entre 0 et 120.')
const ceiling = cents().min(1, 'Plafond positif attendu.').nullable().default(null)

const fundObject = z.object({
  code: text(20, 'Code du fonds requis.').regex(/^[A-Za-z0-9_-]+$/, 'Lettres, chiffres, - et _ seulement.'),
  name: text(200, 'Nom du fonds requis.'),
  kind: z.enum(fundKinds.codes, 'Nature de fonds inconnue.'),
  funder: text(200, 'Financeur requis.'),
  decidedBy: z.enum(decisionModes.codes, 'Décideur inconnu.').default('officer'),
  programmeTypes: codes(programmeTypes, 'Nature de programme inconnue.').default([]),
  minAge: age.nullable().default(null),
  maxAge: age.nullable().default(null),
  communes: z
    .array(z.string('Code INSEE attendu.').regex(/^[0-9][0-9AB][0-9]{3}$/, 'Code INSEE invalide.'), 'Liste attendue.')
    .max(1000, '1000 communes au plus.')
    .refine(distinct, 'Une commune est citée deux fois.')
    .default([]),
  purposes: codes(aidPurposes.codes, 'Objet de l’aide inconnu.', 1),
  tracks: codes(aidTracks.codes, 'Voie inconnue.', 1).default(['ordinary']),
  paymentModes: codes(paymentModes.codes, 'Mode de paiement inconnu.', 1).default(['transfer']),
  documents: z
    .array(text(200, 'Document sans nom.'), 'Liste de documents attendue.')
    .max(50, '50 documents au plus.')
    .refine(distinct, 'Un document est cité deux fois.')
    .default([]),
  ceilingRequestCents: ceiling,
  ceilingPersonYearCents: ceiling,
  ceilingMonthCents: ceiling,
  fixedAmountCents: ceiling,
  opensOn: calendarDate().nullable().default(null),
  closesOn: calendarDate().nullable().default(null),
  active: z.boolean('Oui ou non.').default(true),
})
const coherent = (v: z.output<typeof fundObject>, ctx: z.RefinementCtx) => {
  if (v.minAge !== null && v.maxAge !== null && v.maxAge < v.minAge)
    ctx.addIssue({ code: 'custom', path: ['maxAge'], message: 'L’âge maximum précède l’âge minimum.' })
  if (v.opensOn && v.closesOn && v.closesOn < v.opensOn)
    ctx.addIssue({ code: 'custom', path: ['closesOn'], message: 'La clôture précède l’ouverture.' })
}
export const fundInputSchema = fundObject.superRefine(coherent)
export type FundInput = z.output<typeof fundInputSchema>
export const fundUpdateSchema = fundObject.extend({ version: versionSchema }).superRefine(coherent)

export const fundSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(fundKinds.codes),
  kindLabel: z.string(),
  funder: z.string(),
  decidedBy: z.enum(decisionModes.codes),
  programmeTypes: z.array(z.string()),
  minAge: z.number().int().nullable(),
  maxAge: z.number().int().nullable(),
  communes: z.array(z.string()),
  purposes: z.array(z.string()),
  tracks: z.array(z.enum(aidTracks.codes)),
  paymentModes: z.array(z.enum(paymentModes.codes)),
  documents: z.array(z.string()),
  ceilingRequestCents: z.number().int().nullable(),
  ceilingPersonYearCents: z.number().int().nullable(),
  ceilingMonthCents: z.number().int().nullable(),
  fixedAmountCents: z.number().int().nullable(),
  opensOn: z.string().nullable(),
  closesOn: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
})
export type Fund = z.infer<typeof fundSchema>

export const envelopeInputSchema = z.object({
  year: aidYearSchema,
  funder: text(200, 'Financeur requis.'),
  allocatedCents: cents(),
})
export type EnvelopeInput = z.output<typeof envelopeInputSchema>
export const envelopeUpdateSchema = envelopeInputSchema.extend({ version: versionSchema })

export const envelopeSchema = z.object({
  id: z.string(),
  fundId: z.string(),
  year: z.number().int(),
  funder: z.string(),
  allocatedCents: z.number().int(),
  version: z.number().int(),
})
export type Envelope = z.infer<typeof envelopeSchema>

/** a fund's year: allocated (its envelopes), committed (granted that year), paid (counter-entries included), left */
export const envelopeFiguresSchema = z.object({
  fundId: z.string(),
  year: z.number().int(),
  allocatedCents: z.number().int(),
  committedCents: z.number().int(),
  paidCents: z.number().int(),
  remainingCents: z.number().int(),
})
export type EnvelopeFigures = z.infer<typeof envelopeFiguresSchema>
export const fundYearSchema = envelopeFiguresSchema.extend({ envelopes: z.array(envelopeSchema) })

export const fundDashboardSchema = z.object({
  fund: fundSchema,
  envelope: envelopeFiguresSchema,
  months: z.array(z.object({ month: z.string(), committedCents: z.number().int(), paidCents: z.number().int() })),
  byStatus: z.array(z.object({ status: z.string(), label: z.string(), count: z.number().int() })),
  byPurpose: z.array(
    z.object({ purpose: z.string(), label: z.string(), count: z.number().int(), grantedCents: z.number().int() }),
  ),
})
export const overviewSchema = z.object({
  year: z.number().int(),
  funds: z.array(envelopeFiguresSchema.extend({ code: z.string(), name: z.string(), active: z.boolean() })),
})
