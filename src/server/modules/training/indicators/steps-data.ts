import { sql } from 'kysely'
import type { Period } from '../../../../shared/reporting/reporting.schema.ts'
import type { IndicatorContext } from '../../../reporting/indicator.ts'
import {
  countSituationGroups,
  situationGroups,
  situationStarts,
} from '../../../reporting/indicators/situation-groups.ts'
import { mlPersons } from '../../../reporting/sql.ts'

// The training.steps indicator's reads (indicators/steps.ts builds its figures and tables from them). The population
// is the Mission Locale's, as ml.situation_entries defines it (mlPersons: an enrolment in a programme of TYPE
// mission_locale open during the period, within the scope); the training situations are counted by the very same
// helpers as ml.situation_entries (situationStarts + countSituationGroups, group `training`), not a copy of them.

const lastOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()

/** A day a year before: 29/02 becomes 28/02; the last day of a month stays the last day of its month. */
function dayYearBefore(d: string): string {
  const year = Number(d.slice(0, 4)) - 1
  const month = Number(d.slice(5, 7))
  const day = Number(d.slice(8, 10))
  const last = lastOfMonth(year + 1, month) === day
  const shifted = last ? lastOfMonth(year, month) : Math.min(day, lastOfMonth(year, month))
  return `${year}-${d.slice(5, 7)}-${String(shifted).padStart(2, '0')}`
}

/** The same period a year before (the training chapter compares a year with the previous one). */
export const yearBefore = (p: Period): Period => ({ from: dayYearBefore(p.from), to: dayYearBefore(p.to) })

/** One group of steps: entries of the period on an action, by person (n steps of that person there). */
export interface StepGroup {
  personId: string
  funder: string
  /** the NSF group (the action's code, first 3 digits), 'unknown' without one */
  domain: string
  sex: string
  n: number
}

export interface StepsData {
  /** training situations started in the period (ml.situation_entries' training measures) */
  situations: { measures: number; persons: number }
  returnsToInitialEducation: number
  steps: StepGroup[]
  previousSteps: StepGroup[]
  afpaOrientations: number
  previousAfpaOrientations: number
}

/** Prescriptions of the structures on a session of an action, of the Mission Locale population over `period`. */
function prescriptions(ctx: IndicatorContext, period: Period) {
  // the population is computed once (MATERIALIZED): as a plain IN subquery the planner re-evaluated its EXISTS on the
  // enrolments for every prescription (38 s for the 2009 data set on PGlite, 0,1 s this way)
  return ctx.q
    .with(
      (cte) => cte('ml').materialized(),
      () => mlPersons(ctx, period).select('person.id'),
    )
    .selectFrom('training_prescription as p')
    .innerJoin('training_session as se', (j) =>
      j.onRef('se.id', '=', 'p.session_id').onRef('se.structure_id', '=', 'p.structure_id'),
    )
    .innerJoin('training_action as a', (j) =>
      j.onRef('a.id', '=', 'se.action_id').onRef('a.structure_id', '=', 'se.structure_id'),
    )
    .where('p.structure_id', 'in', ctx.structureIds)
    .where('p.person_id', 'in', (eb) => eb.selectFrom('ml').select('ml.id'))
}

/** Steps: prescriptions entered (or since exited) whose entry date is in the period. */
async function stepsOf(ctx: IndicatorContext, period: Period): Promise<StepGroup[]> {
  const domain = sql<string>`coalesce(substr(a.nsf_code, 1, 3), 'unknown')`
  const rows = await prescriptions(ctx, period)
    .innerJoin('person as pe', (j) =>
      j.onRef('pe.id', '=', 'p.person_id').onRef('pe.structure_id', '=', 'p.structure_id'),
    )
    .select([
      'p.person_id as personId',
      'a.funder',
      domain.as('domain'),
      sql<string>`coalesce(pe.sex, 'unknown')`.as('sex'),
      sql<number>`count(*)::int`.as('n'),
    ])
    .where('p.status', 'in', ['entered', 'exited'])
    .where('p.entry_date', '>=', period.from)
    .where('p.entry_date', '<=', period.to)
    .groupBy(['p.person_id', 'a.funder', domain, 'pe.sex'])
    .execute()
  return rows.map((r) => ({ ...r, n: Number(r.n) }))
}

/** Orientations to the AFPA: distinct persons with a prescription filed in the period (the structure's day). */
async function afpaOrientationsOf(ctx: IndicatorContext, period: Period): Promise<number> {
  const filedOn = sql<string>`(p.filed_at at time zone st.time_zone)::date`
  const row = await prescriptions(ctx, period)
    .innerJoin('structure as st', 'st.id', 'p.structure_id')
    .select(sql<number>`count(distinct p.person_id)::int`.as('n'))
    .where('a.funder', '=', 'afpa')
    .where(filedOn, '>=', sql<string>`${period.from}::date`)
    .where(filedOn, '<=', sql<string>`${period.to}::date`)
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

export async function stepsData(ctx: IndicatorContext): Promise<StepsData> {
  const period = ctx.period
  const before = yearBefore(period)
  // the same starts ml.situation_entries counts, restricted to its `training` group
  const trainingKinds = situationGroups.training.kinds
  const starts = situationStarts(ctx, period, 'ml').where('s.kind', 'in', trainingKinds)
  const situations = (await countSituationGroups(ctx.q, starts)).training
  const returns = await ctx.q
    .selectFrom(situationStarts(ctx, period, 'ml').where('s.kind', '=', 'return_to_school').as('r'))
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirst()
  return {
    situations,
    returnsToInitialEducation: Number(returns?.n ?? 0),
    steps: await stepsOf(ctx, period),
    previousSteps: await stepsOf(ctx, before),
    afpaOrientations: await afpaOrientationsOf(ctx, period),
    previousAfpaOrientations: await afpaOrientationsOf(ctx, before),
  }
}
