import { z } from 'zod'
import { appointmentSchema } from '../agenda/agenda.schema.ts'
import { distinct, versionSchema } from '../primitives.ts'
import { keyFigureCodes } from './key-figures.ts'

// Contracts of the home pages (docs/home.md): reception's arrivals, the counsellor's recent changes, the director's key
// figures against the sites' objectives and alerts by team, the objectives' screen, and the person file's summary.

const id = z.uuid('Identifiant invalide.')

// Reception: "arrivé(e)" --------------------------------------------------------------------------------------------
export const arrivalInputSchema = z.object({ appointmentId: id, personId: id })
export type ArrivalInput = z.input<typeof arrivalInputSchema>
export const arrivalResultSchema = appointmentSchema

// Counsellor: recent changes on the files they follow ------------------------------------------------------------------
/** how far back the changes go when the user never marked them seen (and at most) */
export const CHANGES_DAYS = 14
export const CHANGES_SHOWN = 30
export const changeSchema = z.object({
  personId: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  /** how many recorded changes since `since` */
  count: z.number().int(),
  /** what changed, in French words, each once ('une situation', 'un événement'…) */
  what: z.array(z.string()),
  lastAt: z.string(),
  /** who made the latest change */
  lastBy: z.string(),
})
export const changesSchema = z.object({
  since: z.string(),
  /** the user's own mark; null: never marked, `since` is CHANGES_DAYS ago */
  seenAt: z.string().nullable(),
  total: z.number().int(),
  items: z.array(changeSchema),
})
export type Changes = z.infer<typeof changesSchema>

// Director: key figures against objectives ----------------------------------------------------------------------------
export const keyFiguresQuery = z.object({
  year: z.coerce.number('Année invalide.').int('Année invalide.').min(2000, 'Année invalide.').max(2100).optional(),
})
export const keyFigureCellSchema = z.object({
  figure: z.enum(keyFigureCodes),
  value: z.number().nullable(),
  /** the site's objective for the year; null: none set */
  target: z.number().nullable(),
  /** the objective prorated to the days of the year gone by (null without objective) */
  expected: z.number().nullable(),
})
export const keyFiguresSchema = z.object({
  year: z.number().int(),
  from: z.string(),
  to: z.string(),
  figures: z.array(z.object({ key: z.enum(keyFigureCodes), label: z.string() })),
  sites: z.array(z.object({ siteId: z.string(), siteName: z.string(), cells: z.array(keyFigureCellSchema) })),
  /** the whole structure (a person of two sites counts once) */
  total: z.array(keyFigureCellSchema),
})
export type KeyFigures = z.infer<typeof keyFiguresSchema>

// Director: people in alert by team --------------------------------------------------------------------------------
export const teamAlertsSchema = z.object({
  today: z.string(),
  teams: z.array(
    z.object({
      siteId: z.string(),
      siteName: z.string(),
      /** persons of the site followed by someone, and those in alert (each once) */
      people: z.number().int(),
      alerts: z.number().int(),
      counsellors: z.array(
        z.object({ counsellorId: z.string(), name: z.string(), people: z.number().int(), alerts: z.number().int() }),
      ),
    }),
  ),
})
export type TeamAlerts = z.infer<typeof teamAlertsSchema>

// Sites' objectives ------------------------------------------------------------------------------------------------
export const MAX_OBJECTIVE = 1_000_000
export const yearParams = z.object({
  year: z.coerce
    .number('Année invalide.')
    .int('Année invalide.')
    .min(2000, 'Année invalide.')
    .max(2100, 'Année invalide.'),
})
export const siteObjectiveSchema = z.object({
  id: z.string(),
  siteId: z.string(),
  figure: z.enum(keyFigureCodes),
  target: z.number().int(),
  version: z.number().int(),
})
export const siteObjectivesSchema = z.object({
  year: z.number().int(),
  sites: z.array(z.object({ id: z.string(), name: z.string() })),
  items: z.array(siteObjectiveSchema),
})
export type SiteObjectives = z.infer<typeof siteObjectivesSchema>
/**
 * PUT /api/site-objectives/:year: the cells the form changed. A target of null removes the objective; `version` is the
 * one read (null for a new cell): a cell changed meanwhile makes the whole save a 409.
 */
export const siteObjectivesInputSchema = z.object({
  items: z
    .array(
      z.object({
        siteId: id,
        figure: z.enum(keyFigureCodes, 'Chiffre clé inconnu.'),
        target: z
          .number('Nombre entier.')
          .int('Nombre entier.')
          .min(0, 'Nombre positif attendu.')
          .max(MAX_OBJECTIVE, 'Objectif trop grand.')
          .nullable(),
        version: versionSchema.nullable(),
      }),
    )
    .max(2000, 'Trop de cases à la fois.')
    .refine((items) => distinct(items.map((i) => `${i.siteId}/${i.figure}`)), 'Une case figure deux fois.'),
})
export type SiteObjectivesInput = z.input<typeof siteObjectivesInputSchema>

// The person file's summary ----------------------------------------------------------------------------------------
/** alerts of the summary: turning 26 within this many months, the CEJ's planned end within this many */
export const AGE_OUT_WARNING_MONTHS = 3
export const CEJ_END_WARNING_MONTHS = 1
export const TIMELINE_SHOWN = 10

export const summaryAlertSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('contact'),
    /** the last contact, null: never (counted from the first reception) */
    lastContactDate: z.string().nullable(),
    days: z.number().int(),
    ruleDays: z.number().int(),
  }),
  z.object({ kind: z.literal('age_out'), date: z.string() }),
  z.object({ kind: z.literal('cej_end'), date: z.string() }),
])
export type SummaryAlert = z.infer<typeof summaryAlertSchema>

export const timelineItemSchema = z.object({
  /** unique in the list: the kind and the record's id */
  key: z.string(),
  date: z.string(),
  kind: z.enum(['event', 'situation_start', 'situation_end', 'enrolment_entry', 'enrolment_exit']),
  /** in French: the event's kind, the situation's kind, the programme */
  label: z.string(),
  /** an event's attendance when recorded (absent, excused) */
  attendance: z.enum(['present', 'excused', 'absent']).nullable(),
})
export const personSummarySchema = z.object({
  today: z.string(),
  situations: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      startDate: z.string(),
      /** the end date when one is set (a future day), else the planned end, else null */
      until: z.string().nullable(),
    }),
  ),
  enrolments: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      entryDate: z.string(),
      referentName: z.string().nullable(),
    }),
  ),
  nextAppointment: appointmentSchema.nullable(),
  lastContactDate: z.string().nullable(),
  timeline: z.array(timelineItemSchema),
  alerts: z.array(summaryAlertSchema),
})
export type PersonSummary = z.infer<typeof personSummarySchema>
