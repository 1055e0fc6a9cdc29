import { type RawBuilder, type SelectQueryBuilder, sql } from 'kysely'
import {
  type SituationGroup,
  type SituationKind,
  situationKindCodes,
  situationKinds,
} from '../../../shared/nomenclatures/accompaniment.ts'
import type { Period } from '../../../shared/reporting/reporting.schema.ts'
import type { IndicatorContext, Q } from '../indicator.ts'
import { mlPersons, scopedPersons } from '../sql.ts'

// Situations that start in a period, counted by the report's groups, as measures (rows) and as distinct persons.

const kindsOf = (...groups: SituationGroup[]): SituationKind[] =>
  situationKindCodes.filter((k) => groups.includes(situationKinds[k].group))

/** The report's groups, each a set of situation kinds (the nomenclature's groups, combined). */
export const situationGroups = {
  employmentCddCdi: { label: 'Emploi (CDD, CDI…)', kinds: kindsOf('employment') },
  workStudyContract: { label: 'Contrat en alternance', kinds: kindsOf('work_study') },
  ofWhichApprenticeship: { label: 'dont contrats d’apprentissage', kinds: ['apprenticeship'] as SituationKind[] },
  ofWhichProfessionalisation: {
    label: 'dont contrats de professionnalisation',
    kinds: ['professionalisation'] as SituationKind[],
  },
  integrationContract: { label: 'Contrat d’insertion (contrats aidés, SIAE)', kinds: kindsOf('integration_contract') },
  employmentTotal: {
    label: 'Total des mesures emploi',
    kinds: kindsOf('employment', 'work_study', 'integration_contract'),
  },
  training: { label: 'Formation', kinds: kindsOf('training') },
  grandTotal: {
    label: 'Total général',
    kinds: kindsOf('employment', 'work_study', 'integration_contract', 'training'),
  },
} as const
export type SituationGroupKey = keyof typeof situationGroups
export const situationGroupKeys = Object.keys(situationGroups) as SituationGroupKey[]

/** How the rows add up (for the tables' totals and statistical secrecy): child → parent. */
export const situationGroupParents: Partial<Record<SituationGroupKey, SituationGroupKey>> = {
  employmentCddCdi: 'employmentTotal',
  workStudyContract: 'employmentTotal',
  ofWhichApprenticeship: 'workStudyContract',
  ofWhichProfessionalisation: 'workStudyContract',
  integrationContract: 'employmentTotal',
}

export type GroupCounts = Record<SituationGroupKey, { measures: number; persons: number }>

/** Rows of situation starts: the person, the situation's kind and how many such starts (1 for a raw row). */
export type SituationStarts = SelectQueryBuilder<any, any, { person_id: string; kind: string; n: number }>

/**
 * The situations starting in the period, one row each, from the raw rows. `population`: 'ml' = persons with an ML
 * enrolment overlapping the period; 'all' = every person in scope.
 */
export function situationStarts(ctx: IndicatorContext, period: Period, population: 'ml' | 'all'): SituationStarts {
  const persons = (population === 'ml' ? mlPersons(ctx, period) : scopedPersons(ctx, period)).select('person.id')
  return ctx.q
    .selectFrom('situation as s')
    .where('s.structure_id', 'in', ctx.structureIds)
    .where('s.start_date', '>=', period.from)
    .where('s.start_date', '<=', period.to)
    .where('s.person_id', 'in', persons)
    .select(['s.person_id', 's.kind', sql<number>`1`.as('n')])
}

/**
 * Counts situation starts for each group, in one pass (FILTER clauses): measures (the starts) and distinct persons.
 * Per person first (a hash aggregate), then totals: no distinct count over every situation.
 */
export async function countSituationGroups(q: Q, starts: SituationStarts): Promise<GroupCounts> {
  const perPerson: RawBuilder<unknown>[] = []
  const totals: RawBuilder<unknown>[] = []
  for (const key of situationGroupKeys) {
    const kinds = sql.join(situationGroups[key].kinds.map((k) => sql.lit(k)))
    const m = sql.ref(`m_${key}`)
    perPerson.push(sql`coalesce(sum(s.n) filter (where s.kind in (${kinds})), 0) as ${m}`)
    totals.push(sql`coalesce(sum(${m}), 0) as ${sql.ref(`${key}_measures`)}`)
    totals.push(sql`count(*) filter (where ${m} > 0) as ${sql.ref(`${key}_persons`)}`)
  }
  const { rows: out } = await sql<Record<string, number>>`
    select ${sql.join(totals)}
    from (select s.person_id, ${sql.join(perPerson)} from (${starts}) as s group by s.person_id) as p`.execute(q)
  const r = out[0] ?? {}
  return Object.fromEntries(
    situationGroupKeys.map((k) => [
      k,
      { measures: Number(r[`${k}_measures`] ?? 0), persons: Number(r[`${k}_persons`] ?? 0) },
    ]),
  ) as GroupCounts
}

/**
 * The same counts from persons' lists of the kinds they started (one entry per situation): `n` persons started
 * exactly `kinds`. Measures are the entries of a group's kinds; a person counts in a group when one entry is of it.
 */
export function groupCountsOfKinds(rows: readonly { kinds: readonly string[]; n: number }[]): GroupCounts {
  const out = Object.fromEntries(situationGroupKeys.map((k) => [k, { measures: 0, persons: 0 }])) as GroupCounts
  for (const { kinds, n } of rows)
    for (const key of situationGroupKeys) {
      const group: readonly string[] = situationGroups[key].kinds
      const measures = kinds.filter((k) => group.includes(k)).length
      out[key].measures += measures * Number(n)
      if (measures) out[key].persons += Number(n)
    }
  return out
}

/** The situations starting in the period for each group, from the raw rows (situationStarts, countSituationGroups). */
export const situationEntries = (ctx: IndicatorContext, period: Period, population: 'ml' | 'all') =>
  countSituationGroups(ctx.q, situationStarts(ctx, period, population))
