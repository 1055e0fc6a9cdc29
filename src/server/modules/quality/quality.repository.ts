import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely'
import type { QualityRuleId } from '../../../shared/quality/quality.schema.ts'
import type { Database } from '../../db/schema.ts'
import type { Tx } from '../../deps.ts'
import type { Day } from '../accompaniment/index.ts'
import { activeOn, type QualityRuleDeclaration, qualityRules } from './quality.rules.ts'

/** Which files: the structure, the persons the reader may see (none: all of the structure), a site, a counsellor. */
export interface QualityScope {
  structureId: string
  visible?: (eb: ExpressionBuilder<Database, 'person'>) => Expression<SqlBool>
  siteId?: string
  counsellorId?: string
}

export type RuleCounts = Record<QualityRuleId, number>

/** The files in activity on the day within the scope. */
function activeFiles(tx: Tx, scope: QualityScope, day: string) {
  let q = tx.selectFrom('person').where('person.structure_id', '=', scope.structureId)
  if (scope.visible) q = q.where(scope.visible)
  if (scope.siteId) q = q.where('person.site_id', '=', scope.siteId)
  if (scope.counsellorId) q = q.where('person.referent_id', '=', scope.counsellorId)
  return q.where(activeOn(day))
}

const ruleCounts = (day: Day) => qualityRules.map((r) => sql<number>`count(*) FILTER (WHERE ${r.breaks(day)})`.as(r.id))

const countsOf = (row: Record<string, unknown>): RuleCounts =>
  Object.fromEntries(qualityRules.map((r) => [r.id, Number(row[r.id] ?? 0)])) as RuleCounts

/**
 * The files breaking each rule on the day, in one pass over the files in activity (GROUPING SETS): for the whole
 * scope, by site, and by counsellor (the person's referent; null: nobody).
 */
export async function countByGroups(tx: Tx, scope: QualityScope, day: string) {
  const rows = await activeFiles(tx, scope, day)
    .select([
      sql<number>`grouping(person.site_id, person.referent_id)`.as('g'),
      'person.site_id',
      'person.referent_id',
      sql<number>`count(*)`.as('files'),
      ...ruleCounts(day),
    ])
    .groupBy(sql`GROUPING SETS ((person.site_id), (person.referent_id), ())`)
    .execute()
  const all = rows.find((r) => Number(r.g) === 3)
  return {
    files: Number(all?.files ?? 0),
    counts: countsOf(all ?? {}),
    bySite: rows
      .filter((r) => Number(r.g) === 1)
      .map((r) => ({ id: r.site_id, files: Number(r.files), counts: countsOf(r) })),
    byCounsellor: rows
      .filter((r) => Number(r.g) === 2)
      .map((r) => ({ id: r.referent_id, files: Number(r.files), counts: countsOf(r) })),
  }
}

/**
 * The counts of the whole scope on each of the days (the trend: each month's last day), in one query: the days are a
 * column (`d.day`) crossed with the persons, and every rule reads its day from it. One statement instead of one per
 * month (docs/performance.md, "Quality trend").
 */
export async function countOnDays(tx: Tx, scope: QualityScope, days: string[]) {
  if (!days.length) return []
  const day = sql<string>`d.day`
  let q = tx
    .with('d', (db) =>
      db.selectNoFrom(sql<string>`unnest(ARRAY[${sql.join(days.map((d) => sql`${d}::date`))}])`.as('day')),
    )
    .selectFrom(['d', 'person'])
    .where('person.structure_id', '=', scope.structureId)
  if (scope.visible) q = q.where(scope.visible as never)
  if (scope.siteId) q = q.where('person.site_id', '=', scope.siteId)
  if (scope.counsellorId) q = q.where('person.referent_id', '=', scope.counsellorId)
  const rows = await q
    .where(activeOn(day))
    .select([
      sql<string>`to_char(d.day, 'YYYY-MM-DD')`.as('day'),
      sql<number>`count(*)`.as('files'),
      ...ruleCounts(day),
    ])
    .groupBy('d.day')
    .execute()
  const byDay = new Map(rows.map((r) => [r.day, r]))
  return days.map((d) => {
    const row = byDay.get(d)
    return { day: d, files: Number(row?.files ?? 0), counts: countsOf(row ?? {}) }
  })
}

/** One page of the files breaking a rule on the day (by name), with what breaks it and how many they are. */
export async function filesBreaking(
  tx: Tx,
  scope: QualityScope,
  rule: QualityRuleDeclaration,
  day: string,
  page: { limit: number; offset: number },
) {
  const rows = await activeFiles(tx, scope, day)
    .where(rule.breaks(day))
    .innerJoin('site', 'site.id', 'person.site_id')
    .leftJoin('app_user as r', 'r.id', 'person.referent_id')
    .select([
      'person.id',
      'person.last_name',
      'person.first_name',
      'person.birth_date',
      'site.name as site_name',
      'r.display_name as referent_name',
      rule.detail.value(day).as('detail'),
      sql<number>`count(*) over ()`.as('total'),
    ])
    .orderBy('person.last_name')
    .orderBy('person.first_name')
    .orderBy('person.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
  return rows.map((r) => ({ ...r, total: Number(r.total) }))
}
