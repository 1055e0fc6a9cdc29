import { z } from 'zod'
import { safeText, versionSchema } from '../primitives.ts'

// Contracts of what the agenda sends and keeps: the person's consent and preferred channel, the messages sent
// (convocations and reminders, by e-mail or SMS), the structure's editable templates, rooms and the private iCal feed.

export const channels = { codes: ['email', 'sms'] as const, labels: { email: 'Courriel', sms: 'SMS' } }
export type Channel = (typeof channels.codes)[number]
export const purposes = {
  codes: ['convocation', 'reminder'] as const,
  labels: { convocation: 'Convocation', reminder: 'Rappel' },
}

export const contactSchema = z.object({
  /** null: never asked */
  consent: z.boolean().nullable(),
  channel: z.enum(channels.codes).nullable(),
  recordedAt: z.string().nullable(),
  recordedByName: z.string().nullable(),
  /** what the file holds to reach the person */
  hasEmail: z.boolean(),
  hasPhone: z.boolean(),
  /** 0 when never recorded */
  version: z.number().int(),
})
export type Contact = z.infer<typeof contactSchema>
export const contactInputSchema = z.object({
  consent: z.boolean('Indiquez si la personne accepte les messages.'),
  channel: z.enum(channels.codes, 'Choisissez le canal : courriel ou SMS.'),
  /** the version read; 0 when nothing was recorded yet */
  version: z.number('Version requise.').int('Version invalide.').min(0).max(2_147_483_646),
})

/**
 * What the SMS provider reported of a message's delivery (Brevo's webhook, docs/agenda.md): the last report kept.
 * « sent » and « accepted » are on the way; the others are final.
 */
export const deliveryStatuses = {
  codes: ['sent', 'accepted', 'delivered', 'soft_bounce', 'hard_bounce', 'rejected', 'blacklisted', 'skipped'] as const,
  labels: {
    sent: 'Transmis à l’opérateur',
    accepted: 'Accepté par l’opérateur',
    delivered: 'Reçu',
    soft_bounce: 'Non remis (téléphone injoignable)',
    hard_bounce: 'Non remis (numéro invalide)',
    rejected: 'Refusé par l’opérateur',
    blacklisted: 'Non remis (numéro bloqué)',
    skipped: 'Non envoyé par le fournisseur',
  },
}
export type DeliveryStatus = (typeof deliveryStatuses.codes)[number]

export const messageSchema = z.object({
  id: z.string(),
  appointmentId: z.string().nullable(),
  channel: z.enum(channels.codes),
  purpose: z.enum(purposes.codes),
  recipient: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  status: z.enum(['sent', 'failed']),
  error: z.string().nullable(),
  sentAt: z.string(),
  sentByName: z.string().nullable(),
  /** an SMS: what the provider last reported of its delivery, and when (null: nothing yet) */
  delivery: z.object({ status: z.enum(deliveryStatuses.codes), at: z.string().nullable() }).nullable(),
})
export type Message = z.infer<typeof messageSchema>

export const templateKeys = ['convocation_email', 'reminder_email', 'convocation_sms', 'reminder_sms'] as const
export type TemplateKey = (typeof templateKeys)[number]
export const templateLabels: Record<TemplateKey, string> = {
  convocation_email: 'Convocation par courriel',
  reminder_email: 'Rappel par courriel (la veille)',
  convocation_sms: 'Convocation par SMS',
  reminder_sms: 'Rappel par SMS (la veille)',
}
/** the placeholders a template may use, replaced when a message is sent */
export const placeholders = {
  prenom: 'prénom de la personne',
  nom: 'nom de la personne',
  date: 'date du rendez-vous (jj/mm/aaaa)',
  heure: 'heure de début (hh:mm)',
  lieu: 'lieu (site et salle, téléphone ou lien de visioconférence)',
  conseiller: 'nom du conseiller',
  structure: 'nom de la structure',
} as const
const known = new Set(Object.keys(placeholders))
const unknownPlaceholder = (text: string) => [...text.matchAll(/\{([^{}]*)\}/g)].find((m) => !known.has(m[1]!))?.[0]

const templateText = (max: number, missing: string) =>
  safeText()
    .trim()
    .min(1, missing)
    .max(max, `Au plus ${max} caractères.`)
    .superRefine((v, ctx) => {
      const wrong = unknownPlaceholder(v)
      if (wrong) ctx.addIssue({ code: 'custom', message: `Champ inconnu : ${wrong}.` })
    })
export const templateKeyParams = z.object({ key: z.enum(templateKeys, 'Modèle inconnu.') })
export const templateSchema = z.object({
  key: z.enum(templateKeys),
  subject: z.string().nullable(),
  body: z.string(),
  /** false: the French default, never edited */
  custom: z.boolean(),
  /** 0 while it is the default */
  version: z.number().int(),
})
export type Template = z.infer<typeof templateSchema>
export const templateInputSchema = z.object({
  subject: templateText(200, 'Objet requis.').nullable().default(null),
  body: templateText(2000, 'Texte requis.'),
  version: z.number('Version requise.').int('Version invalide.').min(0).max(2_147_483_646),
})

export const roomSchema = z.object({
  id: z.string(),
  siteId: z.string(),
  siteName: z.string(),
  name: z.string(),
  capacity: z.number().int().nullable(),
  active: z.boolean(),
  version: z.number().int(),
})
export type Room = z.infer<typeof roomSchema>
export const roomInputSchema = z.object({
  siteId: z.uuid('Choisissez le site.'),
  name: safeText('Nom requis.').trim().min(1, 'Nom requis.').max(100, 'Au plus 100 caractères.'),
  capacity: z.number('Nombre entier.').int('Nombre entier.').min(1, 'Au moins 1.').max(500).nullable().default(null),
  active: z.boolean().default(true),
})
export type RoomInput = z.input<typeof roomInputSchema>
export const roomUpdateSchema = roomInputSchema.extend({ version: versionSchema })

export const feedStateSchema = z.object({ active: z.boolean(), createdAt: z.string().nullable() })
/** the URL is shown once, when made: only its hash is kept */
export const feedCreatedSchema = z.object({ url: z.string(), createdAt: z.string() })
export const feedParams = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}\.ics$/, 'Lien invalide.'),
})
