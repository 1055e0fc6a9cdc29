import { sql } from 'kysely'
import { yearOf } from '../../../../shared/reporting/period.ts'
import type { Period } from '../../../../shared/reporting/reporting.schema.ts'
import type { IndicatorContext } from '../../../reporting/indicator.ts'
import { scopedPersons } from '../../../reporting/sql.ts'
import { yearBefore } from './steps-data.ts'

// The training.professionalisation_fund indicator's reads (indicators/fund.ts): the plans the fund's committee
// validated in a period, their persons, amounts and co-funders, and the envelopes of the period's years.

export interface PlansTally {
  plans: number
  employees: number
  /** persons with an RSA status period open on their plan's committee date */
  welfareRecipients: number
  fundCents: number
  hours: number
  totalCostCents: number
  /** distinct co-funder names, case-insensitive */
  cofunders: number
  cofundingCents: number
  /** distinct employers with a co-funding of kind `employer` */
  employersWithOwnFunds: number
  byKind: { kind: string; cofunders: number; cents: number }[]
}

export interface FundData {
  envelopeCents: number
  current: PlansTally
  previous: PlansTally
}

const hasPersonScope = (ctx: IndicatorContext) => Object.values(ctx.scope).some((v) => v !== undefined)

/** Plans validated by the committee in the period, of the structures (and of the scope's persons). */
function validatedPlans(ctx: IndicatorContext, period: Period) {
  let qb = ctx.q
    .selectFrom('prof_plan as pl')
    .where('pl.structure_id', 'in', ctx.structureIds)
    .where('pl.status', '=', 'validated')
    .where('pl.committee_date', '>=', period.from)
    .where('pl.committee_date', '<=', period.to)
  if (hasPersonScope(ctx)) qb = qb.where('pl.person_id', 'in', scopedPersons(ctx, period).select('person.id'))
  return qb
}

const rsaOnCommittee = sql<boolean>`exists (
  select 1 from status_period sp
  where sp.structure_id = pl.structure_id and sp.person_id = pl.person_id and sp.status = 'rsa'
    and sp.start_date <= pl.committee_date and (sp.end_date is null or sp.end_date >= pl.committee_date))`

async function tally(ctx: IndicatorContext, period: Period): Promise<PlansTally> {
  const person = sql`pl.structure_id || ' ' || pl.person_id`
  const plans = await validatedPlans(ctx, period)
    .select([
      sql<number>`count(*)::int`.as('plans'),
      sql<number>`count(distinct ${person})::int`.as('employees'),
      sql<number>`count(distinct ${person}) filter (where ${rsaOnCommittee})::int`.as('welfare'),
      sql<number>`coalesce(sum(pl.fund_cents), 0)::bigint`.as('fundCents'),
      sql<number>`coalesce(sum(pl.hours), 0)::bigint`.as('hours'),
      sql<number>`coalesce(sum(pl.total_cost_cents), 0)::bigint`.as('totalCostCents'),
    ])
    .executeTakeFirst()
  const withCofunding = () =>
    validatedPlans(ctx, period).innerJoin('prof_plan_cofunding as c', (j) =>
      j.onRef('c.plan_id', '=', 'pl.id').onRef('c.structure_id', '=', 'pl.structure_id'),
    )
  const name = sql`lower(trim(c.cofunder))`
  const cof = await withCofunding()
    .select([
      sql<number>`count(distinct ${name})::int`.as('cofunders'),
      sql<number>`coalesce(sum(c.amount_cents), 0)::bigint`.as('cents'),
      sql<number>`count(distinct pl.employer_name) filter (where c.kind = 'employer')::int`.as('employers'),
    ])
    .executeTakeFirst()
  const byKind = await withCofunding()
    .select([
      'c.kind',
      sql<number>`count(distinct ${name})::int`.as('cofunders'),
      sql<number>`sum(c.amount_cents)::bigint`.as('cents'),
    ])
    .groupBy('c.kind')
    .execute()
  return {
    plans: Number(plans?.plans ?? 0),
    employees: Number(plans?.employees ?? 0),
    welfareRecipients: Number(plans?.welfare ?? 0),
    fundCents: Number(plans?.fundCents ?? 0),
    hours: Number(plans?.hours ?? 0),
    totalCostCents: Number(plans?.totalCostCents ?? 0),
    cofunders: Number(cof?.cofunders ?? 0),
    cofundingCents: Number(cof?.cents ?? 0),
    employersWithOwnFunds: Number(cof?.employers ?? 0),
    byKind: byKind.map((k) => ({ kind: k.kind, cofunders: Number(k.cofunders), cents: Number(k.cents) })),
  }
}

export async function fundData(ctx: IndicatorContext): Promise<FundData> {
  const envelope = await ctx.q
    .selectFrom('prof_fund_envelope')
    .select(sql<number>`coalesce(sum(allocated_cents), 0)::bigint`.as('cents'))
    .where('structure_id', 'in', ctx.structureIds)
    .where('year', '>=', yearOf(ctx.period.from))
    .where('year', '<=', yearOf(ctx.period.to))
    .executeTakeFirst()
  return {
    envelopeCents: Number(envelope?.cents ?? 0),
    current: await tally(ctx, ctx.period),
    previous: await tally(ctx, yearBefore(ctx.period)),
  }
}
