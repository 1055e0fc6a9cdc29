import { z } from 'zod'
import { calendarDate, int4, safeText, versionSchema } from '../primitives.ts'
import { NSF_CODE, nsfLabel } from './nsf.ts'
import { sessionStatuses, trainingFunders, trainingLevels, trainingSituationKinds } from './training.nomenclature.ts'

// The training catalogue (issue 13, docs/training/catalogue.md): training bodies, their actions and the
// actions' sessions with their information session. Inputs are what the forms and the API take; outputs what they
// return (places left computed from the prescriptions that hold a place).

const id = z.uuid('Identifiant invalide.')
export const bodyParams = z.object({ id })
export const actionParams = z.object({ id })
export const sessionParams = z.object({ id })

const text = (max: number) => safeText('Texte attendu.').trim().max(max, `${max} caractères au plus.`)
const optionalText = (max: number) =>
  text(max)
    .nullable()
    .default(null)
    .transform((v) => v || null)
const required = (max: number, message: string) => text(max).min(1, message)

export const siretSchema = safeText('SIRET attendu.')
  .trim()
  .regex(/^[0-9]{14}$/, 'Le SIRET compte 14 chiffres.')
export const nsfCodeSchema = safeText('Code NSF attendu.')
  .trim()
  .refine(
    (c) => NSF_CODE.test(c) && nsfLabel(c) !== null,
    'Code NSF inconnu (trois chiffres, une lettre possible : 311m).',
  )
export const formacodeSchema = safeText('Formacode attendu.')
  .trim()
  .regex(/^[0-9]{5}$/, 'Le Formacode compte 5 chiffres.')
const communeCode = safeText('Code commune attendu.')
  .trim()
  .regex(/^[0-9][0-9AB][0-9]{3}$/, 'Code INSEE de commune à 5 caractères.')

export const bodyInput = z.object({
  name: required(200, 'Nom de l’organisme requis.'),
  siret: siretSchema.nullable().default(null),
  address: optionalText(300),
  communeCode: communeCode.nullable().default(null),
  contactName: optionalText(200),
  contactEmail: z.email('Adresse électronique invalide.').max(254).nullable().default(null),
  contactPhone: optionalText(30),
  active: z.boolean().default(true),
})
export type BodyInput = z.output<typeof bodyInput>
export const bodyUpdate = bodyInput.extend({ version: versionSchema })

export const bodySchema = z.object({
  id,
  name: z.string(),
  siret: z.string().nullable(),
  address: z.string().nullable(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  active: z.boolean(),
  actions: z.number(),
  /** the partner accounts bound to the body */
  users: z.array(z.object({ id, displayName: z.string(), email: z.string() })),
  version: z.number(),
})
export type TrainingBody = z.infer<typeof bodySchema>
/** bind (or unbind) a partner account to a body */
export const bodyUserInput = z.object({ userId: id })

export const actionInput = z.object({
  bodyId: id,
  code: optionalText(50),
  title: required(300, 'Intitulé de l’action requis.'),
  funder: z.enum(trainingFunders.codes, 'Financeur inconnu.'),
  nsfCode: nsfCodeSchema.nullable().default(null),
  formacode: formacodeSchema.nullable().default(null),
  situationKind: z.enum(trainingSituationKinds.codes, 'Type de formation inconnu.').default('qualifying_training'),
  level2019: z.coerce
    .number()
    .int()
    .refine((n) => trainingLevels.codes.includes(String(n) as never), 'Niveau inconnu (1 à 8).')
    .nullable()
    .default(null),
  public: optionalText(1000),
  prerequisites: optionalText(2000),
  objective: optionalText(4000),
  durationHours: int4().max(10_000, '10 000 heures au plus.').nullable().default(null),
  places: int4().max(10_000, '10 000 places au plus.').nullable().default(null),
  active: z.boolean().default(true),
})
export type ActionInput = z.output<typeof actionInput>
export const actionUpdate = actionInput.extend({ version: versionSchema })

export const actionSchema = z.object({
  id,
  bodyId: id,
  bodyName: z.string(),
  code: z.string().nullable(),
  title: z.string(),
  funder: z.enum(trainingFunders.codes),
  nsfCode: z.string().nullable(),
  nsfLabel: z.string().nullable(),
  formacode: z.string().nullable(),
  situationKind: z.enum(trainingSituationKinds.codes),
  level2019: z.number().nullable(),
  public: z.string().nullable(),
  prerequisites: z.string().nullable(),
  objective: z.string().nullable(),
  durationHours: z.number().nullable(),
  places: z.number().nullable(),
  active: z.boolean(),
  sessions: z.number(),
  version: z.number(),
})
export type TrainingAction = z.infer<typeof actionSchema>

export const sessionInput = z
  .object({
    actionId: id,
    startsOn: calendarDate('Date de début requise (AAAA-MM-JJ).'),
    endsOn: calendarDate().nullable().default(null),
    place: optionalText(300),
    communeCode: communeCode.nullable().default(null),
    places: int4().max(10_000, '10 000 places au plus.'),
    /** the information session (RIC), an instant (ISO 8601 with offset) */
    infoSessionAt: z.iso.datetime({ offset: true, message: 'Date et heure attendues.' }).nullable().default(null),
    infoSessionPlace: optionalText(300),
    applicationsCloseOn: calendarDate().nullable().default(null),
    status: z.enum(sessionStatuses.codes, 'Statut inconnu.').default('open'),
  })
  .refine((s) => !s.endsOn || s.endsOn >= s.startsOn, { path: ['endsOn'], message: 'La fin précède le début.' })
export type SessionInput = z.output<typeof sessionInput>
export const sessionUpdate = sessionInput.and(z.object({ version: versionSchema }))

export const sessionSchema = z.object({
  id,
  actionId: id,
  actionTitle: z.string(),
  actionCode: z.string().nullable(),
  funder: z.enum(trainingFunders.codes),
  nsfCode: z.string().nullable(),
  nsfLabel: z.string().nullable(),
  bodyId: id,
  bodyName: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  place: z.string().nullable(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  places: z.number(),
  /** places held by an accepted or entered prescription */
  placesTaken: z.number(),
  placesLeft: z.number(),
  /** prescriptions waiting for an answer (submitted, more info, validated, waiting list) */
  pending: z.number(),
  infoSessionAt: z.string().nullable(),
  infoSessionPlace: z.string().nullable(),
  applicationsCloseOn: z.string().nullable(),
  status: z.enum(sessionStatuses.codes),
  version: z.number(),
})
export type TrainingSession = z.infer<typeof sessionSchema>

/** the counsellor's search for a session (the prescription form) and the catalogue's lists */
export const sessionSearchQuery = z.object({
  q: text(100).optional(),
  nsf: safeText().trim().max(4).optional(),
  funder: z.enum(trainingFunders.codes).optional(),
  communeCode: communeCode.optional(),
  bodyId: id.optional(),
  actionId: id.optional(),
  from: calendarDate().optional(),
  to: calendarDate().optional(),
  withPlacesLeft: z.enum(['true', 'false']).optional(),
  status: z.enum(sessionStatuses.codes).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
})
export const sessionListSchema = z.array(sessionSchema)
export const actionListQuery = z.object({
  bodyId: id.optional(),
  funder: z.enum(trainingFunders.codes).optional(),
  active: z.enum(['true', 'false']).optional(),
})
