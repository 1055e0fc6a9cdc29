import { z } from 'zod'
import {
  type AttributeKind,
  attributeKinds,
  attributeLabels,
  type Level1969,
  type Level2019,
  level1969From2019,
  level2019From1969,
  type StatusCode,
  sensitiveAttributes,
  sensitiveResources,
  sensitiveStatuses,
  statuses,
} from '../nomenclatures/person.ts'
import { calendarDate, safeText, versionSchema } from '../primitives.ts'
import { requiredChoice, requiredDate, whenValid } from './fields.ts'

// The situation of a person over time: dated attributes (a change takes effect on a date; history is kept) and status
// periods (RSA, RQTH, long-term job-seeker, justice: a start and, once over, an end).
// RSA, RQTH, justice and the resources are sensitive: shown only to those who follow the person, each read audited.

export const isoDate = (message?: string) => calendarDate(message)

export const attributeCodes = Object.keys(attributeKinds) as [AttributeKind, ...AttributeKind[]]
export const attributeCodeSchema = requiredChoice(
  attributeCodes,
  'Choisissez l’élément de situation.',
  'Élément de situation inconnu.',
)
export const isSensitiveAttribute = (a: string) => (sensitiveAttributes as string[]).includes(a)
/** A value whose read is audited (RSA, AAH and family benefits among the resources). */
export const isSensitiveAttributeValue = (a: { attribute: string; value: string }) =>
  a.attribute === 'resources' && (sensitiveResources as string[]).includes(a.value)
export const level2019Schema = z
  .number('Niveau 2019 : un nombre de 1 à 8.')
  .int('Niveau 2019 : un nombre de 1 à 8.')
  .min(1, 'Niveau 2019 : un nombre de 1 à 8.')
  .max(8, 'Niveau 2019 : un nombre de 1 à 8.')

/**
 * One value of a dated attribute. `value` is a code of the attribute's list (src/shared/nomenclatures/person.ts,
 * `attributeKinds`). For education_level, `value` is the 1969 level (VI, Vbis, V, IV, III, II, I) and/or `level2019`
 * the 2019 level (1–8): give either, both are stored, the missing one mapped from the other; when both are given they
 * must agree (level1969From2019).
 */
const attributeValueFields = {
  attribute: attributeCodeSchema,
  value: safeText().trim().max(20).nullable().optional(),
  level2019: level2019Schema.nullable().optional(),
}
type AttributeValueInput = { attribute: AttributeKind; value?: string | null; level2019?: number | null }

function checkAttributeValue(v: AttributeValueInput, ctx: z.RefinementCtx) {
  const labels = attributeKinds[v.attribute].labels as Record<string, string>
  const known = (code: string) => Object.hasOwn(labels, code)
  const label = attributeLabels[v.attribute]
  if (v.attribute === 'education_level') {
    if (!v.value && v.level2019 == null)
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'Indiquez le niveau (nomenclature 1969 ou 2019).' })
    else if (v.value && !known(v.value))
      ctx.addIssue({ code: 'custom', path: ['value'], message: `Valeur inconnue pour « ${label} ».` })
    else if (v.value && v.level2019 != null && level1969From2019(v.level2019 as Level2019) !== v.value)
      ctx.addIssue({
        code: 'custom',
        path: ['level2019'],
        message: `Le niveau ${v.level2019} (2019) correspond au niveau ${level1969From2019(v.level2019 as Level2019)} (1969), pas ${v.value}.`,
      })
    return
  }
  if (!v.value) ctx.addIssue({ code: 'custom', path: ['value'], message: `Indiquez la valeur : « ${label} ».` })
  else if (!known(v.value))
    ctx.addIssue({ code: 'custom', path: ['value'], message: `Valeur inconnue pour « ${label} ».` })
  if (v.level2019 != null)
    ctx.addIssue({
      code: 'custom',
      path: ['level2019'],
      message: 'Le niveau 2019 ne concerne que le niveau de formation.',
    })
}

/** Both levels of an education level entry, the missing one mapped from the other; other attributes: value only. */
export function resolveAttributeValue(v: AttributeValueInput): { value: string; level2019: number | null } {
  if (v.attribute !== 'education_level') return { value: v.value!, level2019: null }
  const value = v.value || level1969From2019(v.level2019 as Level2019)
  return { value, level2019: v.level2019 ?? level2019From1969(value as Level1969) }
}

// the value is checked once the attribute is known, whatever the other fields
const attributeKnown = whenValid(z.object({ attribute: attributeCodeSchema }))

/** An entry of the situation at entry (its date is the first reception's). */
export const initialAttributeInput = z.object(attributeValueFields).superRefine(checkAttributeValue, attributeKnown)

