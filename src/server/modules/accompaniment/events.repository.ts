import type { Event } from '../../../shared/accompaniment/accompaniment.schema.ts'
import type { Tx } from '../../deps.ts'
import type { PersonCreated } from '../module.ts'
import { findPersonRecord, updatePersonRecord } from './person-record.repository.ts'

export interface EventFilter {
  from?: string
  to?: string
  kind?: string
  page: number
  pageSize: number
}

export interface EventValues {
  kind: string
  date: string
  site_id: string | null
  counsellor_id: string | null
  duration_minutes: number | null
  attendance: 'present' | 'excused' | 'absent' | null
  note: string | null
}

function baseQuery(tx: Tx, personId: string) {
  return tx
    .selectFrom('event as e')
    .leftJoin('site as s', 's.id', 'e.site_id')
    .leftJoin('app_user as u', 'u.id', 'e.counsellor_id')
    .where('e.person_id', '=', personId)
    .select([
      'e.id',
      'e.person_id',
      'e.kind',
      'e.date',
      'e.site_id',
      's.name as site_name',
      'e.counsellor_id',
      'u.display_name as counsellor_name',
      'e.duration_minutes',
      'e.attendance',
      'e.note',
      'e.version',
    ])
}
type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>

const present =
  (today: string) =>
  (r: Row): Event => ({
    id: r.id,
    personId: r.person_id,
    kind: r.kind as Event['kind'],
    date: r.date,
    siteId: r.site_id,
    siteName: r.site_name,
    counsellorId: r.counsellor_id,
    counsellorName: r.counsellor_name,
    durationMinutes: r.duration_minutes,
    attendance: r.attendance,
    note: r.note,
    planned: r.date > today,
    version: r.version,
  })

/** A person's events, newest first. */
export async function listEvents(tx: Tx, personId: string, f: EventFilter, today: string) {
  let q = baseQuery(tx, personId)
  if (f.from) q = q.where('e.date', '>=', f.from)
  if (f.to) q = q.where('e.date', '<=', f.to)
  if (f.kind) q = q.where('e.kind', '=', f.kind)
  const { total } = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow()
  const rows = await q
    .orderBy('e.date', 'desc')
    .orderBy('e.created_at', 'desc')
    .orderBy('e.id')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute()
  return { total, page: f.page, pageSize: f.pageSize, items: rows.map(present(today)) }
}

export async function getEvent(tx: Tx, personId: string, id: string, today: string) {
  const row = await baseQuery(tx, personId).where('e.id', '=', id).executeTakeFirst()
  return row && present(today)(row)
}

export function findEventRow(tx: Tx, personId: string, id: string) {
  return findPersonRecord(tx, 'event', personId, id)
}

export async function insertEvent(tx: Tx, structureId: string, personId: string, v: EventValues) {
  const { id } = await tx
    .insertInto('event')
    .values({ structure_id: structureId, person_id: personId, ...v })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export function updateEvent(tx: Tx, personId: string, id: string, version: number, v: EventValues) {
  return updatePersonRecord(tx, 'event', personId, id, version, v)
}

export async function deleteEvent(tx: Tx, personId: string, id: string) {
  return tx
    .deleteFrom('event')
    .where('id', '=', id)
    .where('person_id', '=', personId)
    .returning(['id', 'kind', 'date'])
    .executeTakeFirst()
}

/**
 * A new person's first reception, as the first event of their follow-up: the accompaniment's reaction to the persons
 * module creating a file (its manifest's `on.personCreated`), in the same transaction.
 */
/** A new file's part in the accompaniment: its first reception, and its enrolment in the reception programme. */
export async function onPersonCreated(tx: Tx, created: PersonCreated) {
  await recordFirstReception(tx, created)
  if (created.programmeId)
    await tx
      .insertInto('enrolment')
      .values({
        structure_id: created.structureId,
        person_id: created.personId,
        programme_id: created.programmeId,
        external_id: null,
        entry_date: created.firstReception.date,
        exit_date: null,
        exit_reason: null,
        referent_id: created.referentId,
        created_at: created.now,
      })
      .execute()
}

export async function recordFirstReception(tx: Tx, created: PersonCreated) {
  await tx
    .insertInto('event')
    .values({
      structure_id: created.structureId,
      person_id: created.personId,
      kind: 'first_reception',
      date: created.firstReception.date,
      site_id: created.firstReception.siteId,
      counsellor_id: created.userId,
      created_at: created.now,
    })
    .execute()
}
