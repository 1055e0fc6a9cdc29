import { z } from 'zod'
import { calendarDate } from '../primitives.ts'

// The first reception's hand-off (issue 10): the reception programme the new file enters (asked when there are
// several) and the referent suggested by site and load, so that no file is created belonging to nobody.

export const receptionChoicesQuery = z.object({
  siteId: z.uuid('Site invalide.'),
  /** to choose between the Mission Locale (up to 25) and the PLIE (adults) */
  birthDate: calendarDate().optional(),
})

export const receptionProgrammeSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  type: z.string(),
})
export const suggestedReferentSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  /** the persons they follow today */
  load: z.number().int(),
})

export const receptionChoicesSchema = z.object({
  /** the structure's active service programmes (Mission Locale, PLIE…) */
  programmes: z.array(receptionProgrammeSchema),
  /** the one the file enters unless reception chooses: by age when there are several, null when it cannot tell */
  programmeId: z.string().nullable(),
  /** the least loaded active counsellor of the site (of the structure when the site has none) */
  referent: suggestedReferentSchema.nullable(),
})
export type ReceptionChoices = z.infer<typeof receptionChoicesSchema>
