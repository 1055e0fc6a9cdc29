import type { Insertable } from 'kysely'
import type { TemplateKey } from '../../../shared/agenda/messages.schema.ts'
import type { Tx } from '../../deps.ts'
import type { AgendaMessageTable, DeliveryStatus } from './agenda.tables.ts'

// The SQL of messages, consent and templates.

/** What a message about one person's appointment needs, in one read. */
export function messageContext(tx: Tx, structureId: string, appointmentId: string, personId: string) {
  return tx
    .selectFrom('appointment as a')
    .innerJoin('structure as st', 'st.id', 'a.structure_id')
    .innerJoin('site as s', 's.id', 'a.site_id')
    .innerJoin('app_user as u', 'u.id', 'a.counsellor_id')
    .leftJoin('agenda_room as r', (j) =>
      j.onRef('r.structure_id', '=', 'a.structure_id').onRef('r.id', '=', 'a.room_id'),
    )
    .innerJoin('appointment_person as ap', (j) =>
      j.onRef('ap.structure_id', '=', 'a.structure_id').onRef('ap.appointment_id', '=', 'a.id'),
    )
    .innerJoin('person as p', 'p.id', 'ap.person_id')
    .leftJoin('agenda_contact as c', (j) =>
      j.onRef('c.structure_id', '=', 'ap.structure_id').onRef('c.person_id', '=', 'ap.person_id'),
    )
    .where('a.structure_id', '=', structureId)
    .where('a.id', '=', appointmentId)
    .where('ap.person_id', '=', personId)
    .select([
      'a.id',
      'a.kind',
      'a.starts_at',
      'a.ends_at',
      'a.place',
      'a.video_url',
      'a.cancelled_at',
      'st.name as structure_name',
      'st.time_zone',
      's.name as site_name',
      's.address as site_address',
      'r.name as room_name',
      'u.display_name as counsellor_name',
      'u.email as counsellor_email',
      'p.id as person_id',
      'p.first_name',
      'p.last_name',
      'p.email',
      'p.phone',
      'c.consent',
      'c.channel',
    ])
    .executeTakeFirst()
}
export type MessageContext = NonNullable<Awaited<ReturnType<typeof messageContext>>>

export function findTemplate(tx: Tx, structureId: string, key: TemplateKey) {
  return tx
    .selectFrom('agenda_template')
    .selectAll()
    .where('structure_id', '=', structureId)
    .where('key', '=', key)
    .executeTakeFirst()
}

export function listTemplates(tx: Tx, structureId: string) {
  return tx.selectFrom('agenda_template').selectAll().where('structure_id', '=', structureId).execute()
}

export async function saveTemplate(
  tx: Tx,
  structureId: string,
  key: TemplateKey,
  version: number,
  values: { subject: string | null; body: string; updated_at: Date; updated_by: string },
) {
  if (version === 0)
    return tx
      .insertInto('agenda_template')
      .values({ structure_id: structureId, key, ...values })
      .onConflict((oc) => oc.doNothing())
      .returning('version')
      .executeTakeFirst()
  return tx
    .updateTable('agenda_template')
    .set({ ...values, version: version + 1 })
    .where('structure_id', '=', structureId)
    .where('key', '=', key)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst()
}

export async function insertMessage(tx: Tx, row: Insertable<AgendaMessageTable>) {
  const { id } = await tx.insertInto('agenda_message').values(row).returning('id').executeTakeFirstOrThrow()
  return id
}

export function messagesOf(tx: Tx, structureId: string, personId: string) {
  return tx
    .selectFrom('agenda_message as m')
    .leftJoin('app_user as u', 'u.id', 'm.sent_by')
    .where('m.structure_id', '=', structureId)
    .where('m.person_id', '=', personId)
    .selectAll('m')
    .select('u.display_name as sent_by_name')
    .orderBy('m.sent_at', 'desc')
    .limit(500)
    .execute()
}

export function findContact(tx: Tx, structureId: string, personId: string) {
  return tx
    .selectFrom('agenda_contact as c')
    .leftJoin('app_user as u', 'u.id', 'c.recorded_by')
    .where('c.structure_id', '=', structureId)
    .where('c.person_id', '=', personId)
    .selectAll('c')
    .select('u.display_name as recorded_by_name')
    .executeTakeFirst()
}

export async function saveContact(
  tx: Tx,
  structureId: string,
  personId: string,
  version: number,
  values: { consent: boolean; channel: 'email' | 'sms'; recorded_at: Date; recorded_by: string },
) {
  if (version === 0)
    return tx
      .insertInto('agenda_contact')
      .values({ structure_id: structureId, person_id: personId, ...values })
      .onConflict((oc) => oc.doNothing())
      .returning('version')
      .executeTakeFirst()
  return tx
    .updateTable('agenda_contact')
    .set({ ...values, version: version + 1 })
    .where('structure_id', '=', structureId)
    .where('person_id', '=', personId)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst()
}

/**
 * The SMS a provider's report names by its reference, locked for the update (two reports of one message at once
 * apply one after the other). By reference alone: the provider does not know the structure (an index on it).
 */
export function findSmsByReference(tx: Tx, reference: string) {
  return tx
    .selectFrom('agenda_message')
    .select(['structure_id', 'id', 'person_id', 'delivery_status', 'delivery_at'])
    .where('provider_ref', '=', reference)
    .where('channel', '=', 'sms')
    .forUpdate()
    .executeTakeFirst()
}

export async function setDelivery(
  tx: Tx,
  m: { structure_id: string; id: string },
  delivery: { delivery_status: DeliveryStatus; delivery_at: Date },
) {
  await tx
    .updateTable('agenda_message')
    .set(delivery)
    .where('structure_id', '=', m.structure_id)
    .where('id', '=', m.id)
    .execute()
}
