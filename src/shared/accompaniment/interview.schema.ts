import { z } from 'zod'
import {
  eventInputSchema,
  eventSchema,
  propositionInputSchema,
  propositionSchema,
  versionSchema,
} from './accompaniment.schema.ts'
import { situationInputSchema, situationSchema } from './situations.schema.ts'

// The interview screen (issue 10): one interview — its event, the propositions made during it, a change of situation —
// recorded in one request and one transaction. The propositions take the event's date (a proposition is dated on a
// contact of the person); the event's note is the interview's note.

/** The event: a new one, or the one already recorded for it (the agenda's attendance), completed with the version read. */
export const interviewEventSchema = eventInputSchema.extend({
  id: z.uuid('Identifiant invalide.').optional(),
  version: versionSchema.optional(),
})

export const interviewInputSchema = z
  .object({
    event: interviewEventSchema,
    propositions: z.array(propositionInputSchema.omit({ date: true })).max(20, 'Au plus 20 propositions à la fois.'),
    situation: situationInputSchema.nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.event.id && v.event.version === undefined)
      ctx.addIssue({ code: 'custom', path: ['event', 'version'], message: 'Version de l’événement requise.' })
    if (v.event.attendance !== 'present' && (v.propositions.length || v.situation))
      ctx.addIssue({
        code: 'custom',
        path: ['event', 'attendance'],
        message:
          'Des propositions ou une situation ne s’enregistrent que pour un entretien où la personne était présente.',
      })
  })
export type InterviewInput = z.input<typeof interviewInputSchema>

export const interviewSchema = z.object({
  event: eventSchema,
  propositions: z.array(propositionSchema),
  situation: situationSchema.nullable(),
})
export type Interview = z.infer<typeof interviewSchema>
