import type { z } from 'zod'
import type { contactInputSchema } from '../../../shared/agenda/messages.schema.ts'
import { ensureUpdated } from '../../db/versioning.ts'
import { loadVisiblePerson } from '../persons/person.policy.ts'
import { presentAppointments } from './appointments.present.ts'
import { listAppointments } from './appointments.repository.ts'
import type { AgendaCtx } from './appointments.service.ts'
import { findContact, messagesOf, saveContact } from './messages.repository.ts'
import { presentMessage } from './messages.service.ts'

/**
 * The person file's "Rendez-vous" tab: the person's appointments (past and future, cancelled ones included) the
 * reader may see, every message sent to the person, and their consent and channel.
 */
export async function personAgenda(ctx: AgendaCtx, personId: string) {
  const person = await loadVisiblePerson(ctx.tx, ctx.actor, personId, ctx.now)
  const rows = await listAppointments(ctx.tx, ctx.actor, {
    from: '1900-01-01',
    to: '2100-12-31',
    personId: person.id,
    includeCancelled: true,
  })
  const appointments = (await presentAppointments(ctx.tx, ctx.actor, rows)).reverse()
  const messages = (await messagesOf(ctx.tx, ctx.actor.structureId, person.id)).map(presentMessage)
  return { appointments, messages, contact: await contactOf(ctx, person) }
}

async function contactOf(ctx: AgendaCtx, person: { id: string; email: string | null; phone: string | null }) {
  const c = await findContact(ctx.tx, ctx.actor.structureId, person.id)
  return {
    consent: c?.consent ?? null,
    channel: c?.channel ?? null,
    recordedAt: c?.recorded_at.toISOString() ?? null,
    recordedByName: c?.recorded_by_name ?? null,
    hasEmail: !!person.email,
    hasPhone: !!person.phone,
    version: c?.version ?? 0,
  }
}

/** Records the person's consent to messages and preferred channel (version 0: first time). */
export async function recordContact(ctx: AgendaCtx, personId: string, input: z.output<typeof contactInputSchema>) {
  const person = await loadVisiblePerson(ctx.tx, ctx.actor, personId, ctx.now)
  await ensureUpdated(
    await saveContact(ctx.tx, ctx.actor.structureId, person.id, input.version, {
      consent: input.consent,
      channel: input.channel,
      recorded_at: ctx.now,
      recorded_by: ctx.actor.userId,
    }),
    async () => input.version === 0 || !!(await findContact(ctx.tx, ctx.actor.structureId, person.id)),
    'Ce consentement',
  )
  await ctx.audit({
    action: 'update',
    entity: 'agenda_contact',
    entityId: person.id,
    detail: { personId: person.id, consent: input.consent, channel: input.channel },
  })
  return contactOf(ctx, person)
}
