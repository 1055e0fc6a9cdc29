import { z } from 'zod'
import { safeText, timeZoneSchema, versionSchema } from '../primitives.ts'

// The structure's own settings, edited by its administrator: its name and its time zone (the day "today" is, the day
// of an instant: a Mission Locale in Cayenne or Saint-Denis de La Réunion is not in Europe/Paris).

export const structureSettingsSchema = z.object({
  id: z.string(),
  name: z.string(),
  timeZone: z.string(),
  version: z.number().int(),
})
export type StructureSettings = z.infer<typeof structureSettingsSchema>

export const structureSettingsInputSchema = z.object({
  name: safeText('Nom requis.').trim().min(2, 'Nom requis.').max(200, 'Au plus 200 caractères.'),
  timeZone: timeZoneSchema,
  version: versionSchema,
})
export type StructureSettingsInput = z.input<typeof structureSettingsInputSchema>
