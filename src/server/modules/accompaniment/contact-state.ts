import { type RawBuilder, type SqlBool, sql } from 'kysely'
import { DEFAULT_CONTACT_DAYS } from '../../../shared/accompaniment/caseload.schema.ts'
import type { Tx } from '../../deps.ts'
import { enrolmentOpenOn } from './enrolment-open.ts'

// The contact rule, one definition for the caseload (caseload.repository.ts), the director's alerts by team and the
// person file's summary (index.ts): keep it free of imports of other modules (index.ts exports it).

/** A situation (a step) open on a day: no end date, or an end date that day or later. */
export const situationOpenOn = (alias: string, today: string) =>
  sql<SqlBool>`(${sql.ref(`${alias}.end_date`)} IS NULL OR ${sql.ref(`${alias}.end_date`)} >= ${today}::date)`

/**
 * Per person row `p`: the last contact (latest event up to today that the person attended, or whose attendance is not
 * recorded), the day the structure has known them (first reception, or first entry, or the day, in the structure's
 * time zone, the file was created), and the contact rule — the strictest of the open enrolments' programmes (their
 * rule "during a step" when a situation is open), none when no enrolment sets one.
 */
export const contactColumns = (today: string) => [
  sql<string | null>`(SELECT max(ev.date) FROM event ev WHERE ev.person_id = p.id AND ev.date <= ${today}::date
    AND (ev.attendance = 'present' OR ev.attendance IS NULL))`.as('last_contact'),
  sql<string>`coalesce(p.first_reception_date,
    (SELECT min(en.entry_date) FROM enrolment en WHERE en.person_id = p.id),
    (p.created_at AT TIME ZONE (SELECT st.time_zone FROM structure st WHERE st.id = p.structure_id))::date)`.as(
    'known_since',
  ),
  sql<number | null>`(
    SELECT min(CASE WHEN pr.contact_days_during_step IS NOT NULL AND EXISTS (
               SELECT 1 FROM situation s WHERE s.person_id = p.id AND ${situationOpenOn('s', today)})
             THEN pr.contact_days_during_step ELSE pr.contact_days END)
    FROM enrolment en JOIN programme pr ON pr.id = en.programme_id
    WHERE en.person_id = p.id AND ${enrolmentOpenOn('en', today)})`.as('rule_days'),
]

/** On a row `c` holding the contact columns: days since the last contact (or since known), the rule, the alert. */
export const daysSince = (today: string) => sql<number>`(${today}::date - coalesce(c.last_contact, c.known_since))`
export const contactDays = sql<number>`coalesce(c.rule_days, ${DEFAULT_CONTACT_DAYS})`
export const contactAlert = (today: string): RawBuilder<SqlBool> => sql<SqlBool>`${daysSince(today)} > ${contactDays}`

/** One person's contact state on `today` (the summary of the file), or undefined when the person is not there. */
export async function contactStateOf(tx: Tx, structureId: string, personId: string, today: string) {
  const inner = tx
    .selectFrom('person as p')
    .where('p.structure_id', '=', structureId)
    .where('p.id', '=', personId)
    .select(contactColumns(today))
  const row = await tx
    .selectFrom(inner.as('c'))
    .select([
      'c.last_contact',
      daysSince(today).as('days'),
      contactDays.as('rule_days'),
      contactAlert(today).as('alert'),
    ])
    .executeTakeFirst()
  return (
    row && {
      lastContact: row.last_contact,
      days: Number(row.days),
      ruleDays: Number(row.rule_days),
      alert: !!row.alert,
    }
  )
}

/**
 * Everyone followed in the structure on `today` — by their referent, and by the referent of each enrolment open that
 * day (the caseload's two ways in) — counted by the person's site and by who follows them, with those in alert; and
 * by site alone, each person once. The director's "alerts by team": each count opens as a caseload (counsellor, site,
 * alerts only) that lists the same persons.
 */
export async function alertsByTeam(tx: Tx, structureId: string, today: string) {
  const followed = sql`
    SELECT p.referent_id AS counsellor_id, p.id AS person_id
    FROM person p WHERE p.structure_id = ${structureId} AND p.referent_id IS NOT NULL
    UNION
    SELECT en.referent_id, en.person_id
    FROM enrolment en
    WHERE en.structure_id = ${structureId} AND en.referent_id IS NOT NULL AND ${enrolmentOpenOn('en', today)}`
  const state = sql`
    SELECT c.*, ${contactAlert(today)} AS alert FROM (
      SELECT p.id, p.site_id, ${sql.join(contactColumns(today).map((col) => sql`${col}`))}
      FROM person p
      WHERE p.structure_id = ${structureId} AND p.id IN (SELECT person_id FROM followed)
    ) c`
  const byCounsellor = await sql<{ site_id: string; counsellor_id: string; people: number; alerts: number }>`
    WITH followed AS (${followed}), state AS (${state})
    SELECT s.site_id, f.counsellor_id, count(*) AS people, count(*) FILTER (WHERE s.alert) AS alerts
    FROM followed f JOIN state s ON s.id = f.person_id
    GROUP BY s.site_id, f.counsellor_id`.execute(tx)
  const bySite = await sql<{ site_id: string; people: number; alerts: number }>`
    WITH followed AS (${followed}), state AS (${state})
    SELECT s.site_id, count(*) AS people, count(*) FILTER (WHERE s.alert) AS alerts
    FROM state s GROUP BY s.site_id`.execute(tx)
  const n = (v: unknown) => Number(v)
  return {
    byCounsellor: byCounsellor.rows.map((r) => ({ ...r, people: n(r.people), alerts: n(r.alerts) })),
    bySite: bySite.rows.map((r) => ({ ...r, people: n(r.people), alerts: n(r.alerts) })),
  }
}
