import type { Db } from '../db/database.ts'
import type {
  ApplicationSource,
  CandidateStatus,
  ClauseCriterion,
  ContractKind,
  ImmersionObjective,
  ImmersionStatus,
  OfferStatus,
  PoolKind,
} from '../modules/employment/employment.tables.ts'
import type { Fixture } from './builders.ts'

// Employment test data written straight to the database (the API is what the tests exercise): an employer, an offer
// broadcast to sites, a candidate, a placement with its follow-ups, a job project, an operation and its applications,
// a pool and its members, an immersion programme and an immersion, a clause operation, lot, participant, contract and
// hours. Each returns { id, version }.
let seq = 0

/** a valid SIRET (Luhn) different for each n */
export function testSiret(n: number): string {
  const base = String(40_000_000_000_00 + n).padStart(13, '0')
  for (let d = 0; d <= 9; d++) {
    const s = base + d
    let sum = 0
    for (let i = 0; i < 14; i++) {
      let x = s.charCodeAt(13 - i) - 48
      if (i % 2 === 1) {
        x *= 2
        if (x > 9) x -= 9
      }
      sum += x
    }
    if (sum % 10 === 0) return s
  }
  throw new Error('unreachable')
}

export async function buildEmployer(db: Db, fx: Fixture, spec: { name?: string; nafCode?: string | null } = {}) {
  const n = ++seq
  return db.kysely
    .insertInto('employer')
    .values({
      structure_id: fx.structureId,
      name: spec.name ?? `Entreprise ${n}`,
      siret: testSiret(n),
      naf_code: spec.nafCode === undefined ? '47.11F' : spec.nafCode,
      legal_form: '5710',
      workforce_band: '12',
      address: `${n} rue du Port`,
      postcode: '59140',
      commune_code: '59183',
      commune_name: 'Dunkerque',
      phone: null,
      email: null,
      note: null,
      officer_id: null,
      external_id: null,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow()
}

export interface OfferSpec {
  title?: string
  romeCode?: string | null
  contractKind?: ContractKind
  durationMonths?: number | null
  positions?: number
  status?: OfferStatus
  siteIds?: string[]
  communeCode?: string | null
  level2019?: number | null
  drivingLicenceRequired?: boolean
  officerId?: string | null
  closesOn?: string | null
}

export async function buildOffer(db: Db, fx: Fixture, employerId: string, spec: OfferSpec = {}) {
  const n = ++seq
  const row = await db.kysely
    .insertInto('job_offer')
    .values({
      structure_id: fx.structureId,
      employer_id: employerId,
      title: spec.title ?? `Poste ${n}`,
      rome_code: spec.romeCode === undefined ? 'D1106' : spec.romeCode,
      contract_kind: spec.contractKind ?? 'cdd',
      duration_months: spec.durationMonths === undefined ? 6 : spec.durationMonths,
      hours_per_week: 35,
      positions: spec.positions ?? 1,
      place: null,
      postcode: '59140',
      commune_code: spec.communeCode === undefined ? '59183' : spec.communeCode,
      commune_name: 'Dunkerque',
      level_2019: spec.level2019 ?? null,
      driving_licence_required: spec.drivingLicenceRequired ?? false,
      experience_months: null,
      requirements: null,
      description: null,
      starts_on: null,
      closes_on: spec.closesOn ?? null,
      status: spec.status ?? 'open',
      officer_id: spec.officerId ?? null,
      contact_id: null,
      external_id: null,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow()
  const siteIds = spec.siteIds ?? [fx.sites.a]
  if (siteIds.length)
    await db.kysely
      .insertInto('job_offer_site')
      .values(siteIds.map((site_id) => ({ structure_id: fx.structureId, offer_id: row.id, site_id })))
      .execute()
  return row
}

export async function buildJobProject(
  db: Db,
  fx: Fixture,
  personId: string,
  spec: { romeCode?: string; availableFrom?: string | null; active?: boolean } = {},
) {
  return db.kysely
    .insertInto('job_project')
    .values({
      structure_id: fx.structureId,
      person_id: personId,
      rome_code: spec.romeCode ?? 'D1106',
      label: null,
      max_distance_km: 20,
      available_from: spec.availableFrom ?? null,
      active: spec.active ?? true,
      created_by: null,
      external_id: null,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow()
}

export async function buildCandidate(
  db: Db,
  fx: Fixture,
  offerId: string,
  personId: string,
  spec: { status?: CandidateStatus; positionedBy?: string | null; positionedAt?: Date; placementId?: string } = {},
) {
  const status = spec.status ?? 'proposed'
  return db.kysely
    .insertInto('offer_candidate')
    .values({
      structure_id: fx.structureId,
      offer_id: offerId,
      person_id: personId,
      status,
      refusal_reason: status === 'refused' ? 'profile' : null,
      note: null,
      positioned_by: spec.positionedBy ?? null,
      positioned_at: spec.positionedAt ?? new Date(),
      interview_on: null,
      placement_id: spec.placementId ?? null,
      external_id: null,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow()
}

export interface PlacementSpec {
  contractKind?: ContractKind
  startDate?: string
  durationMonths?: number | null
  offerId?: string | null
  operationId?: string | null
  poolId?: string | null
  situationId?: string | null
  /** write the 1-, 3- and 6-month follow-ups, due from the start date */
  followUps?: boolean
}

export async function buildPlacement(
  db: Db,
  fx: Fixture,
  personId: string,
  employerId: string,
  spec: PlacementSpec = {},
) {
  const startDate = spec.startDate ?? '2026-01-05'
  const row = await db.kysely
    .insertInto('placement')
    .values({
      structure_id: fx.structureId,
      person_id: personId,
      employer_id: employerId,
      offer_id: spec.offerId ?? null,
      operation_id: spec.operationId ?? null,
      pool_id: spec.poolId ?? null,
      contract_kind: spec.contractKind ?? 'cdd',
      job_title: null,
      rome_code: null,
      start_date: startDate,
      duration_months: spec.durationMonths === undefined ? 6 : spec.durationMonths,
      hours_per_week: null,
      situation_id: spec.situationId ?? null,
      officer_id: null,
      external_id: null,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow()
  if (spec.followUps)
    for (const m of [1, 3, 6]) {
      const d = new Date(`${startDate}T00:00:00Z`)
      d.setUTCMonth(d.getUTCMonth() + m)
      await db.kysely
        .insertInto('placement_follow_up')
        .values({
          structure_id: fx.structureId,
          placement_id: row.id,
          milestone_months: m,
          due_on: d.toISOString().slice(0, 10),
          done_on: null,
          outcome: null,
          note: null,
          done_by: null,
        })
        .execute()
    }
  return row
}

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
