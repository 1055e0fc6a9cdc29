import { sql } from 'kysely'
import type { Tx } from '../../deps.ts'
import { enrolmentOpenOn } from '../accompaniment/index.ts'
import { cejEndColumn } from '../persons/list-filters.ts'

// The SQL of the person file's summary: what is open today, and the latest dated facts of the record.

export function openSituations(tx: Tx, structureId: string, personId: string, today: string) {
  return tx
    .selectFrom('situation')
    .select(['id', 'kind', 'start_date', 'planned_end_date', 'end_date'])
    .where('structure_id', '=', structureId)
    .where('person_id', '=', personId)
    .where('start_date', '<=', today)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', today)]))
    .orderBy('start_date', 'desc')
    .execute()
}

export function openEnrolments(tx: Tx, structureId: string, personId: string, today: string) {
  return tx
    .selectFrom('enrolment as en')
    .innerJoin('programme as pr', 'pr.id', 'en.programme_id')
    .leftJoin('app_user as u', 'u.id', 'en.referent_id')
    .select(['en.id', 'pr.code', 'pr.name', 'en.entry_date', 'u.display_name as referent_name'])
    .where('en.structure_id', '=', structureId)
    .where('en.person_id', '=', personId)
    .where(enrolmentOpenOn('en', today))
    .orderBy('en.entry_date', 'desc')
    .execute()
}

/** The earliest planned end of the person's open CEJ (the lists' own column), or null. */
export async function cejEndOf(tx: Tx, structureId: string, personId: string, today: string) {
  const row = await tx
    .selectFrom('person as p')
    .select(cejEndColumn('p', today).as('cej_end'))
    .where('p.structure_id', '=', structureId)
    .where('p.id', '=', personId)
    .executeTakeFirst()
  return row?.cej_end ?? null
}

export interface TimelineRow {
  id: string
  date: string
  kind: 'event' | 'situation_start' | 'situation_end' | 'enrolment_entry' | 'enrolment_exit'
  code: string
  attendance: 'present' | 'excused' | 'absent' | null
}

/**
 * The latest `limit` dated facts up to today: events (with their attendance), situations begun and ended, programme
 * entries and exits. Statuses and propositions are left out: some are sensitive (their reads are audited in their
 * own tabs), and none is needed to tell where the person stands.
 */
export async function timelineOf(tx: Tx, structureId: string, personId: string, today: string, limit: number) {
  const { rows } = await sql<TimelineRow & { at: Date }>`
    SELECT * FROM (
      SELECT ev.id::text AS id, ev.date::text AS date, 'event' AS kind, ev.kind AS code, ev.attendance, ev.created_at AS at
      FROM event ev WHERE ev.structure_id = ${structureId} AND ev.person_id = ${personId} AND ev.date <= ${today}::date
      UNION ALL
      SELECT s.id::text, s.start_date::text, 'situation_start', s.kind, NULL, s.created_at
      FROM situation s WHERE s.structure_id = ${structureId} AND s.person_id = ${personId} AND s.start_date <= ${today}::date
      UNION ALL
      SELECT s.id::text, s.end_date::text, 'situation_end', s.kind, NULL, s.created_at
      FROM situation s WHERE s.structure_id = ${structureId} AND s.person_id = ${personId} AND s.end_date <= ${today}::date
      UNION ALL
      SELECT en.id::text, en.entry_date::text, 'enrolment_entry', pr.name, NULL, en.created_at
      FROM enrolment en JOIN programme pr ON pr.id = en.programme_id
      WHERE en.structure_id = ${structureId} AND en.person_id = ${personId} AND en.entry_date <= ${today}::date
      UNION ALL
      SELECT en.id::text, en.exit_date::text, 'enrolment_exit', pr.name, NULL, en.created_at
      FROM enrolment en JOIN programme pr ON pr.id = en.programme_id
      WHERE en.structure_id = ${structureId} AND en.person_id = ${personId} AND en.exit_date <= ${today}::date
    ) t
    ORDER BY t.date DESC, t.at DESC
    LIMIT ${limit}`.execute(tx)
  return rows
}
