import { type Expression, type ExpressionBuilder, type RawBuilder, type SelectQueryBuilder, sql } from 'kysely'
import type { ProgrammeType } from '../../shared/admin/admin.schema.ts'
import type { AttributeKind } from '../../shared/nomenclatures/person.ts'
import type { Period } from '../../shared/reporting/reporting.schema.ts'
import type { Database } from '../db/schema.ts'
import { enrolmentOpenDuring } from '../modules/accompaniment/index.ts'
import { codesWithin } from '../modules/reference/communes.ts'
import type { IndicatorContext, Q } from './indicator.ts'

// The building blocks every indicator query shares: who is in scope, enrolled in a programme over a period, the
// state of a dated attribute on a date, the age band on a date, and counting over several breakdowns in one pass.

/** A calendar date as a typed SQL value. */
export const dateValue = (d: string) => sql<string>`${d}::date`

/**
 * The value of a dated attribute on a date: the row with the latest valid_from on or before it. A LATERAL subquery,
 * so `date` can be a constant (the period's end) or a column of the outer row (the date of a first reception).
 * Join it with `.leftJoinLateral((eb) => stateOn(eb, 'housing', 'person.id', date).as('housing'), (j) => j.onTrue())`.
 */
export function stateOn(
  eb: ExpressionBuilder<Database, any>,
  attribute: AttributeKind,
  personIdRef: string,
  date: Expression<string>,
) {
  return eb
    .selectFrom('person_attribute as pa')
    .select(['pa.value', 'pa.level_2019'])
    .where('pa.person_id', '=', sql.ref<string>(personIdRef))
    .where('pa.attribute', '=', attribute)
    .where('pa.valid_from', '<=', date)
    .orderBy('pa.valid_from', 'desc')
    .limit(1)
}

/**
 * The values of several dated attributes on a date, one column per attribute (null: no value then): one LATERAL
 * subquery that reads the person's rows of these attributes up to the date once (latest first, the first row of each
 * attribute kept), where `stateOn` takes one lookup per attribute. Join it like stateOn, then read `alias.housing`.
 */
export function statesOn<A extends AttributeKind>(
  eb: ExpressionBuilder<Database, any>,
  attributes: readonly A[],
  personIdRef: string,
  date: Expression<string>,
) {
  const latest = eb
    .selectFrom('person_attribute as pa')
    .distinctOn('pa.attribute')
    .select(['pa.attribute', 'pa.value'])
    .where('pa.person_id', '=', sql.ref<string>(personIdRef))
    .where('pa.attribute', 'in', attributes)
    .where('pa.valid_from', '<=', date)
    .orderBy('pa.attribute')
    .orderBy('pa.valid_from', 'desc')
  return eb
    .selectFrom(latest.as('s'))
    .select(attributes.map((a) => sql<string | null>`max(s.value) filter (where s.attribute = ${sql.lit(a)})`.as(a)))
}

/** Full years between the birth date and `date`. */
export const ageOn = (birthDateRef: string, date: Expression<string>) =>
  sql<number>`extract(year from age(${date}, ${sql.ref(birthDateRef)}))::int`

export const ageBands = ['16-17', '18-21', '22-25', '26+'] as const
export type AgeBand = (typeof ageBands)[number]
export const ageBandLabels: Record<AgeBand, string> = {
  '16-17': '16-17 ans',
  '18-21': '18-21 ans',
  '22-25': '22-25 ans',
  '26+': '26 ans et +',
}

/** The report's age bands; under-16s fall in 16-17 (a 15-year-old can be received a few weeks before turning 16). */
export const ageBandOf = (age: Expression<number>): RawBuilder<AgeBand> =>
  sql<AgeBand>`case when ${age} < 18 then '16-17' when ${age} <= 21 then '18-21' when ${age} <= 25 then '22-25' else '26+' end`

/** The age band on a date (ageBandOf the age on it). */
export const ageBandOn = (birthDateRef: string, date: Expression<string>): RawBuilder<AgeBand> =>
  ageBandOf(ageOn(birthDateRef, date))

/**
 * The person has an enrolment open during the period (entry ≤ end, no exit or exit ≥ start: the accompaniment module's
 * one definition, enrolment-open.ts) in a programme named by its type (what it is, whatever its editable code) or by
 * its id (a scope the user chose).
 */
export function enrolledDuring(
  eb: ExpressionBuilder<Database, 'person'>,
  programme: { type: ProgrammeType } | { id: string },
  period: Period,
) {
  let sub = eb
    .selectFrom('enrolment as en')
    .innerJoin('programme as pg', 'pg.id', 'en.programme_id')
    .select(sql.lit(1).as('one'))
    .whereRef('en.person_id', '=', 'person.id')
    .where(enrolmentOpenDuring('en', period.from, period.to))
  sub = 'type' in programme ? sub.where('pg.type', '=', programme.type) : sub.where('pg.id', '=', programme.id)
  return eb.exists(sub)
}

