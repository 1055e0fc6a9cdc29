import { sql } from 'kysely'
import type { PlanInput, ProfPlan } from '../../../shared/training/fund.schema.ts'
import type { Tx } from '../../deps.ts'
import type { ProfPlanTable } from './training.tables.ts'

// The professionalisation plans and their co-funders (SQL only; docs/training/fund.md).

export interface PlanFilter {
  id?: string
  /** the committee's year, or the filing's year for a plan not decided yet */
  year?: number
  status?: ProfPlan['status']
  personId?: string
  timeZone: string
}

export async function listPlans(tx: Tx, structureId: string, f: PlanFilter): Promise<ProfPlan[]> {
  let q = tx
    .selectFrom('prof_plan as p')
    .innerJoin('person as pe', (j) =>
      j.onRef('pe.structure_id', '=', 'p.structure_id').onRef('pe.id', '=', 'p.person_id'),
    )
    .leftJoin('training_body as b', (j) =>
      j.onRef('b.structure_id', '=', 'p.structure_id').onRef('b.id', '=', 'p.body_id'),
    )
    .selectAll('p')
    .select(['pe.last_name', 'pe.first_name', 'b.name as catalogue_body_name'])
    .where('p.structure_id', '=', structureId)
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id')
  if (f.id !== undefined) q = q.where('p.id', '=', f.id)
  if (f.status !== undefined) q = q.where('p.status', '=', f.status)
  if (f.personId !== undefined) q = q.where('p.person_id', '=', f.personId)
  if (f.year !== undefined)
    q = q.where(
      sql<number>`extract(year FROM coalesce(p.committee_date, (p.created_at AT TIME ZONE ${f.timeZone})::date))`,
      '=',
      f.year,
    )
  const rows = await q.limit(2000).execute()
  if (rows.length === 0) return []
  const cofunding = await tx
    .selectFrom('prof_plan_cofunding')
    .select(['plan_id', 'cofunder', 'kind', 'amount_cents'])
    .where('structure_id', '=', structureId)
    .where(
      'plan_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('plan_id')
    .orderBy('position')
    .execute()
  return rows.map((r) => {
    const hours = r.hours
    const fund = Number(r.fund_cents)
    return {
      id: r.id,
      personId: r.person_id,
      personName: `${r.last_name.toUpperCase()} ${r.first_name}`,
      employerName: r.employer_name,
      employerSiret: r.employer_siret,
      contractKind: r.contract_kind,
      contractStart: r.contract_start,
      contractEnd: r.contract_end,
      trainingTitle: r.training_title,
      bodyId: r.body_id,
      bodyName: r.body_name ?? r.catalogue_body_name ?? null,
      hours,
      totalCostCents: Number(r.total_cost_cents),
      fundCents: fund,
      cofunding: cofunding
        .filter((c) => c.plan_id === r.id)
        .map((c) => ({ cofunder: c.cofunder, kind: c.kind, amountCents: Number(c.amount_cents) })),
      costPerHourCents: Math.round(fund / hours),
      status: r.status,
      committeeDate: r.committee_date,
      decisionNote: r.decision_note,
      reimbursedCents: r.reimbursed_cents === null ? null : Number(r.reimbursed_cents),
      version: r.version,
    }
  })
}

/** The plan's row, locked until the transaction ends when asked (a decision, a reimbursement). */
export function findPlanRow(tx: Tx, structureId: string, id: string, opts: { lock?: boolean } = {}) {
  const q = tx.selectFrom('prof_plan').selectAll().where('structure_id', '=', structureId).where('id', '=', id)
  return (opts.lock ? q.forUpdate() : q).executeTakeFirst()
}

const planValues = (v: PlanInput) => ({
  person_id: v.personId,
  employer_name: v.employerName,
  employer_siret: v.employerSiret,
  contract_kind: v.contractKind,
  contract_start: v.contractStart,
  contract_end: v.contractEnd,
  training_title: v.trainingTitle,
  body_id: v.bodyId,
  // the catalogue's body is named by the catalogue
  body_name: v.bodyId ? null : v.bodyName,
  hours: v.hours,
  total_cost_cents: v.totalCostCents,
  fund_cents: v.fundCents,
})

async function writeCofunding(tx: Tx, structureId: string, planId: string, v: PlanInput) {
  await tx
    .deleteFrom('prof_plan_cofunding')
    .where('structure_id', '=', structureId)
    .where('plan_id', '=', planId)
    .execute()
  if (v.cofunding.length === 0) return
  await tx
    .insertInto('prof_plan_cofunding')
    .values(
      v.cofunding.map((c, position) => ({
        structure_id: structureId,
        plan_id: planId,
        position,
        cofunder: c.cofunder,
        kind: c.kind,
        amount_cents: c.amountCents,
      })),
    )
    .execute()
}

export async function insertPlan(tx: Tx, structureId: string, userId: string, now: Date, v: PlanInput) {
  const { id } = await tx
    .insertInto('prof_plan')
    .values({ structure_id: structureId, ...planValues(v), created_by: userId, created_at: now, external_id: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  await writeCofunding(tx, structureId, id, v)
  return id
}

/** Changes a plan still awaiting the committee, at the version read (undefined: none matched). */
export async function updatePlan(tx: Tx, structureId: string, id: string, version: number, v: PlanInput) {
  const updated = await tx
    .updateTable('prof_plan')
    .set({ ...planValues(v), version: version + 1 })
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst()
  if (updated) await writeCofunding(tx, structureId, id, v)
  return updated
}

type PlanState = Partial<
  Pick<ProfPlanTable, 'committee_date' | 'decision_note' | 'decided_by' | 'reimbursed_cents'> & {
    status: ProfPlan['status']
  }
>

/** The committee's decision, a reimbursement or a cancellation, at the version read. */
export function setPlanState(tx: Tx, structureId: string, id: string, version: number, v: PlanState) {
  return tx
    .updateTable('prof_plan')
    .set({ ...v, version: version + 1 })
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst()
}

/** Whether the catalogue of the structure holds this training body. */
export async function trainingBodyExists(tx: Tx, structureId: string, id: string) {
  const r = await tx
    .selectFrom('training_body')
    .select('id')
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .executeTakeFirst()
  return r !== undefined
}
