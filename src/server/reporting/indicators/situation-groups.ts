import { type RawBuilder, sql } from 'kysely'
import {
  type SituationGroup,
  type SituationKind,
  situationKindCodes,
  situationKinds,
} from '../../../shared/nomenclatures/accompaniment.ts'
import type { Period } from '../../../shared/reporting/reporting.schema.ts'
import type { IndicatorContext } from '../indicator.ts'
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

/**
 * Counts the situations starting in the period for each group, in one pass (FILTER clauses).
 * `population`: 'ml' = persons with an ML enrolment overlapping the period; 'all' = every person in scope.
 */
export async function situationEntries(
  ctx: IndicatorContext,
  period: Period,
  population: 'ml' | 'all',
): Promise<GroupCounts> {
  const persons = (population === 'ml' ? mlPersons(ctx, period) : scopedPersons(ctx, period)).select('person.id')
  // per person first (a hash aggregate), then totals: no distinct count over every situation
  const perPerson: RawBuilder<unknown>[] = []
  const totals: RawBuilder<unknown>[] = []
  for (const key of situationGroupKeys) {
    const kinds = sql.join(situationGroups[key].kinds.map((k) => sql.lit(k)))
    const m = sql.ref(`m_${key}`)
    perPerson.push(sql`count(*) filter (where s.kind in (${kinds})) as ${m}`)
    totals.push(sql`coalesce(sum(${m}), 0) as ${sql.ref(`${key}_measures`)}`)
    totals.push(sql`count(*) filter (where ${m} > 0) as ${sql.ref(`${key}_persons`)}`)
  }
  const starts = ctx.q
    .selectFrom('situation as s')
    .where('s.structure_id', 'in', ctx.structureIds)
    .where('s.start_date', '>=', period.from)
    .where('s.start_date', '<=', period.to)
    .where('s.person_id', 'in', persons)
    .select(['s.person_id', 's.kind'])
  const { rows: out } = await sql<Record<string, number>>`
    select ${sql.join(totals)}
    from (select s.person_id, ${sql.join(perPerson)} from (${starts}) as s group by s.person_id) as p`.execute(ctx.q)
  const r = out[0] ?? {}
  return Object.fromEntries(
    situationGroupKeys.map((k) => [
      k,
      { measures: Number(r[`${k}_measures`] ?? 0), persons: Number(r[`${k}_persons`] ?? 0) },
    ]),
  ) as GroupCounts
}