/** Persons of the structure within the requested scope (site, commune, counsellor, sex, programme over the period). */
export function scopedPersons(ctx: IndicatorContext, period: Period = ctx.period) {
  const s = ctx.scope
  let qb = ctx.q.selectFrom('person').where('person.structure_id', 'in', ctx.structureIds)
  if (s.siteIds) qb = s.siteIds.length ? qb.where('person.site_id', 'in', s.siteIds) : qb.where(sql<boolean>`false`)
  // a commune counts the persons written with one of its former codes (59540 Saint-Pol-sur-Mer in Dunkerque, 59183)
  if (s.communeCode) qb = qb.where('person.commune_code', 'in', codesWithin(s.communeCode))
  if (s.counsellorId) qb = qb.where('person.referent_id', '=', s.counsellorId)
  if (s.sex) qb = qb.where('person.sex', '=', s.sex)
  const programmeId = s.programmeId
  if (programmeId) qb = qb.where((eb) => enrolledDuring(eb, { id: programmeId }, period))
  return qb
}

/** The Mission Locale population: in scope, with an enrolment open during the period in a Mission Locale programme. */
export const mlPersons = (ctx: IndicatorContext, period: Period = ctx.period) =>
  scopedPersons(ctx, period).where((eb) => enrolledDuring(eb, { type: 'mission_locale' }, period))

/** At least one event in the period that the person did not miss (any kind, first reception included). */
export function hadContactDuring(eb: ExpressionBuilder<Database, 'person'>, period: Period) {
  return eb.exists(
    eb
      .selectFrom('event as ev')
      .select(sql.lit(1).as('one'))
      .whereRef('ev.person_id', '=', 'person.id')
      .where('ev.date', '>=', period.from)
      .where('ev.date', '<=', period.to)
      .where(sql<boolean>`ev.attendance is distinct from 'absent'`),
  )
}

export type GroupRow<D extends string> = Record<D, string> & { n: number }

/**
 * Counts the rows of `facts` over several breakdowns in one pass (GROUP BY GROUPING SETS). `facts` must give every
 * dimension as a non-null text (use 'unknown' for a missing value), so a null in the result only means "not grouped
 * by this one". Returns, per set (its dimensions joined by '×', '' for the grand total), the rows with their count and
 * any extra measure (e.g. `persons: sql\`count(distinct f.person_id)\``).
 */
export async function countBySets<D extends string, M extends string = never>(
  q: Q,
  facts: SelectQueryBuilder<any, any, any>,
  dims: readonly D[],
  sets: readonly (readonly D[])[],
  measures: Record<M, RawBuilder<unknown>> = {} as Record<M, RawBuilder<unknown>>,
): Promise<Map<string, (GroupRow<D> & Record<M, number>)[]>> {
  // GROUPING() only takes the columns some set groups by
  const used = dims.filter((d) => sets.some((s) => s.includes(d)))
  const cols = used.map((d) => sql.ref(`f.${d}`))
  const grouping = used.length ? sql`grouping(${sql.join(cols)})` : sql`0`
  const groupingSets = sql.join(
    sets.map((s) => (s.length ? sql`(${sql.join(s.map((d) => sql.ref(`f.${d}`)))})` : sql`()`)),
  )
  const extra = Object.entries<RawBuilder<unknown>>(measures).map(([k, m]) => sql`${m} as ${sql.ref(k)}`)
  const { rows } = await sql<Record<string, unknown>>`
    select ${grouping} as g, ${sql.join([...cols, sql`count(*) as n`, ...extra])}
    from (${facts}) as f
    group by grouping sets (${groupingSets})`.execute(q)
  const maskOf = (s: readonly D[]) =>
    used.reduce((m, d, i) => (s.includes(d) ? m : m | (1 << (used.length - 1 - i))), 0)
  const out = new Map<string, (GroupRow<D> & Record<M, number>)[]>()
  for (const s of sets) {
    const mask = maskOf(s)
    out.set(s.join('×'), rows.filter((r) => Number(r.g) === mask) as unknown as (GroupRow<D> & Record<M, number>)[])
  }
  return out
}

/** Sums the count of the rows matching `where` (dimension values; an array matches any of them). */
export function sumWhere<D extends string>(
  rows: readonly GroupRow<D>[],
  where: Partial<Record<D, string | readonly string[]>>,
): number {
  let n = 0
  for (const r of rows) {
    const ok = Object.entries(where).every(([d, v]) =>
      Array.isArray(v) ? v.includes(r[d as D]) : r[d as D] === (v as string),
    )
    if (ok) n += r.n
  }
  return n
}
