import type { Db } from '../db/database.ts'
import type {
  ApplicationSource,
  ClauseCriterion,
  ContractKind,
  ImmersionObjective,
  ImmersionStatus,
  PoolKind,
} from '../modules/employment/employment.tables.ts'
import type { Fixture } from './builders.ts'

// Employment test data of the department's programmes, written straight to the database (the API is what the tests
// exercise): a recruitment operation and its applications, a pool and its members, an immersion programme and an
// immersion, a clause operation, lot, participant, contract and hours. Each returns { id, version }. Re-exported by
// employment.builders.ts, which holds the employers, offers, candidates and placements.
let seq = 0

export async function buildOperation(
  db: Db,
  fx: Fixture,
  employerId: string,
  spec: { title?: string; positions?: number; startsOn?: string; endsOn?: string | null } = {},
) {
  const n = ++seq
  return db.kysely
    .insertInto('recruitment_operation')
    .values({
      structure_id: fx.structureId,
      employer_id: employerId,
      title: spec.title ?? `Opération ${n}`,
      sector: null,
      positions: spec.positions ?? 10,
      profile: null,
      method: null,
      partners: null,
      starts_on: spec.startsOn ?? '2026-01-01',
      ends_on: spec.endsOn ?? null,
      officer_id: null,
      external_id: null,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow()
}

/** An information session of an operation, on 10/03/2026 in « Salle 1 », with this many places (none: no limit). */
export async function buildOperationSession(db: Db, fx: Fixture, operationId: string, capacity: number | null = null) {
  return db.kysely
    .insertInto('operation_info_session')
    .values({
      structure_id: fx.structureId,
      operation_id: operationId,
      at: new Date('2026-03-10T08:00:00Z'),
      place: 'Salle 1',
      capacity,
      external_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

export async function buildApplication(
  db: Db,
  fx: Fixture,
  operationId: string,
  spec: {
    personId?: string | null
    source?: ApplicationSource
    receivedOn?: string
    infoSessionId?: string | null
    attended?: boolean | null
    interviewedOn?: string | null
    outcome?: 'hired' | 'not_retained' | 'withdrawn' | null
    communeCode?: string | null
  } = {},
) {
  const n = ++seq
  return db.kysely
    .insertInto('operation_application')
    .values({
      structure_id: fx.structureId,
      operation_id: operationId,
      person_id: spec.personId ?? null,
      last_name: spec.personId ? null : `Candidat${n}`,
      first_name: spec.personId ? null : 'Alex',
      commune_code: spec.communeCode ?? '59183',
      commune_name: null,
      source: spec.source ?? 'network',
      received_on: spec.receivedOn ?? '2026-01-10',
      info_session_id: spec.infoSessionId ?? null,
      attended: spec.attended ?? null,
      test_result: null,
      interviewed_on: spec.interviewedOn ?? null,
      outcome: spec.outcome ?? null,
      placement_id: null,
      sent_by: null,
      external_id: null,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow()
}

export async function buildPool(db: Db, fx: Fixture, spec: { name?: string; kind?: PoolKind; startsOn?: string } = {}) {
  const n = ++seq
  return db.kysely
    .insertInto('candidate_pool')
    .values({
      structure_id: fx.structureId,
      name: spec.name ?? `Vivier ${n}`,
      kind: spec.kind ?? 'sector',
      sector: null,
      eligibility: null,
      starts_on: spec.startsOn ?? '2026-01-01',
      ends_on: null,
      officer_id: null,
      external_id: null,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow()
}

export async function buildPoolMember(
  db: Db,
  fx: Fixture,
  poolId: string,
  personId: string,
  spec: { positionedOn?: string; interviewedOn?: string | null; joinedOn?: string | null } = {},
) {
  return db.kysely
    .insertInto('pool_member')
    .values({
      structure_id: fx.structureId,
      pool_id: poolId,
      person_id: personId,
      positioned_on: spec.positionedOn ?? '2026-01-05',
      positioned_by: null,
      info_session_id: null,
      interviewed_on: spec.interviewedOn ?? null,
      joined_on: spec.joinedOn ?? null,
      left_on: null,
      left_reason: null,
      external_id: null,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow()
}

/** a programme with its modules (1: discover, 2: confirm the project, 3: recruitment, by default) */
export async function buildImmersionProgramme(db: Db, fx: Fixture, spec: { name?: string; modules?: number } = {}) {
  const n = ++seq
  const row = await db.kysely
    .insertInto('immersion_programme')
    .values({ structure_id: fx.structureId, name: spec.name ?? `Programme ${n}`, external_id: null })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow()
  const objectives: ImmersionObjective[] = ['discover', 'confirm_project', 'recruitment']
  for (let m = 1; m <= (spec.modules ?? 3); m++)
    await db.kysely
      .insertInto('immersion_module')
      .values({
        structure_id: fx.structureId,
        programme_id: row.id,
        number: m,
        label: `Module ${m}`,
        objective: objectives[Math.min(m, 3) - 1],
      })
      .execute()
  return row
}

export interface ImmersionSpec {
  startsOn?: string
  endsOn?: string
  status?: ImmersionStatus
  programmeId?: string | null
  moduleNumber?: number | null
  poolId?: string | null
  validated?: boolean | null
  outcome?: 'contract' | 'training' | 'no_follow_up' | 'other' | null
  placementId?: string | null
  prescriberId?: string | null
}

export async function buildImmersion(
  db: Db,
  fx: Fixture,
  personId: string,
  employerId: string,
  spec: ImmersionSpec = {},
) {
  return db.kysely
    .insertInto('immersion')
    .values({
      structure_id: fx.structureId,
      person_id: personId,
      employer_id: employerId,
      programme_id: spec.programmeId ?? null,
      module_number: spec.moduleNumber ?? null,
      pool_id: spec.poolId ?? null,
      objective: 'discover',
      job_title: 'Vendeur',
      rome_code: 'D1106',
      activities: null,
      skills_observed: null,
      place: null,
      tutor_name: 'Camille Tuteur',
      tutor_job_title: null,
      tutor_phone: null,
      tutor_email: null,
      starts_on: spec.startsOn ?? '2026-02-02',
      ends_on: spec.endsOn ?? '2026-02-13',
      hours_per_week: 35,
      schedule: null,
      prescriber_id: spec.prescriberId ?? null,
      status: spec.status ?? 'signed',
      signed_on: null,
      validated: spec.validated ?? null,
      assessment: null,
      outcome: spec.outcome ?? null,
      placement_id: spec.placementId ?? null,
      external_id: null,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow()
}

export async function buildClauseOperation(db: Db, fx: Fixture, spec: { name?: string; siteLabel?: string } = {}) {
  const n = ++seq
  return db.kysely
    .insertInto('clause_operation')
    .values({
      structure_id: fx.structureId,
      name: spec.name ?? `Opération clause ${n}`,
      contracting_authority: 'Communauté urbaine',
      contract_ref: `M-${n}`,
      site_label: spec.siteLabel ?? `Chantier ${n}`,
      commune_code: '59183',
      commune_name: 'Dunkerque',
      starts_on: '2026-01-01',
      ends_on: null,
      facilitator_id: null,
      external_id: null,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow()
}

export async function buildClauseLot(
  db: Db,
  fx: Fixture,
  operationId: string,
  spec: { employerId?: string | null; requiredHours?: number; label?: string } = {},
) {
  const n = ++seq
  return db.kysely
    .insertInto('clause_lot')
    .values({
      structure_id: fx.structureId,
      operation_id: operationId,
      label: spec.label ?? `Lot ${n}`,
      employer_id: spec.employerId ?? null,
      required_hours: spec.requiredHours ?? 1000,
      external_id: null,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow()
}

export async function buildClauseParticipant(
  db: Db,
  fx: Fixture,
  personId: string,
  spec: { criterion?: ClauseCriterion; validatedOn?: string } = {},
) {
  return db.kysely
    .insertInto('clause_participant')
    .values({
      structure_id: fx.structureId,
      person_id: personId,
      criterion: spec.criterion ?? 'long_term_job_seeker',
      validated_on: spec.validatedOn ?? '2026-01-02',
      validated_by: null,
      external_id: null,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow()
}

export async function buildClauseContract(
  db: Db,
  fx: Fixture,
  lotId: string,
  personId: string,
  spec: { contractKind?: ContractKind; startsOn?: string; durationMonths?: number | null } = {},
) {
  return db.kysely
    .insertInto('clause_contract')
    .values({
      structure_id: fx.structureId,
      lot_id: lotId,
      person_id: personId,
      contract_kind: spec.contractKind ?? 'cdd',
      starts_on: spec.startsOn ?? '2026-01-05',
      duration_months: spec.durationMonths === undefined ? 6 : spec.durationMonths,
      placement_id: null,
      external_id: null,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow()
}

export async function buildClauseHours(
  db: Db,
  fx: Fixture,
  lotId: string,
  personId: string,
  month: string,
  hours: number,
) {
  return db.kysely
    .insertInto('clause_hours')
    .values({
      structure_id: fx.structureId,
      lot_id: lotId,
      person_id: personId,
      month,
      hours,
      statement_id: null,
      recorded_by: null,
      external_id: null,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow()
}
