import { z } from 'zod'
import type { DeliveryStatus } from './messages.schema.ts'

// Brevo's delivery report of a transactional SMS, as its webhook posts it (https://developers.brevo.com/docs/
// transactional-webhooks, « Transactional SMS »): `{ id, to, sms_count, credits_used, messageId, remaining_credit,
// msg_status, date, type, reference, tag, ts_event }`. Only what Jalon reads is declared (the rest is let through and
// ignored): the message's id at Brevo (the messageId its send answered, kept as the message's provider_ref), the status,
// and when. `date` is Brevo's local time (CET/CEST), `ts_event` seconds since 1970 in UTC.

/** Brevo's msg_status values (its list of SMS events) */
export const brevoSmsStatuses = [
  'sent',
  'accepted',
  'delivered',
  'replied',
  'soft_bounce',
  'hard_bounce',
  'subscribe',
  'unsubscribe',
  'skip',
  'blacklisted',
  'rejected',
] as const
export type BrevoSmsStatus = (typeof brevoSmsStatuses)[number]

/** What a report says of delivery; null: an event about something else (a reply, a STOP), recorded nowhere. */
export const deliveryOf: Record<BrevoSmsStatus, DeliveryStatus | null> = {
  sent: 'sent',
  accepted: 'accepted',
  delivered: 'delivered',
  soft_bounce: 'soft_bounce',
  hard_bounce: 'hard_bounce',
  skip: 'skipped',
  blacklisted: 'blacklisted',
  rejected: 'rejected',
  replied: null,
  subscribe: null,
  unsubscribe: null,
}

export const brevoSmsReportSchema = z.object({
  messageId: z.union(
    [z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER), z.string().regex(/^\d{1,30}$/)],
    'messageId : identifiant numérique du message chez Brevo.',
  ),
  msg_status: z.enum(brevoSmsStatuses, `msg_status : l’un de ${brevoSmsStatuses.join(', ')}.`),
  ts_event: z.number('ts_event : secondes depuis 1970 (UTC).').int().positive().max(32_503_680_000).optional(),
  to: z.string().max(32).optional(),
  tag: z.string().max(200).optional(),
})
export type BrevoSmsReport = z.infer<typeof brevoSmsReportSchema>

export const smsReportParams = z.object({ secret: z.string().min(1).max(200) })
export const smsReportResultSchema = z.object({
  /** false: a report about something else than delivery, or older than the one kept */
  recorded: z.boolean(),
})