/** POST /api/persons/:id/attributes */
export const attributeInput = z
  .object({
    ...attributeValueFields,
    validFrom: requiredDate('Date d’effet au format AAAA-MM-JJ.', 'Date d’effet requise.'),
  })
  .superRefine(checkAttributeValue, attributeKnown)
export type AttributeInput = z.input<typeof attributeInput>

export const attributeIdParams = z.object({ id: z.uuid('Identifiant invalide.'), attributeId: z.uuid() })

/** The value in force: `level1969` and `level2019` are filled for education_level only (level1969 = value). */
export const attributeValueSchema = z.object({
  id: z.string(),
  value: z.string(),
  level1969: z.string().nullable(),
  level2019: z.number().nullable(),
  validFrom: z.string(),
})
export type AttributeValue = z.infer<typeof attributeValueSchema>

/**
 * Every attribute, with its value in force on the date, or null when nothing was recorded by then. An attribute left
 * out is hidden from this reader (resources, for those who may not see sensitive data).
 */
export const attributeStateSchema = z.partialRecord(attributeCodeSchema, attributeValueSchema.nullable())
export type AttributeState = z.infer<typeof attributeStateSchema>

export const attributeEntrySchema = attributeValueSchema.extend({
  attribute: attributeCodeSchema,
  recordedAt: z.string(),
  recordedByName: z.string().nullable(),
})
export type AttributeEntry = z.infer<typeof attributeEntrySchema>

export const onQuery = z.object({ on: isoDate().optional() })

/**
 * GET /api/persons/:id/attributes?on=: the state on `on` (default today) and every entry, latest first per attribute.
 * sensitiveHidden: the reader may not see the resources; they are left out of state and history.
 */
export const attributesViewSchema = z.object({
  on: z.string(),
  state: attributeStateSchema,
  history: z.array(attributeEntrySchema),
  sensitiveHidden: z.boolean(),
})
export type AttributesView = z.infer<typeof attributesViewSchema>

// Statuses ------------------------------------------------------------------------------------------------------
export const statusCodeSchema = requiredChoice(statuses.codes, 'Choisissez le statut.', 'Statut inconnu.')
export const isSensitiveStatus = (s: string) => (sensitiveStatuses as string[]).includes(s as StatusCode)

const detail = safeText().trim().max(500, '500 caractères au plus.').nullable().default(null)

/** A status of the situation at entry; its start defaults to the first reception's date. */
export const initialStatusInput = z.object({
  status: statusCodeSchema,
  detail,
  startDate: isoDate('Date de début au format AAAA-MM-JJ.').optional(),
})

const startDate = requiredDate('Date de début au format AAAA-MM-JJ.', 'Date de début requise.')
const endDate = isoDate('Date de fin au format AAAA-MM-JJ.').nullable()
const endAfterStart = (v: { startDate?: string; endDate?: string | null }, ctx: z.RefinementCtx) => {
  if (v.startDate && v.endDate && v.endDate < v.startDate)
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'La date de fin précède la date de début.' })
}
const datesValid = whenValid(z.object({ startDate, endDate: endDate.optional() }))

/** POST /api/persons/:id/statuses */
export const statusInput = z
  .object({
    status: statusCodeSchema,
    detail,
    startDate,
    endDate: endDate.default(null),
  })
  .superRefine(endAfterStart, datesValid)
export type StatusInput = z.input<typeof statusInput>

/** PUT /api/persons/:id/statuses/:statusId: correct or close a period (the status itself does not change). */
export const statusUpdateInput = z
  .object({
    detail,
    startDate,
    endDate,
    version: versionSchema,
  })
  .superRefine(endAfterStart, datesValid)
export type StatusUpdateInput = z.input<typeof statusUpdateInput>

export const statusIdParams = z.object({ id: z.uuid('Identifiant invalide.'), statusId: z.uuid() })

export const statusPeriodSchema = z.object({
  id: z.string(),
  status: statusCodeSchema,
  /** RSA, RQTH and justice: shown only to those who follow the person; each read is audited */
  sensitive: z.boolean(),
  detail: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  recordedAt: z.string(),
  recordedByName: z.string().nullable(),
  version: z.number().int(),
})
export type StatusPeriod = z.infer<typeof statusPeriodSchema>

/**
 * GET /api/persons/:id/statuses[?on=]: every period, or those active on `on` (start ≤ on ≤ end, or no end).
 * sensitiveHidden: the reader may not see RSA, RQTH and justice periods; they are left out, not absent.
 */
export const statusesViewSchema = z.object({
  on: z.string().nullable(),
  sensitiveHidden: z.boolean(),
  items: z.array(statusPeriodSchema),
})
export type StatusesView = z.infer<typeof statusesViewSchema>
