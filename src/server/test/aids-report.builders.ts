import type { Db } from '../db/database.ts'
import type { AidProjectNature } from '../modules/aids/aids.tables.ts'
import type { Fixture } from './builders.ts'

// What the aids' indicator tests need besides aids.builders.ts (a fund, a request, a payment): a counter-entry, a
// reinforced aid's contract, an indirect aid, a youth or holiday project with its holders. Written straight to the
// database: the indicators read the tables.

/** A counter-entry cancelling `paymentId` (negative amount, with its reason), on a day. */
export async function buildCounterEntry(
  db: Db,
  fx: Fixture,
  requestId: string,
  paymentId: string,
  cents: number,
  paidOn: string,
) {
  await db.kysely
    .insertInto('aid_payment')
    .values({
      structure_id: fx.structureId,
      request_id: requestId,
      amount_cents: -cents,
      mode: 'transfer',
      payee: null,
      due_on: null,
      paid_on: paidOn,
      run_id: null,
      cancels_id: paymentId,
      reason: 'Chèque perdu',
      recorded_by: null,
      external_id: null,
    })
    .execute()
}

export async function buildAidContract(
  db: Db,
  fx: Fixture,
  requestId: string,
  months: number,
  monthlyCents: number,
  startsOn: string,
) {
  await db.kysely
    .insertInto('aid_contract')
    .values({
      structure_id: fx.structureId,
      request_id: requestId,
      starts_on: startsOn,
      months,
      monthly_cents: monthlyCents,
      commitments: 'Rechercher un logement',
      signed_on: startsOn,
    })
    .execute()
}

export async function buildIndirectAid(
  db: Db,
  fx: Fixture,
  fundId: string,
  v: { spentOn: string; label: string; amountCents: number; participants?: number },
) {
  await db.kysely
    .insertInto('aid_indirect')
    .values({
      structure_id: fx.structureId,
      fund_id: fundId,
      spent_on: v.spentOn,
      label: v.label,
      amount_cents: v.amountCents,
      participants: v.participants ?? null,
      external_id: null,
    })
    .execute()
}

export interface ProjectSpec {
  nature?: AidProjectNature
  sector?: string | null
  holders?: string[]
  decision?: 'funded' | 'refused' | 'deferred' | null
  decidedOn?: string | null
  presentedOn?: string | null
  createdAt?: string
  grantedCents?: number | null
  jobs?: number | null
  siteId?: string | null
}

/** A project of a fund (economic, retail, funded on 2009-05-15 unless told) and its holders. */
export async function buildAidProject(db: Db, fx: Fixture, fundId: string, spec: ProjectSpec = {}) {
  const decision = spec.decision === undefined ? 'funded' : spec.decision
  const { id } = await db.kysely
    .insertInto('aid_project')
    .values({
      structure_id: fx.structureId,
      fund_id: fundId,
      title: 'Projet',
      form: (spec.holders?.length ?? 0) > 1 ? 'collective' : 'individual',
      nature: spec.nature ?? 'economic',
      sector: spec.sector === undefined ? ((spec.nature ?? 'economic') === 'economic' ? 'retail' : null) : spec.sector,
      site_id: spec.siteId ?? fx.sites.a,
      followed_by: null,
      budget_cents: null,
      asked_cents: null,
      commission_id: null,
      presented_on: spec.presentedOn ?? null,
      decision,
      decided_on: decision ? (spec.decidedOn ?? '2009-05-15') : null,
      granted_cents: decision === 'funded' ? (spec.grantedCents ?? 100_00) : null,
      jobs_created: spec.jobs ?? null,
      follow_up: null,
      status: decision === 'funded' ? 'funded' : decision === 'refused' ? 'refused' : 'accompanied',
      external_id: null,
      created_at: new Date(`${spec.createdAt ?? '2009-01-10'}T09:00:00Z`),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (spec.holders?.length)
    await db.kysely
      .insertInto('aid_project_holder')
      .values(spec.holders.map((person_id) => ({ structure_id: fx.structureId, project_id: id, person_id })))
      .execute()
  return id
}
