import { sql } from 'kysely'
import type { z } from 'zod'
import type { envelopeInput } from '../../../shared/training/fund.schema.ts'
import type { Tx } from '../../deps.ts'

// The professionalisation fund's yearly envelopes and the year's figures (SQL only; docs/training/fund.md). Committed:
// the fund's share of the plans the committee validated that year (committee_date in it); a refused or cancelled plan
// commits nothing.

type EnvelopeInput = z.output<typeof envelopeInput>
const first = (year: number) => `${year}-01-01`
const last = (year: number) => `${year}-12-31`
const columns = ['id', 'year', 'funder', 'allocated_cents', 'version'] as const

export async function listFundEnvelopes(tx: Tx, structureId: string, by: { year?: number; id?: string }) {
  let q = tx
    .selectFrom('prof_fund_envelope')
    .select(columns)
    .where('structure_id', '=', structureId)
    .orderBy('year')
    .orderBy('funder')
  if (by.year !== undefined) q = q.where('year', '=', by.year)
  if (by.id !== undefined) q = q.where('id', '=', by.id)
  return (await q.execute()).map((r) => ({
    id: r.id,
    year: r.year,
    funder: r.funder,
    allocatedCents: Number(r.allocated_cents),
    version: r.version,
  }))
}

export async function insertFundEnvelope(tx: Tx, structureId: string, v: EnvelopeInput) {
  const { id } = await tx
    .insertInto('prof_fund_envelope')
    .values({
      structure_id: structureId,
      year: v.year,
      funder: v.funder,
      allocated_cents: v.allocatedCents,
      external_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export function updateFundEnvelope(tx: Tx, structureId: string, id: string, version: number, v: EnvelopeInput) {
  return tx
    .updateTable('prof_fund_envelope')
    .set({ year: v.year, funder: v.funder, allocated_cents: v.allocatedCents, version: version + 1 })
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst()
}

export function deleteFundEnvelope(tx: Tx, structureId: string, id: string, version: number) {
  return tx
    .deleteFrom('prof_fund_envelope')
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst()
}

/**
 * Locks the year's envelope rows until the transaction ends (two validations at once wait for each other, so they
 * cannot overspend together) and answers what they allocate.
 */
export async function lockFundEnvelopes(tx: Tx, structureId: string, year: number) {
  const rows = await tx
    .selectFrom('prof_fund_envelope')
    .select(['id', 'allocated_cents'])
    .where('structure_id', '=', structureId)
    .where('year', '=', year)
    .orderBy('id')
    .forUpdate()
    .execute()
  return rows.reduce((sum, r) => sum + Number(r.allocated_cents), 0)
}

/** The fund's share of the plans validated in the year (the committee's date in it). */
export async function fundCommittedCents(tx: Tx, structureId: string, year: number) {
  const r = await tx
    .selectFrom('prof_plan')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('fund_cents'), sql<number>`0`).as('cents'))
    .where('structure_id', '=', structureId)
    .where('status', '=', 'validated')
    .where('committee_date', '>=', first(year))
    .where('committee_date', '<=', last(year))
    .executeTakeFirst()
  return Number(r?.cents ?? 0)
}

/** The year's figures: allocated, committed, reimbursed, plans, employees, hours, co-funding (all in cents). */
export async function fundYearFigures(tx: Tx, structureId: string, year: number, timeZone: string) {
  const r = await sql<{
    allocated: string | number
    committed: string | number
    reimbursed: string | number
    validated: string | number
    submitted: string | number
    employees: string | number
    hours: string | number
    cofunding: string | number
    cofunders: string | number
  }>`
    WITH v AS (
      SELECT id, person_id, hours, fund_cents, reimbursed_cents FROM prof_plan
       WHERE structure_id = ${structureId} AND status = 'validated'
         AND committee_date BETWEEN ${first(year)}::date AND ${last(year)}::date
    )
    SELECT
      (SELECT coalesce(sum(allocated_cents), 0) FROM prof_fund_envelope
        WHERE structure_id = ${structureId} AND year = ${year}) AS allocated,
      (SELECT coalesce(sum(fund_cents), 0) FROM v) AS committed,
      (SELECT coalesce(sum(reimbursed_cents), 0) FROM v) AS reimbursed,
      (SELECT count(*) FROM v) AS validated,
      (SELECT count(*) FROM prof_plan WHERE structure_id = ${structureId} AND status = 'submitted'
          AND extract(year FROM created_at AT TIME ZONE ${timeZone}) = ${year}) AS submitted,
      (SELECT count(DISTINCT person_id) FROM v) AS employees,
      (SELECT coalesce(sum(hours), 0) FROM v) AS hours,
      (SELECT coalesce(sum(c.amount_cents), 0) FROM prof_plan_cofunding c JOIN v ON v.id = c.plan_id
        WHERE c.structure_id = ${structureId}) AS cofunding,
      (SELECT count(DISTINCT lower(c.cofunder)) FROM prof_plan_cofunding c JOIN v ON v.id = c.plan_id
        WHERE c.structure_id = ${structureId}) AS cofunders`.execute(tx)
  const x = r.rows[0]!
  return {
    allocatedCents: Number(x.allocated),
    committedCents: Number(x.committed),
    reimbursedCents: Number(x.reimbursed),
    plansValidated: Number(x.validated),
    plansSubmitted: Number(x.submitted),
    employees: Number(x.employees),
    hours: Number(x.hours),
    cofundingCents: Number(x.cofunding),
    cofunders: Number(x.cofunders),
  }
}
