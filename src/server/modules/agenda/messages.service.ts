import { appointmentKinds } from '../../../shared/agenda/agenda.schema.ts'
import type { Channel, DeliveryStatus, Message } from '../../../shared/agenda/messages.schema.ts'
import { frenchDate } from '../../../shared/dates.ts'
import type { Deps, Tx } from '../../deps.ts'
import { AppError } from '../../errors.ts'
import { invitation } from './ics.ts'
import { findTemplate, insertMessage, type MessageContext, messageContext } from './messages.repository.ts'
import { smsProviderFor } from './sms/sms-for.ts'
import { defaultTemplates, render, type Values } from './templates.ts'
import { wallOf } from './wall-time.ts'

export type Purpose = 'convocation' | 'reminder'

/** Where the appointment takes place, in words (the {lieu} of the templates and the invitation's location). */
export function placeOf(c: Pick<MessageContext, 'place' | 'site_name' | 'site_address' | 'room_name' | 'video_url'>) {
  if (c.place === 'phone') return 'par téléphone (nous vous appelons)'
  if (c.place === 'video') return `en visioconférence : ${c.video_url}`
  const room = c.room_name ? `, salle ${c.room_name}` : ''
  return `${c.site_name}${room}${c.site_address ? `, ${c.site_address}` : ''}`
}

function valuesOf(c: MessageContext): Values {
  const start = wallOf(c.starts_at, c.time_zone)
  return {
    prenom: c.first_name,
    nom: c.last_name,
    date: frenchDate(start.date),
    heure: start.time.replace(':', 'h'),
    lieu: placeOf(c),
    conseiller: c.counsellor_name,
    structure: c.structure_name,
  }
}

/** Why no message can go to this person (no consent, no address for the channel), or null. */
function obstacle(c: MessageContext): string | null {
  if (c.consent !== true) return 'La personne n’a pas donné son accord pour recevoir des messages.'
  if (c.channel === 'email' && !c.email) return 'Aucune adresse électronique dans le dossier.'
  if (c.channel === 'sms' && !c.phone) return 'Aucun numéro de téléphone dans le dossier.'
  return null
}

interface Send {
  structureId: string
  appointmentId: string
  personId: string
  purpose: Purpose
  /** null: the reminder job */
  sentBy: string | null
  now: Date
}

/**
 * Sends one message about an appointment to one person, by their preferred channel and only with their consent, and
 * keeps it in the file (agenda_message), sent or failed. A mail carries the appointment as an .ics invitation.
 * `required`: an explicit send — a missing consent or address is an error (400); the reminder job skips quietly.
 */
export async function sendAppointmentMessage(
  tx: Tx,
  deps: Pick<Deps, 'mailer' | 'config'>,
  s: Send,
  required: boolean,
): Promise<{ id: string; status: 'sent' | 'failed'; error: string | null } | null> {
  const c = await messageContext(tx, s.structureId, s.appointmentId, s.personId)
  if (!c || c.cancelled_at) {
    if (required) throw new AppError('validation', 'Ce rendez-vous est annulé.')
    return null
  }
  const why = obstacle(c)
  if (why) {
    if (required) throw new AppError('validation', why, [{ field: 'personId', message: why }])
    return null
  }
  const channel = c.channel as Channel
  const key = `${s.purpose}_${channel}` as const
  const template = (await findTemplate(tx, s.structureId, key)) ?? defaultTemplates[key]
  const values = valuesOf(c)
  const subject = template.subject ? render(template.subject, values) : null
  const body = render(template.body, values)
  const recipient = channel === 'email' ? c.email! : c.phone!
  let status: 'sent' | 'failed' = 'sent'
  let error: string | null = null
  let reference: string | null = null
  try {
    if (channel === 'email') {
      const ics = invitation(
        {
          id: c.id,
          start: c.starts_at,
          end: c.ends_at,
          summary: `${appointmentKinds.labels[c.kind as keyof typeof appointmentKinds.labels]} — ${c.structure_name}`,
          location: placeOf(c),
        },
        { name: c.counsellor_name, email: c.counsellor_email },
      )
      await deps.mailer.send({
        to: recipient,
        subject: subject ?? 'Rendez-vous',
        text: body,
        attachments: [
          { filename: 'rendez-vous.ics', content: ics, contentType: 'text/calendar; charset=utf-8; method=REQUEST' },
        ],
      })
    } else {
      const provider = await smsProviderFor(deps.config as Deps['config'])
      if (!provider) throw new Error('SMS non configuré (SMS_BREVO_API_KEY).')
      reference = (await provider.send({ to: recipient, text: body, tag: `jalon-${s.purpose}` })).reference
    }
  } catch (e) {
    status = 'failed'
    error = (e as Error).message.slice(0, 500)
  }
  const id = await insertMessage(tx, {
    structure_id: s.structureId,
    person_id: s.personId,
    appointment_id: s.appointmentId,
    channel,
    purpose: s.purpose,
    recipient,
    subject,
    body,
    status,
    error,
    provider_ref: reference,
    sent_at: s.now,
    sent_by: s.sentBy,
  })
  return { id, status, error }
}

export const presentMessage = (m: {
  id: string
  appointment_id: string | null
  channel: Channel
  purpose: Purpose
  recipient: string
  subject: string | null
  body: string
  status: 'sent' | 'failed'
  error: string | null
  sent_at: Date
  sent_by_name: string | null
  delivery_status: DeliveryStatus | null
  delivery_at: Date | null
}): Message => ({
  id: m.id,
  appointmentId: m.appointment_id,
  channel: m.channel,
  purpose: m.purpose,
  recipient: m.recipient,
  subject: m.subject,
  body: m.body,
  status: m.status,
  error: m.error,
  sentAt: m.sent_at.toISOString(),
  sentByName: m.sent_by_name,
  delivery: m.delivery_status ? { status: m.delivery_status, at: m.delivery_at?.toISOString() ?? null } : null,
})
