import { z } from 'zod'
import { cents, safeText, versionSchema } from '../primitives.ts'
import { funders } from './plie.nomenclature.ts'

// The PLIE's funding: its operations per year and funder, programmed and realised amounts in integer cents
// (issue 11, docs/plie.md « Funding »). Euros are written the French way only in the web form.

export const FUNDING_YEARS = { min: 1990, max: 2100 } as const
const yearMessage = `Année entre ${FUNDING_YEARS.min} et ${FUNDING_YEARS.max}.`
export const fundingYearSchema = z
  .number(yearMessage)
  .int(yearMessage)
  .min(FUNDING_YEARS.min, yearMessage)
  .max(FUNDING_YEARS.max, yearMessage)
export const funderSchema = z.enum(funders.codes, 'Financeur inconnu.')

export const fundingParams = z.object({ id: z.uuid('Identifiant invalide.') })
export const fundingListQuery = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/, yearMessage)
    .transform(Number)
    .pipe(fundingYearSchema),
})
export const fundingDeleteQuery = z.object({
  version: z
    .string()
    .regex(/^\d{1,9}$/, 'Version invalide.')
    .transform(Number)
    .pipe(versionSchema),
})

export const fundingInputSchema = z.object({
  year: fundingYearSchema,
  funder: funderSchema,
  operation: safeText().trim().min(2, 'Intitulé de l’opération requis.').max(200, 'Au plus 200 caractères.'),
  programmedCents: cents(),
  realisedCents: cents().nullable().default(null),
})
export type FundingInput = z.output<typeof fundingInputSchema>
export const fundingUpdateSchema = fundingInputSchema.extend({ version: versionSchema })

export const fundingSchema = z.object({
  id: z.string(),
  year: z.number().int(),
  funder: funderSchema,
  funderLabel: z.string(),
  operation: z.string(),
  programmedCents: z.number().int(),
  realisedCents: z.number().int().nullable(),
  version: z.number().int(),
})
export type Funding = z.infer<typeof fundingSchema>
