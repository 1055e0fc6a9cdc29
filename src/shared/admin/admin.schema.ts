import { z } from 'zod'
import { roleSchema } from '../auth/roles.ts'
import { calendarDate, distinct, INT4_MAX, safeText, versionSchema } from '../primitives.ts'

export const idParams = z.object({ id: z.uuid('Identifiant invalide.') })

/** Lists: paginated, sortable, filterable. */
export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(INT4_MAX).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
})
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })

// Sites -------------------------------------------------------------------------------------------
export const siteKindSchema = z.enum(['antenna', 'desk'])
export const communeSchema = z.object({
  code: z.string().regex(/^[0-9AB]{5}$/, 'Code INSEE invalide.'),
  name: z.string(),
})
export const siteSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: siteKindSchema,
  address: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
  communes: z.array(communeSchema),
})
export type Site = z.infer<typeof siteSchema>
export const siteInputSchema = z.object({
  code: safeText().trim().min(1, 'Code requis.').max(20),
  name: safeText().trim().min(2, 'Nom requis.').max(120),
  kind: siteKindSchema,
  address: safeText().trim().max(300).nullable().default(null),
  active: z.boolean().default(true),
  /** INSEE codes of the communes the site serves, from the official list */
  communeCodes: z
    .array(z.string().regex(/^[0-9AB]{5}$/, 'Code INSEE invalide.'))
    .max(200)
    .refine(distinct, 'Chaque commune une seule fois.')
    .default([]),
})
export type SiteInput = z.input<typeof siteInputSchema>
export const siteUpdateSchema = siteInputSchema.extend({ version: versionSchema })

// Programmes --------------------------------------------------------------------------------------
/** 'service': a department that follows people (ML, PLIE) and scopes users; 'scheme': an enrolment (CIVIS, CEJ…) */
export const programmeKindSchema = z.enum(['service', 'scheme'], 'Type de programme inconnu.')
/**
 * What a programme IS, whatever its code: the report finds its populations by it (the Mission Locale population, the
 * CIVIS entries…), never by the editable code. Chosen at creation from this fixed list; it can change only while no
 * enrolment uses the programme (after that, changing it would change past figures).
 */
export const programmeTypes = ['mission_locale', 'plie', 'civis', 'cej', 'mentoring', 'other'] as const
export const programmeTypeSchema = z.enum(programmeTypes, {
  error: (issue) =>
    issue.input === undefined || issue.input === null
      ? 'Choisissez la nature du programme.'
      : 'Nature de programme inconnue.',
})
export type ProgrammeType = z.infer<typeof programmeTypeSchema>
export const programmeTypeLabels: Record<ProgrammeType, string> = {
  mission_locale: 'Mission Locale',
  plie: 'PLIE — parcours d’insertion',
  civis: 'CIVIS',
  cej: 'CEJ — Contrat d’engagement jeune',
  mentoring: 'Parrainage',
  other: 'Autre',
}
/** the caseload's contact rule: days without contact before an alert */
const contactDaysSchema = z
  .number()
  .int('Nombre entier de jours.')
  .min(1, 'Au moins 1 jour.')
  .max(730, 'Au plus 730 jours.')
  .nullable()
