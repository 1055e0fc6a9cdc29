import { z } from 'zod'
import { attendances, eventKinds } from '../nomenclatures/accompaniment.ts'
import { codeList } from '../nomenclatures/code-list.ts'
import { requiredChoice, requiredDate, whenValid } from '../persons/fields.ts'
import { calendarDate, distinct, safeText, versionSchema } from '../primitives.ts'
import { channels } from './messages.schema.ts'

// Contracts of the agenda: appointments (one person or a group slot), permanences (recurring slots from an RFC 5545
// rule), attendance. Times are the structure's wall time ('HH:MM' on a 'yyyy-mm-dd' day, in its time zone); the
// server turns them into instants. Used by the server routes and the web forms alike.

const list = codeList

/** The event kinds of the nomenclature an appointment can be, plus the permanence (a desk slot, not yet an event). */
export const appointmentKinds = list({
  individual_interview: eventKinds.labels.individual_interview,
  info_session: eventKinds.labels.info_session,
  workshop: eventKinds.labels.workshop,
  phone: 'Entretien téléphonique',
  visit: eventKinds.labels.visit,
  permanence: 'Permanence',
})
export type AppointmentKind = (typeof appointmentKinds.codes)[number]
/** The accompaniment event an attended appointment becomes (a permanence's visitor had an interview). */
export const eventKindOf = (kind: AppointmentKind): (typeof eventKinds.codes)[number] =>
  kind === 'permanence' ? 'individual_interview' : kind

export const places = list({ site: 'Sur site', phone: 'Téléphone', video: 'Visioconférence' })
export type Place = (typeof places.codes)[number]
export { attendances }

export const MAX_GROUP = 500
export const MAX_CO_LEADERS = 10
const id = z.uuid('Identifiant invalide.')
export const appointmentParams = z.object({ id })
export const appointmentPersonParams = z.object({ id, personId: id })
export const personParams = z.object({ personId: id })

/** 'HH:MM', a wall time on the quarter-hour grid or any minute */
export const wallTime = (missing: string) =>
  z
    .string({ error: missing })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: (i) => (i.input === '' ? missing : 'Heure au format HH:MM.') })

const kindSchema = requiredChoice(appointmentKinds.codes, 'Choisissez le type.', 'Type de rendez-vous inconnu.')
const placeSchema = requiredChoice(places.codes, 'Choisissez le lieu.', 'Lieu inconnu.')
const optionalText = (max: number) =>
  safeText()
    .trim()
    .max(max, `Au plus ${max} caractères.`)
    .nullable()
    .default(null)
    .transform((v) => (v === '' ? null : v))
const videoUrl = z
  .url({ protocol: /^https$/, error: 'Lien de visioconférence : une adresse https://…' })
  .max(500, 'Au plus 500 caractères.')
  .nullable()
  .default(null)

const slotFields = {
  kind: kindSchema,
  date: requiredDate('Date au format AAAA-MM-JJ.', 'Date requise.'),
  start: wallTime('Heure de début requise.'),
  end: wallTime('Heure de fin requise.'),
}
const slotRule = (v: { start: string; end: string }, ctx: z.RefinementCtx) => {
  if (v.end <= v.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'La fin doit suivre le début.' })
}

const appointmentFields = z.object({
  ...slotFields,
  place: placeSchema.default('site'),
  /** the site the appointment belongs to (who sees it); a phone or video appointment too */
  siteId: id,
  roomId: id.nullable().default(null),
  videoUrl,
  /** omitted: the signed-in counsellor */
  counsellorId: id.optional(),
  /** other counsellors leading it with the counsellor (a workshop, a committee); omitted on a change: unchanged */
  coLeaderIds: z
    .array(id)
    .max(MAX_CO_LEADERS, `Au plus ${MAX_CO_LEADERS} co-animateurs.`)
    .refine(distinct, 'Un co-animateur figure deux fois.')
    .optional(),
  personIds: z
    .array(id)
    .max(MAX_GROUP, `Au plus ${MAX_GROUP} personnes.`)
    .refine(distinct, 'Une personne figure deux fois.')
    .default([]),
  capacity: z.number('Nombre entier.').int('Nombre entier.').min(1, 'Au moins 1.').max(MAX_GROUP).default(1),
  title: optionalText(200),
  note: optionalText(2000),
  /** book even when the counsellor, the room or a person is already taken then (the form asks first) */
  allowConflicts: z.boolean().default(false),
  /** send the convocation to each person now (by their channel, with their consent) */
  sendConvocation: z.boolean().default(false),
})
const appointmentRules = <S extends z.ZodType<z.output<typeof appointmentFields>>>(schema: S) =>
  schema
    .superRefine(slotRule, whenValid(z.object({ start: slotFields.start, end: slotFields.end })))
    .superRefine((v, ctx) => {
      if (v.personIds.length > v.capacity)
        ctx.addIssue({ code: 'custom', path: ['capacity'], message: 'Plus de personnes que de places.' })
      if (v.place === 'video' && !v.videoUrl)
        ctx.addIssue({ code: 'custom', path: ['videoUrl'], message: 'Indiquez le lien de la visioconférence.' })
    })
export const appointmentInputSchema = appointmentRules(appointmentFields)
export type AppointmentInput = z.input<typeof appointmentInputSchema>
export const appointmentUpdateSchema = appointmentRules(appointmentFields.extend({ version: versionSchema }))

/**
 * The first interview booked at the first reception (POST /api/persons, `firstInterview`): an individual interview
 * with the file's referent, at the file's site, on the phone or by video. Reception may book only this.
 */
