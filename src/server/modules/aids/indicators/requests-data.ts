import { sql } from 'kysely'
import { previousPeriod } from '../../../../shared/reporting/period.ts'
import type { IndicatorContext } from '../../../reporting/indicator.ts'
import { ageOn, scopedPersons } from '../../../reporting/sql.ts'

// The aid.requests indicator's reads (aids/indicators/requests.ts builds its tables from them): plain SQL over the aid
// tables, grouped in the database. Funds are grouped by code (a network's report adds the structures' funds of one code).

export const GRANTED = ['granted', 'partly_granted'] as const

export interface FundInfo {
  code: string
  name: string
  kind: string
}
export interface RequestGroup {
  code: string
  track: string
  purpose: string
  status: string
  /** asked in the period (true) or in the previous one (false) */
  current: boolean
  n: number
  grantedCents: number
}
export interface AidRequestData {
  funds: FundInfo[]
  groups: RequestGroup[]
  /** per fund: distinct persons with a granted request, minors on the day of their first granted request */
  persons: { code: string; minor: boolean; n: number }[]
  paid: { code: string; cents: number }[]
  contracts: { code: string; n: number; months: number }[]
  indirect: { code: string; label: string; n: number; participants: number; cents: number }[]
}

const hasPersonScope = (ctx: IndicatorContext) => Object.values(ctx.scope).some((v) => v !== undefined)

/** The rows every read shares: the structures' requests, within the scope's persons. */
function requests(ctx: IndicatorContext) {
  let qb = ctx.q
    .selectFrom('aid_request as r')
    .innerJoin('aid_fund as f', (j) => j.onRef('f.id', '=', 'r.fund_id').onRef('f.structure_id', '=', 'r.structure_id'))
    .where('r.structure_id', 'in', ctx.structureIds)
  if (hasPersonScope(ctx)) qb = qb.where('r.person_id', 'in', scopedPersons(ctx).select('person.id'))
  return qb
}

export async function aidRequestData(ctx: IndicatorContext): Promise<AidRequestData> {
  const { from, to } = ctx.period
  const before = previousPeriod(ctx.period)
  // a literal (not a parameter), so that the grouped expression is the selected one
  const isCurrent = sql<boolean>`r.asked_on >= ${sql.lit(from)}::date`
  const funds = await ctx.q
    .selectFrom('aid_fund')
    .select(['code', 'name', 'kind'])
    .distinctOn('code')
    .where('structure_id', 'in', ctx.structureIds)
    .orderBy('code')
    .orderBy('structure_id')
    .execute()
  const groups = await requests(ctx)
    .select([
      'f.code',
      'r.track',
      'r.purpose',
      'r.status',
      isCurrent.as('current'),
      sql<number>`count(*)::int`.as('n'),
      sql<number>`coalesce(sum(r.amount_granted_cents), 0)::bigint`.as('grantedCents'),
    ])
    .where('r.asked_on', '>=', before.from)
    .where('r.asked_on', '<=', to)
    .groupBy(['f.code', 'r.track', 'r.purpose', 'r.status', isCurrent])
    .execute()
  const first = requests(ctx)
    .innerJoin('person as p', (j) => j.onRef('p.id', '=', 'r.person_id').onRef('p.structure_id', '=', 'r.structure_id'))
    .distinctOn(['f.code', 'r.person_id'])
    .select(['f.code', sql<boolean>`${ageOn('p.birth_date', sql.ref('r.asked_on'))} < 18`.as('minor')])
    .where('r.status', 'in', GRANTED)
    .where('r.asked_on', '>=', from)
    .where('r.asked_on', '<=', to)
    .orderBy('f.code')
    .orderBy('r.person_id')
    .orderBy('r.asked_on')
  const persons = await ctx.q
    .selectFrom(first.as('x'))
    .select(['x.code', 'x.minor', sql<number>`count(*)::int`.as('n')])
    .groupBy(['x.code', 'x.minor'])
    .execute()
  const paid = await requests(ctx)
    .innerJoin('aid_payment as pay', (j) =>
      j.onRef('pay.request_id', '=', 'r.id').onRef('pay.structure_id', '=', 'r.structure_id'),
    )
    .select(['f.code', sql<number>`sum(pay.amount_cents)::bigint`.as('cents')])
    .where('pay.paid_on', '>=', from)
    .where('pay.paid_on', '<=', to)
    .groupBy('f.code')
    .execute()
  const contracts = await requests(ctx)
    .innerJoin('aid_contract as c', (j) =>
      j.onRef('c.request_id', '=', 'r.id').onRef('c.structure_id', '=', 'r.structure_id'),
    )
    .select(['f.code', sql<number>`count(*)::int`.as('n'), sql<number>`sum(c.months)::int`.as('months')])
    .where('r.status', 'in', GRANTED)
    .where('r.asked_on', '>=', from)
    .where('r.asked_on', '<=', to)
    .groupBy('f.code')
    .execute()
  const indirect = await ctx.q
    .selectFrom('aid_indirect as i')
    .innerJoin('aid_fund as f', (j) => j.onRef('f.id', '=', 'i.fund_id').onRef('f.structure_id', '=', 'i.structure_id'))
    .select([
      'f.code',
      'i.label',
      sql<number>`count(*)::int`.as('n'),
      sql<number>`coalesce(sum(i.participants), 0)::int`.as('participants'),
      sql<number>`sum(i.amount_cents)::bigint`.as('cents'),
    ])
    .where('i.structure_id', 'in', ctx.structureIds)
    .where('i.spent_on', '>=', from)
    .where('i.spent_on', '<=', to)
    .groupBy(['f.code', 'i.label'])
    .orderBy('f.code')
    .orderBy('i.label')
    .execute()
  const num = <T extends Record<string, unknown>>(rows: T[], keys: (keyof T)[]) =>
    rows.map((r) => ({ ...r, ...Object.fromEntries(keys.map((k) => [k, Number(r[k])])) }))
  return {
    funds,
    groups: num(groups, ['n', 'grantedCents']).map((g) => ({ ...g, current: !!g.current })),
    persons: num(persons, ['n']).map((p) => ({ ...p, minor: !!p.minor })),
    paid: num(paid, ['cents']),
    contracts: num(contracts, ['n', 'months']),
    indirect: num(indirect, ['n', 'participants', 'cents']),
  }
}
