import { createHash, timingSafeEqual } from 'node:crypto'
import type { DeliveryStatus } from '../../../../shared/agenda/messages.schema.ts'
import { type BrevoSmsReport, deliveryOf } from '../../../../shared/agenda/sms-delivery.schema.ts'
import type { Deps, Tx } from '../../../deps.ts'
import { AppError } from '../../../errors.ts'
import { findSmsByReference, setDelivery } from '../messages.repository.ts'

// SMS delivery reports (docs/agenda.md, « Accusés de réception des SMS »): Brevo posts what became of each
// transactional SMS to a URL holding a secret of the configuration; the message keeps the last status reported.

/** on the way, then final: a late « sent » never hides a « delivered » that came first */
const rank = (s: DeliveryStatus | null) => (s === null ? 0 : s === 'sent' ? 1 : s === 'accepted' ? 2 : 3)

const digest = (s: string) => createHash('sha256').update(s).digest()

/** The URL's secret against the configuration's, in constant time; no secret configured: the route does not exist. */
export function checkSecret(config: Deps['config'], given: string) {
  const expected = config.sms.webhookSecret
  if (!expected) throw new AppError('not_found', 'Introuvable.')
  if (!timingSafeEqual(digest(given), digest(expected)))
    throw new AppError('unauthenticated', 'Adresse de notification invalide (secret).')
}

/**
 * Applies one report: the message is found by the provider's id (404 when unknown: a report for another
 * installation, or a message not yet committed — Brevo tries again); a status older than the one kept (a « sent »
 * after the « delivered », reports arriving out of order), or an event that says nothing of delivery (a reply, a
 * STOP), changes nothing.
 */
export async function recordSmsReport(tx: Tx, report: BrevoSmsReport, now: Date): Promise<{ recorded: boolean }> {
  const message = await findSmsByReference(tx, String(report.messageId))
  if (!message)
    throw new AppError('not_found', 'Message inconnu.', [
      { field: 'messageId', message: `Aucun SMS envoyé par Jalon n’a la référence ${report.messageId}.` },
    ])
  const status = deliveryOf[report.msg_status]
  if (!status) return { recorded: false }
  const at = report.ts_event ? new Date(report.ts_event * 1000) : now
  const newer = rank(status) > rank(message.delivery_status)
  const sameRankLater =
    rank(status) === rank(message.delivery_status) && (!message.delivery_at || at >= message.delivery_at)
  if (!newer && !sameRankLater) return { recorded: false }
  await setDelivery(tx, message, { delivery_status: status, delivery_at: at })
  return { recorded: true }
}
