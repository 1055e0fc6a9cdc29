import { sql } from 'kysely'
import { isCalendarYear, yearOf } from '../../../../shared/reporting/period.ts'
import type { Period } from '../../../../shared/reporting/reporting.schema.ts'
import type { IndicatorContext } from '../../../reporting/indicator.ts'
import { scopedPersons } from '../../../reporting/sql.ts'
import { currentYears } from '../facts/facts.repository.ts'

// How the Mission Locale's indicators read their facts (migrations/20261201T0900_ml_facts.ts): for a period that is
// one calendar year whose facts are built, when the run allows it, the rows of ml_person_year and its two companions
// replace the raw history; the definitions (levels, age bands, 'unknown', themes, situation groups) stay in the
// indicators.

/** The year whose facts a computation over `period` may read, or undefined: the raw rows then. */
export async function factsYear(ctx: IndicatorContext, period: Period = ctx.period): Promise<number | undefined> {
  if (!ctx.facts || !isCalendarYear(period)) return undefined
  const year = yearOf(period.from)
  // the built years depend neither on the period nor on the scope: read once per run; a year built under an older
  // definition of the facts is read from the raw rows until it is rebuilt
  const built = await ctx.memo('ml.facts.currentYears', () => currentYears(ctx.q))
  return built.includes(year) ? year : undefined
}

/** a scope the facts cannot answer alone: the persons' commune, referent, programme */
const needsPersons = (ctx: IndicatorContext) =>
  !!(ctx.scope.communeCode || ctx.scope.counsellorId || ctx.scope.programmeId)

/**
 * The year's Mission Locale population within the run's structures and scope, one row `f` per person. A person's site
 * and sex are in the facts (kept in step with the person); a commune, a referent or a programme are read from the
 * persons, as for the raw rows.
 */
export function personYears(ctx: IndicatorContext, year: number, period: Period = ctx.period) {
  const s = ctx.scope
  let qb = ctx.q
    .selectFrom('ml_person_year as f')
    .where('f.year', '=', year)
    .where('f.structure_id', 'in', ctx.structureIds)
  if (needsPersons(ctx)) return qb.where('f.person_id', 'in', scopedPersons(ctx, period).select('person.id'))
  if (s.siteIds) qb = s.siteIds.length ? qb.where('f.site_id', 'in', s.siteIds) : qb.where(sql<boolean>`false`)
  if (s.sex) qb = qb.where('f.sex', '=', s.sex)
  return qb
}

/** whether the run's scope restricts the persons at all */
const scoped = (ctx: IndicatorContext) => needsPersons(ctx) || !!ctx.scope.siteIds || !!ctx.scope.sex

/** The year's propositions of the population by structure, domain and theme (`f`), within the run's scope. */
export function themeYears(ctx: IndicatorContext, year: number, period: Period = ctx.period) {
  const qb = ctx.q
    .selectFrom('ml_person_year_theme as f')
    .where('f.year', '=', year)
    .where('f.structure_id', 'in', ctx.structureIds)
  return scoped(ctx) ? qb.where('f.person_id', 'in', personYears(ctx, year, period).select('f.person_id')) : qb
}

/** The year's entries into and exits from programmes of the population (`f`), within the run's scope. */
export function programmeYears(ctx: IndicatorContext, year: number, period: Period = ctx.period) {
  const qb = ctx.q
    .selectFrom('ml_person_year_programme as f')
    .where('f.year', '=', year)
    .where('f.structure_id', 'in', ctx.structureIds)
  return scoped(ctx) ? qb.where('f.person_id', 'in', personYears(ctx, year, period).select('f.person_id')) : qb
}