export const programmeSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  active: z.boolean(),
  kind: programmeKindSchema,
  type: programmeTypeSchema,
  /** an enrolment uses it: its type can no longer change */
  inUse: z.boolean(),
  contactDays: z.number().int().nullable(),
  contactDaysDuringStep: z.number().int().nullable(),
  version: z.number().int(),
})
export type Programme = z.infer<typeof programmeSchema>
export const programmeInputSchema = z.object({
  code: safeText()
    .trim()
    .regex(/^[A-Z0-9_]{2,20}$/, 'Code en majuscules, chiffres ou _ (2 à 20 caractères).'),
  name: safeText().trim().min(2, 'Nom requis.').max(120),
  active: z.boolean().default(true),
  kind: programmeKindSchema.default('service'),
  /** required at creation: the admin chooses it */
  type: programmeTypeSchema,
  /** no contact for more days than this raises the caseload alert (null: the default, 90 days) */
  contactDays: contactDaysSchema.default(null),
  /** the same while the person is in a step (an open situation); null: contactDays applies */
  contactDaysDuringStep: contactDaysSchema.default(null),
})
/** On update, an omitted kind, type or contact rule stays as it is. */
export const programmeUpdateSchema = programmeInputSchema.extend({
  kind: programmeKindSchema.optional(),
  type: programmeTypeSchema.optional(),
  contactDays: contactDaysSchema.optional(),
  contactDaysDuringStep: contactDaysSchema.optional(),
  version: versionSchema,
})

// Users -------------------------------------------------------------------------------------------
export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  active: z.boolean(),
  totpEnabled: z.boolean(),
  siteIds: z.array(z.string()),
  programmeIds: z.array(z.string()),
  createdAt: z.string(),
  version: z.number().int(),
  /** the account has never had a password: its invitation link is valid until then (in the past: expired) */
  invitationExpiresAt: z.string().nullable(),
})
export type User = z.infer<typeof userSchema>
export const userListQuery = pageQuery.extend({
  q: safeText().trim().max(100).optional(),
  role: roleSchema.optional(),
  active: z.enum(['true', 'false']).optional(),
  sort: z.enum(['displayName', 'email', 'role', 'createdAt']).default('displayName'),
  order: z.enum(['asc', 'desc']).default('asc'),
})
export const userCreateSchema = z.object({
  email: z.string().trim().toLowerCase().email('Adresse e-mail invalide.'),
  displayName: safeText().trim().min(2, 'Nom requis.').max(120),
  role: roleSchema,
  /** never chosen by the administrator: the new user receives a one-time link by mail and chooses it */
  password: z
    .undefined('L’utilisateur choisira lui-même son mot de passe : il reçoit pour cela un lien par courriel.')
    .optional(),
  siteIds: z.array(z.uuid()).min(1, 'Au moins un site.'),
  programmeIds: z.array(z.uuid()).default([]),
})
export type UserCreate = z.input<typeof userCreateSchema>
export const userUpdateSchema = z.object({
  displayName: safeText().trim().min(2, 'Nom requis.').max(120),
  role: roleSchema,
  active: z.boolean(),
  siteIds: z.array(z.uuid()).min(1, 'Au moins un site.'),
  programmeIds: z.array(z.uuid()),
  version: versionSchema,
})
/** A reset sends the user a one-time link: the administrator learns where it went and until when, never a password. */
export const passwordResetResultSchema = z.object({
  sentTo: z.string(),
  expiresAt: z.string(),
  /** false when no SMTP server is configured: the mail went to the server's log */
  mailed: z.boolean(),
})
/** A created account and its invitation (where it went, until when): no password, no link. */
export const userCreatedSchema = userSchema.extend({ invitation: passwordResetResultSchema })

// Audit -------------------------------------------------------------------------------------------
export const auditEventSchema = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  detail: z.unknown(),
  ip: z.string().nullable(),
  /** the person the line is about (their file, or one of their records), if any */
  personId: z.string().nullable(),
  /** "MARTIN Jean", for readers who may see every person of the structure (personAudit); null otherwise */
  personName: z.string().nullable(),
})
export type AuditEvent = z.infer<typeof auditEventSchema>
export const auditQuery = pageQuery.extend({
  actorId: z.uuid().optional(),
  action: safeText().trim().max(60).optional(),
  entity: safeText().trim().max(60).optional(),
  entityId: safeText().trim().max(60).optional(),
  from: calendarDate().optional(),
  to: calendarDate().optional(),
})

// Communes (official list) --------------------------------------------------------------------------
export const communeSearchQuery = z.object({ q: safeText().trim().min(2).max(60) })
