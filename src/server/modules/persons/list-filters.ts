import { type RawBuilder, type SqlBool, sql } from 'kysely'
import { AGE_OUT, CEJ_MONTHS, type ListFilters } from '../../../shared/lists/list.schema.ts'
import { enrolmentOpenOn } from '../accompaniment/index.ts'

/**
 * The filters every list of persons shares (shared/lists/list.schema.ts), as one SQL condition on the person row named
 * `alias` ('person', 'p'…): the caseload, the person search and its export, the people behind an indicator's cell.
 * "Today" is the organisation's day (the injected clock), never the database's.
 */
export function listFilterSql(alias: string, f: ListFilters, today: string): RawBuilder<SqlBool> {
  const col = (c: string) => sql.ref(`${alias}.${c}`)
  const parts: RawBuilder<SqlBool>[] = []
  if (f.siteId) parts.push(sql<SqlBool>`${col('site_id')} = ${f.siteId}`)
  if (f.programmeId)
    parts.push(sql<SqlBool>`EXISTS (SELECT 1 FROM enrolment lf_en WHERE lf_en.structure_id = ${col('structure_id')}
      AND lf_en.person_id = ${col('id')} AND lf_en.programme_id = ${f.programmeId} AND ${enrolmentOpenOn('lf_en', today)})`)
  // 26 on day D ⇔ born on or before D minus 26 years (the age() rule: born 29/02, 26 on 01/03 of a common year)
  if (f.ageOutBefore)
    parts.push(
      sql<SqlBool>`${col('birth_date')} <= (${f.ageOutBefore}::date - make_interval(years => ${sql.lit(AGE_OUT)}))::date`,
    )
  if (f.cejEndBefore)
    parts.push(
      sql<SqlBool>`EXISTS (${cejEnrolments(alias, today)} AND ${cejPlannedEndSql('lf_cej')} <= ${f.cejEndBefore}::date)`,
    )
  return parts.length ? sql<SqlBool>`(${sql.join(parts, sql` AND `)})` : sql<SqlBool>`true`
}

/**
 * The planned end of the CEJ enrolment `alias`: the one recorded (an extended or shortened CEJ), else computed from
 * its entry (list.schema.ts cejPlannedEnd, the same day in SQL).
 */
export const cejPlannedEndSql = (alias: string) =>
  sql<string>`coalesce(${sql.ref(`${alias}.planned_end_date`)}, (${sql.ref(`${alias}.entry_date`)} + make_interval(months => ${sql.lit(CEJ_MONTHS)}))::date - 1)`

/** The person's CEJ enrolments open today, as `lf_cej` (a programme of type cej, whatever its code). */
const cejEnrolments = (alias: string, today: string) => sql`SELECT 1 FROM enrolment lf_cej
  JOIN programme lf_pg ON lf_pg.id = lf_cej.programme_id
  WHERE lf_cej.structure_id = ${sql.ref(`${alias}.structure_id`)} AND lf_cej.person_id = ${sql.ref(`${alias}.id`)}
    AND lf_pg.type = 'cej' AND ${enrolmentOpenOn('lf_cej', today)}`

/** The earliest planned end of the person's open CEJ enrolments (a column for lists and exports). */
export const cejEndColumn = (alias: string, today: string) =>
  sql<string | null>`(SELECT min(${cejPlannedEndSql('lf_cej')}) FROM enrolment lf_cej
    JOIN programme lf_pg ON lf_pg.id = lf_cej.programme_id
    WHERE lf_cej.structure_id = ${sql.ref(`${alias}.structure_id`)} AND lf_cej.person_id = ${sql.ref(`${alias}.id`)}
      AND lf_pg.type = 'cej' AND ${enrolmentOpenOn('lf_cej', today)})`