export const firstInterviewSchema = z
  .object({
    date: slotFields.date,
    start: slotFields.start,
    end: slotFields.end,
    place: placeSchema.default('site'),
    roomId: id.nullable().default(null),
    videoUrl,
    /**
     * The person agrees to receive the agenda's messages by this channel (recorded as their consent and preferred
     * channel) and is sent the convocation now; null: not asked at reception, nothing sent.
     */
    convocation: z.enum(channels.codes, 'Choisissez le canal : courriel ou SMS.').nullable().default(null),
  })
  .superRefine(slotRule, whenValid(z.object({ start: slotFields.start, end: slotFields.end })))
  .superRefine((v, ctx) => {
    if (v.place === 'video' && !v.videoUrl)
      ctx.addIssue({ code: 'custom', path: ['videoUrl'], message: 'Indiquez le lien de la visioconférence.' })
  })
export type FirstInterviewInput = z.input<typeof firstInterviewSchema>

/** A drag in the calendar: new day and times, the version read. */
export const appointmentMoveSchema = z
  .object({
    date: slotFields.date,
    start: slotFields.start,
    end: slotFields.end,
    version: versionSchema,
    allowConflicts: z.boolean().default(false),
  })
  .superRefine(slotRule, whenValid(z.object({ start: slotFields.start, end: slotFields.end })))
export type AppointmentMove = z.input<typeof appointmentMoveSchema>

export const cancelSchema = z.object({ version: versionSchema })

export const attendanceInputSchema = z.object({
  attendance: z.enum(attendances.codes, 'Présence inconnue.'),
  version: versionSchema,
})

export const appointmentListQuery = z
  .object({
    from: calendarDate(),
    to: calendarDate(),
    counsellorId: id.optional(),
    siteId: id.optional(),
    roomId: id.optional(),
    includeCancelled: z.enum(['true', 'false']).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'La fin doit suivre le début.' })
    else if (Date.parse(v.to) - Date.parse(v.from) > 62 * 86_400_000)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'Au plus deux mois à la fois.' })
  })
export type AppointmentListQuery = z.infer<typeof appointmentListQuery>

export const appointmentPersonSchema = z.object({
  personId: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  attendance: z.enum(attendances.codes).nullable(),
  /** the accompaniment event recording the attendance */
  eventId: z.string().nullable(),
  /** reception's "arrivé(e)": the instant, and its wall time 'HH:MM' in the structure's zone */
  arrivedAt: z.string().nullable(),
  arrivedTime: z.string().nullable(),
  version: z.number().int(),
})
export const appointmentSchema = z.object({
  id: z.string(),
  kind: z.enum(appointmentKinds.codes),
  date: z.string(),
  start: z.string(),
  end: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.enum(places.codes),
  siteId: z.string(),
  siteName: z.string(),
  roomId: z.string().nullable(),
  roomName: z.string().nullable(),
  videoUrl: z.string().nullable(),
  counsellorId: z.string(),
  counsellorName: z.string(),
  /** the counsellors leading it with the counsellor (collective sessions), by name */
  coLeaders: z.array(z.object({ id: z.string(), name: z.string() })),
  title: z.string().nullable(),
  note: z.string().nullable(),
  capacity: z.number().int(),
  seriesId: z.string().nullable(),
  cancelled: z.boolean(),
  persons: z.array(appointmentPersonSchema),
  /** other appointments overlapping this one with the same counsellor, room or person */
  conflicts: z.array(z.object({ id: z.string(), reason: z.enum(['counsellor', 'room', 'person']) })),
  /** what the reader may do: book/move/cancel, take attendance */
  canEdit: z.boolean(),
  version: z.number().int(),
})
export type Appointment = z.infer<typeof appointmentSchema>
export const appointmentListSchema = z.array(appointmentSchema)

// Permanences (recurring slots) -----------------------------------------------------------------------------------
export const weekdays = list({ MO: 'lundi', TU: 'mardi', WE: 'mercredi', TH: 'jeudi', FR: 'vendredi', SA: 'samedi' })
export const MAX_OCCURRENCES = 120
export const seriesInputSchema = z
  .object({
    kind: kindSchema.default('permanence'),
    siteId: id,
    roomId: id.nullable().default(null),
    counsellorId: id.optional(),
    start: slotFields.start,
    end: slotFields.end,
    firstDay: requiredDate('Date au format AAAA-MM-JJ.', 'Date de début requise.'),
    lastDay: requiredDate('Date au format AAAA-MM-JJ.', 'Date de fin requise.'),
    /** every week or every other week, on these days */
    interval: z.number('Nombre entier.').int('Nombre entier.').min(1, 'Au moins 1.').max(4, 'Au plus 4.').default(1),
    days: z
      .array(z.enum(weekdays.codes, 'Jour inconnu.'))
      .min(1, 'Choisissez au moins un jour.')
      .max(6)
      .refine(distinct, 'Un jour figure deux fois.'),
    title: optionalText(200),
    capacity: z.number('Nombre entier.').int('Nombre entier.').min(1, 'Au moins 1.').max(MAX_GROUP).default(1),
  })
  .superRefine(slotRule, whenValid(z.object({ start: slotFields.start, end: slotFields.end })))
  .superRefine((v, ctx) => {
    if (v.lastDay < v.firstDay)
      ctx.addIssue({ code: 'custom', path: ['lastDay'], message: 'La fin doit suivre le début.' })
    else if (Date.parse(v.lastDay) - Date.parse(v.firstDay) > 366 * 86_400_000)
      ctx.addIssue({ code: 'custom', path: ['lastDay'], message: 'Au plus un an.' })
  })
export type SeriesInput = z.input<typeof seriesInputSchema>
export const seriesSchema = z.object({ id: z.string(), rule: z.string(), occurrences: z.number().int() })
