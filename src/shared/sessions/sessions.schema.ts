import { z } from 'zod'
import { appointmentSchema, MAX_CO_LEADERS } from '../agenda/agenda.schema.ts'
import { distinct, versionSchema } from '../primitives.ts'

// Contracts of collective sessions (docs/agenda.md, « Séances collectives »): a session is an agenda appointment of
// kind workshop or information session, with several persons up to its capacity. Registering a person bumps the
// session's version: two registrations read at the same version cannot both take the last place (409).

export const sessionKinds = ['workshop', 'info_session'] as const
export type SessionKind = (typeof sessionKinds)[number]

const id = z.uuid('Identifiant invalide.')
export const sessionParams = z.object({ id })
export const sessionPersonParams = z.object({ id, personId: id })

export const sessionListQuery = z.object({
  period: z.enum(['upcoming', 'past'], 'Période : upcoming ou past.').default('upcoming'),
  /** only the sessions that still have a place (the person file's « Inscrire à une séance ») */
  open: z.enum(['true', 'false']).optional(),
})
export type SessionListQuery = z.input<typeof sessionListQuery>

export const registrationSchema = z.object({ personId: id, version: versionSchema })
export const unregistrationSchema = z.object({ version: versionSchema })
/** the session's co-leaders, all of them (the leader is the appointment's counsellor), with the version read */
export const coLeadersSchema = z.object({
  coLeaderIds: z
    .array(id)
    .max(MAX_CO_LEADERS, `Au plus ${MAX_CO_LEADERS} co-animateurs.`)
    .refine(distinct, 'Un co-animateur figure deux fois.'),
  version: versionSchema,
})

/** A session as listed and read: the appointment, with the count of registered persons and the places left. */
export const sessionSchema = appointmentSchema.extend({
  registered: z.number().int(),
  placesLeft: z.number().int(),
})
export type Session = z.infer<typeof sessionSchema>
export const sessionListSchema = z.object({ items: z.array(sessionSchema), truncated: z.boolean() })
