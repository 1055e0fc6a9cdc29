import { z } from 'zod'
import { calendarDate, safeText } from '../primitives.ts'

// The field rules every employment schema shares (the same messages everywhere): an identifier, a trimmed text with
// its length, the same text optional (empty means null) or required, an optional day.

export const id = z.uuid('Identifiant invalide.')

export const text = (max: number) => safeText('Texte attendu.').trim().max(max, `${max} caractères au plus.`)
export const optionalText = (max: number) =>
  text(max)
    .nullable()
    .default(null)
    .transform((v) => v || null)
export const required = (max: number, message: string) => text(max).min(1, message)
export const optionalDate = (message: string) => calendarDate(message).nullable().default(null)

/** the version read, in the query of a DELETE (`?version=3`): a body-less request still names what it deletes */
export const versionQuery = z.object({
  version: z
    .string('Version requise.')
    .regex(/^\d{1,9}$/, 'Version invalide.')
    .transform(Number),
})
