import { type RawBuilder, type SqlBool, sql } from 'kysely'

/** A day: a 'yyyy-mm-dd' string, or an SQL expression of dates (see below). */
export type Day = string | RawBuilder<string>

/**
 * When an enrolment is open — the one definition, used by who sees a person (person.policy.ts), the caseload and the
 * report (reporting/sql.ts), so the three never disagree.
 *
 * Open on day D: entry_date ≤ D and (no exit_date, or exit_date ≥ D). Both ends are included: the entry day is the
 * first day in the programme and the exit day the last (an exit dated 31/12 still counts at 31/12, as the report's
 * "au 31/12" wants; an enrolment whose exit is set in the future stays open until that day has passed; one that starts
 * tomorrow is not open today).
 *
 * Open during [from, to]: open on at least one day of it, i.e. entry_date ≤ to and (no exit_date, or exit_date ≥ from).
 * On a single day (from = to) the two are the same rule.
 *
 * `alias` names the enrolment row in the query ('enrolment', 'en', 'e'…). Dates are 'yyyy-mm-dd' strings: "today" is
 * the organisation's day in France from the injected clock, never the database's — or an SQL expression of dates (a
 * column of days: the quality trend counts every month's last day in one query).
 */
export function enrolmentOpenDuring(alias: string, from: Day, to: Day): RawBuilder<SqlBool> {
  const entry = sql.ref(`${alias}.entry_date`)
  const exit = sql.ref(`${alias}.exit_date`)
  return sql<SqlBool>`(${entry} <= ${to}::date and (${exit} is null or ${exit} >= ${from}::date))`
}

/** Open on one day (see enrolmentOpenDuring). */
export const enrolmentOpenOn = (alias: string, day: Day): RawBuilder<SqlBool> => enrolmentOpenDuring(alias, day, day)
