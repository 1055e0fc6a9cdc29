import { sql } from 'kysely'
import type { Tx } from '../../deps.ts'
import { enrolmentOpenOn } from '../accompaniment/index.ts'

// The counsellor's "recent changes": lines of the audit trail about the persons they follow, and their own mark.

/**
 * The person an audit line is about: the line's entity for the person itself (identity, statuses, dated attributes,
 * notes), else the `personId` of its detail (events, propositions, situations, enrolments, attendance, arrivals) —
 * the expression the audit trail's index by person is built on (audit/migrations/20261203T0900_audit_by_person.ts).
 */
const personOfLine = sql<string | null>`(CASE WHEN a.entity = 'person' THEN a.entity_id ELSE a.detail->>'personId' END)`

/** Lines that changed something (a read, an export, a duplicate check change nothing). */
const changed = sql<boolean>`(a.action IN ('create', 'update', 'delete', 'attendance', 'arrival', 'arrival.undo')
  OR a.action LIKE '%.create' OR a.action LIKE '%.update' OR a.action LIKE '%.delete')`

/** At most this many lines are read (the newest): a busy fortnight still answers at once. */
const MAX_LINES = 2000

/**
 * Lines by others since `since` about the persons the counsellor follows on `today` (referent, or referent of an
 * enrolment open that day: the caseload's two ways in), newest first, with the person's name.
 */
export async function changesOnFollowed(tx: Tx, structureId: string, userId: string, since: Date, today: string) {
  const { rows } = await sql<{
    person_id: string
    last_name: string
    first_name: string
    action: string
    entity: string
    at: Date
    actor_label: string
  }>`
    WITH followed AS (
      SELECT p.id FROM person p WHERE p.structure_id = ${structureId} AND p.referent_id = ${userId}
      UNION
      SELECT en.person_id FROM enrolment en
      WHERE en.structure_id = ${structureId} AND en.referent_id = ${userId} AND ${enrolmentOpenOn('en', today)}
    ), lines AS (
      SELECT ${personOfLine} AS person_id, a.action, a.entity, a.at, a.actor_label, a.id
      FROM audit_event a
      WHERE a.structure_id = ${structureId} AND a.at > ${since}
        AND a.actor_id IS DISTINCT FROM ${userId} AND ${changed}
        AND ${personOfLine} IN (SELECT id::text FROM followed)
      ORDER BY a.id DESC
      LIMIT ${MAX_LINES}
    )
    SELECT l.person_id, p.last_name, p.first_name, l.action, l.entity, l.at, l.actor_label
    FROM lines l JOIN person p ON p.structure_id = ${structureId} AND p.id::text = l.person_id
    ORDER BY l.id DESC`.execute(tx)
  return rows
}

export async function seenAt(tx: Tx, userId: string): Promise<Date | null> {
  const row = await tx
    .selectFrom('home_seen')
    .select('changes_seen_at')
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return row?.changes_seen_at ?? null
}

export async function markSeen(tx: Tx, structureId: string, userId: string, at: Date) {
  await tx
    .insertInto('home_seen')
    .values({ user_id: userId, structure_id: structureId, changes_seen_at: at })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ changes_seen_at: at }))
    .execute()
}
