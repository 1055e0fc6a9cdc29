import type { Db } from '../db/database.ts'
import type { CandidateStatus, ContractKind, OfferStatus } from '../modules/employment/employment.tables.ts'
import type { Fixture } from './builders.ts'

export * from './employment-programmes.builders.ts'

// Employment test data written straight to the database (the API is what the tests exercise): an employer, an offer
// broadcast to sites, a candidate, a placement with its follow-ups, a job project. Each returns { id, version }. The
// operations, pools, immersions and clauses are in employment-programmes.builders.ts, re-exported here.
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
