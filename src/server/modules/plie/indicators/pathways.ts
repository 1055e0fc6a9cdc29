import { type RawBuilder, sql } from 'kysely'
import { positiveExitReasons } from '../../../../shared/accompaniment/situations.schema.ts'
import type { TargetPublic } from '../../../../shared/plie/plie.nomenclature.ts'
import { daysIn } from '../../../../shared/reporting/period.ts'
import type { Period } from '../../../../shared/reporting/reporting.schema.ts'
import { contextKey, type IndicatorContext } from '../../../reporting/indicator.ts'
import { ageOn, scopedPersons } from '../../../reporting/sql.ts'
import { enrolmentOpenDuring } from '../../accompaniment/index.ts'

// The PLIE's population, shared by its indicators: a pathway is an enrolment in a programme of type 'plie' (docs/plie.md),
// counted when open during the period and its person is in scope (site, commune, counsellor, sex, programme). Each
// row carries what the indicators break down by: sex, age and the target publics on the entry day, the exit and the
// partner credited.

/** The exit reasons the report calls contracts over 6 months (positive exits to common-law employment). */
export const contractExitReasons = ['cdi', 'cdd_over_6_months', 'work_study', 'interim_1215h'] as const

const day = (d: string) => sql<string>`${d}::date`

/** A status of the persons module (status_period) held on the pathway's entry day. */
const statusOnEntry = (status: 'rsa' | 'rqth' | 'long_term_unemployed') => sql<boolean>`exists (
  select 1 from status_period sp
  where sp.structure_id = en.structure_id and sp.person_id = en.person_id and sp.status = ${status}
    and sp.start_date <= en.entry_date and (sp.end_date is null or sp.end_date >= en.entry_date))`

/** An enrolment in a CIVIS or CEJ programme (by its type) open on the pathway's entry day. */
const civisOnEntry = sql<boolean>`exists (
  select 1 from enrolment ce join programme cp on cp.id = ce.programme_id
  where ce.structure_id = en.structure_id and ce.person_id = en.person_id and cp.type in ('civis', 'cej')
    and ce.entry_date <= en.entry_date and (ce.exit_date is null or ce.exit_date >= en.entry_date))`

/** Each target public as an SQL condition on the entry day; the priority area is the person file's flag (undated). */
export const publicsOnEntry: Record<TargetPublic, RawBuilder<boolean>> = {
  rsa: statusOnEntry('rsa'),
  civis_youth: civisOnEntry,
  long_term_unemployed: statusOnEntry('long_term_unemployed'),
  disabled_worker: statusOnEntry('rqth'),
  priority_area: sql<boolean>`p.priority_area is not null`,
}

/**
 * The pathways open during the period whose person is in scope, one row each: `f.entry_date`, `f.exit_date`,
 * `f.exit_reason`, `f.sex`, `f.age` (on entry), one boolean per target public on entry, `f.partner_id`.
 */
export function pathwayRows(ctx: IndicatorContext, period: Period = ctx.period) {
  return ctx.q
    .selectFrom('enrolment as en')
    .innerJoin('programme as pg', 'pg.id', 'en.programme_id')
    .innerJoin('person as p', 'p.id', 'en.person_id')
    .leftJoin('plie_pathway as pp', (j) =>
      j.onRef('pp.enrolment_id', '=', 'en.id').onRef('pp.structure_id', '=', 'en.structure_id'),
    )
    .where('pg.type', '=', 'plie')
    .where('en.structure_id', 'in', ctx.structureIds)
    .where('en.person_id', 'in', scopedPersons(ctx, period).select('person.id'))
    .where(enrolmentOpenDuring('en', period.from, period.to))
    .select([
      'en.id',
      'en.person_id',
      'en.entry_date',
      'en.exit_date',
      'en.exit_reason',
      'p.sex',
      'pp.partner_id',
      ageOn('p.birth_date', sql.ref('en.entry_date')).as('age'),
      ...Object.entries(publicsOnEntry).map(([k, cond]) => cond.as(k)),
    ])
}

const list = (codes: readonly string[]) => sql.join(codes.map((c) => sql.lit(c)))
export const reasonIn = (codes: readonly string[]) => sql<boolean>`f.exit_reason in (${list(codes)})`
export const enteredIn = (p: Period) => sql<boolean>`f.entry_date between ${day(p.from)} and ${day(p.to)}`
export const exitedIn = (p: Period) => sql<boolean>`f.exit_date between ${day(p.from)} and ${day(p.to)}`

export interface FlowCounts {
  atStart: number
  entries: number
  exits: number
  positiveExits: number
  during: number
  atEnd: number
  entriesRsa: number
  positiveExitsRsa: number
  /** pathways open on an average day of the period */
  averageInPath: number
}

/**
 * The flow of a period: at start (entered before it, still open on its first day), entries, exits (dated in it),
 * during = at start + entries, at end = during − exits. Shared by plie.flow, plie.objectives and plie.funding.
 */
export function flowCounts(ctx: IndicatorContext, period: Period = ctx.period): Promise<FlowCounts> {
  return ctx.memo(`plie.flow ${contextKey({ ...ctx, period })}`, async () => {
    const rows = pathwayRows(ctx, period)
    const entered = enteredIn(period)
    const exited = exitedIn(period)
    const positive = sql<boolean>`${exited} and ${reasonIn(positiveExitReasons)}`
    // days each pathway is open within the period, both ends included
    const days = sql<number>`least(coalesce(f.exit_date, ${day(period.to)}), ${day(period.to)})
      - greatest(f.entry_date, ${day(period.from)}) + 1`
    const { rows: out } = await sql<Record<string, string | number | null>>`
      select count(*) as during,
        count(*) filter (where not ${entered}) as at_start,
        count(*) filter (where ${entered}) as entries,
        count(*) filter (where ${exited}) as exits,
        count(*) filter (where ${positive}) as positive_exits,
        count(*) filter (where ${entered} and f.rsa) as entries_rsa,
        count(*) filter (where ${positive} and f.rsa) as positive_exits_rsa,
        coalesce(sum(${days}), 0) as days
      from (${rows}) as f`.execute(ctx.q)
    const r = out[0] ?? {}
    const n = (k: string) => Number(r[k] ?? 0)
    return {
      atStart: n('at_start'),
      entries: n('entries'),
      exits: n('exits'),
      positiveExits: n('positive_exits'),
      during: n('during'),
      atEnd: n('during') - n('exits'),
      entriesRsa: n('entries_rsa'),
      positiveExitsRsa: n('positive_exits_rsa'),
      averageInPath: n('days') / daysIn(period),
    }
  })
}
