import type { Insertable } from 'kysely'
import type { BulkWriter } from '../../../demo/bulk.ts'
import type { DemoContext } from '../../../demo/demo-context.ts'
import { hashString, Random } from '../../../demo/random.ts'
import type { RowCounts, Year2009Base } from '../../../demo/year2009/insert.ts'
import type { Tx } from '../../../deps.ts'
import type { ImmersionObjective, ImmersionTable } from '../employment.tables.ts'
import { readAdults } from './adults.ts'
import { buildApprenticeship, type ImmersionWriter } from './apprenticeship.ts'
import { buildClauses } from './clauses.ts'
import { buildEmployers } from './employers.ts'
import { buildHomeCare, HOME_CARE } from './home-care.ts'
import { buildCivisImmersions } from './immersions.ts'
import { buildOperations } from './operations.ts'
import { iso, type Part } from './people.ts'

// The employment department's part of the 2009 data set (docs/demo-2009.md, « Employment »): the manifest's
// `dataset2009`, run after the Mission Locale's, the PLIE's, the aids' and the training's parts, in their transaction and
// keys-and-indexes window. Companies, the apprenticeship programme and the home-care cell (candidate pools), the CIVIS
// immersions' programme, the recruitment operations with the call centre's funnel, and the social clauses. Built from
// the Mission Locale part's plan (its young people, CIVIS enrolments, RSA statuses and situations), never from the
// database. Every hire is an existing situation of its person (people.ts), so org.into_employment does not move.
// Deterministic: one seeded generator (ids included) per structure.

/** the employment tables written in bulk (their keys and indexes set aside with the data set's) */
export const EMPLOYMENT_2009_TABLES = ['operation_application', 'clause_hours'] as const

/** ids in increasing order, above the other parts' */
function orderedIds(r: Random): () => string {
  let n = 0xc0000000
  return () => `${(n++).toString(16).padStart(8, '0')}${r.uuid().slice(8)}`
}

const OBJECTIVES: ImmersionObjective[] = ['discover', 'confirm_project', 'recruitment']

export async function loadEmployment2009(
  tx: Tx,
  ctx: DemoContext,
  bulk: BulkWriter,
  base: Year2009Base,
): Promise<RowCounts> {
  const s = ctx.structureId
  const r = new Random(hashString(`jalon-employment-2009:${s}`))
  const nextId = orderedIds(r)
  const employers = buildEmployers(s, r.fork('employers'), nextId)
  const part = (label: string): Part => ({
    s,
    r: r.fork(label),
    nextId,
    base,
    usedPersons,
    usedSituations,
    employerIds: employers.map((e) => e.id),
  })
  const usedPersons = new Set<number>()
  const usedSituations = new Set<number>()

  const apprenticeshipPool = {
    structure_id: s,
    id: nextId(),
    name: 'Programme de développement de l’apprentissage',
    kind: 'apprenticeship' as const,
    sector: null,
    eligibility: 'Jeunes de 16 à 25 ans sortis du système scolaire',
    starts_on: '2008-09-01',
    ends_on: null,
    officer_id: null,
    active: true,
    external_id: 'EMP2009-POOL-APP',
  }
  const homeCarePool = {
    ...apprenticeshipPool,
    id: nextId(),
    name: 'Cellule emploi services à la personne',
    kind: 'sector' as const,
    sector: 'Services à la personne',
    eligibility: 'Demandeurs d’emploi intéressés par les métiers de l’aide à domicile',
    starts_on: '2009-01-05',
    external_id: 'EMP2009-POOL-SAP',
  }
  const homeCareSessions = HOME_CARE.sessions.map((d, k) => ({
    structure_id: s,
    id: nextId(),
    pool_id: homeCarePool.id,
    at: new Date(`${iso(d)}T13:30:00Z`),
    place: 'Entreprendre Ensemble, Dunkerque',
    external_id: `EMP2009-PS${k + 1}`,
  }))
  const programme = {
    structure_id: s,
    id: nextId(),
    name: 'Immersions en entreprise des jeunes en CIVIS',
    active: true,
    external_id: 'EMP2009-IMM-CIVIS',
  }
  const modules = [
    'Découvrir un ou plusieurs métiers',
    'Évaluer ses compétences en entreprise',
    'Être évalué sur une offre',
  ].map((label, k) => ({
    structure_id: s,
    programme_id: programme.id,
    number: k + 1,
    label,
    objective: OBJECTIVES[k],
  }))
  const immersions: Insertable<ImmersionTable>[] = []
  const immersion: ImmersionWriter = (x) => {
    immersions.push({
      structure_id: s,
      id: nextId(),
      person_id: base.personIds[x.p],
      employer_id: x.employerId,
      programme_id: x.programmeId ?? null,
      module_number: x.module ?? null,
      pool_id: x.poolId ?? null,
      objective: x.module ? OBJECTIVES[x.module - 1] : 'confirm_project',
      job_title: x.poolId ? 'Découverte d’un métier en apprentissage' : 'Immersion en entreprise',
      rome_code: null,
      tutor_name: 'Tuteur de l’entreprise',
      starts_on: iso(x.starts),
      ends_on: iso(x.ends),
      hours_per_week: 35,
      prescriber_id: null,
      status: 'done' as const,
      signed_on: iso(x.starts - 3),
      validated: x.validated ?? (x.placementId ? true : null),
      outcome: x.placementId ? ('contract' as const) : ('no_follow_up' as const),
      placement_id: x.placementId ?? null,
      external_id: `EMP2009-IM${String(immersions.length + 1).padStart(4, '0')}`,
    })
  }

  // the adults first (the home-care cell, the clauses), then the young people, the scarcest first
  const adults = await readAdults(tx, s, base)
  const care = buildHomeCare(
    part('home-care'),
    adults,
    homeCarePool.id,
    homeCareSessions.map((x) => x.id),
  )
  const clauses = buildClauses(
    part('clauses'),
    adults,
    employers.slice(14, 54).map((e) => e.id),
  )
  const app = buildApprenticeship(part('apprenticeship'), apprenticeshipPool.id, immersion)
  const civis = buildCivisImmersions(part('civis-immersions'), programme.id, immersion)
  const ops = buildOperations(part('operations'), (k) => employers[k].id)

  const counts: RowCounts = {}
  counts.employer = await bulk.write('employer', employers)
  counts.candidate_pool = await bulk.write('candidate_pool', [apprenticeshipPool, homeCarePool])
  counts.pool_info_session = await bulk.write('pool_info_session', homeCareSessions)
  counts.recruitment_operation = await bulk.write('recruitment_operation', ops.operations)
  counts.operation_info_session = await bulk.write('operation_info_session', ops.sessions)
  counts.immersion_programme = await bulk.write('immersion_programme', [programme])
  counts.immersion_module = await bulk.write('immersion_module', modules)
  counts.placement = await bulk.write('placement', [
    ...app.placements,
    ...civis.placements,
    ...care.placements,
    ...ops.placements,
  ])
  counts.pool_member = await bulk.write('pool_member', [...app.members, ...care.members])
  counts.immersion = await bulk.write('immersion', immersions)
  counts.operation_application = await bulk.write('operation_application', ops.applications)
  counts.clause_operation = await bulk.write('clause_operation', clauses.operations)
  counts.clause_lot = await bulk.write('clause_lot', clauses.lots)
  counts.clause_participant = await bulk.write('clause_participant', clauses.participants)
  counts.clause_contract = await bulk.write('clause_contract', clauses.contracts)
  counts.clause_hours = await bulk.write('clause_hours', clauses.hours)
  return counts
}
