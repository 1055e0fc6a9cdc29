import { sql } from 'kysely'
import type { Envelope, EnvelopeFigures, EnvelopeInput } from '../../../shared/aids/funds.schema.ts'
import type { Tx } from '../../deps.ts'

// The funds' yearly envelopes and what was committed and paid on them (SQL only; docs/aids.md « Funds and
// envelopes »). Committed: the amounts granted by the year's decisions (requests; youth projects funded that year);
// paid: the payments of the year, counter-entries included.

const first = (year: number) => `${year}-01-01`
const last = (year: number) => `${year}-12-31`

const envelopeOf = (r: {
  id: string
  fund_id: string
  year: number
  funder: string
  allocated_cents: number
  version: number
}): Envelope => ({
  id: r.id,
  fundId: r.fund_id,
  year: r.year,
  funder: r.funder,
  allocatedCents: Number(r.allocated_cents),
  version: r.version,
})

const columns = ['id', 'fund_id', 'year', 'funder', 'allocated_cents', 'version'] as const

export async function listEnvelopes(tx: Tx, structureId: string, by: { fundId?: string; year?: number; id?: string }) {
  let q = tx
    .selectFrom('aid_envelope')
    .select(columns)
    .where('structure_id', '=', structureId)
    .orderBy('year')
    .orderBy('funder')
  if (by.fundId !== undefined) q = q.where('fund_id', '=', by.fundId)
  if (by.year !== undefined) q = q.where('year', '=', by.year)
  if (by.id !== undefined) q = q.where('id', '=', by.id)
  return (await q.execute()).map(envelopeOf)
}

export async function insertEnvelope(tx: Tx, structureId: string, fundId: string, v: EnvelopeInput) {
  const { id } = await tx
    .insertInto('aid_envelope')
    .values({
      structure_id: structureId,
      fund_id: fundId,
      year: v.year,
      funder: v.funder,
      allocated_cents: v.allocatedCents,
      external_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export function updateEnvelope(tx: Tx, structureId: string, id: string, version: number, v: EnvelopeInput) {
  return tx
    .updateTable('aid_envelope')
    .set({ year: v.year, funder: v.funder, allocated_cents: v.allocatedCents, version: version + 1 })
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning(['id', 'fund_id'])
    .executeTakeFirst()
}

export function deleteEnvelope(tx: Tx, structureId: string, id: string, version: number) {
  return tx
    .deleteFrom('aid_envelope')
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst()
}

/**
 * Locks the fund-year's envelope rows until the transaction ends (two decisions at once wait for each other, so they
 * cannot overspend together) and answers what they allocate.
 */
export async function lockEnvelopes(tx: Tx, structureId: string, fundId: string, year: number) {
  const rows = await tx
    .selectFrom('aid_envelope')
    .select(['id', 'allocated_cents'])
    .where('structure_id', '=', structureId)
    .where('fund_id', '=', fundId)
    .where('year', '=', year)
    .orderBy('id')
    .forUpdate()
    .execute()
  return rows.reduce((sum, r) => sum + Number(r.allocated_cents), 0)
}

/** The amounts granted by the fund's decisions of the year (requests granted in whole or part; projects funded). */
export async function committedCents(tx: Tx, structureId: string, fundId: string, year: number) {
  const r = await sql<{ cents: number | string | null }>`
    SELECT (
      SELECT coalesce(sum(amount_granted_cents), 0) FROM aid_request
       WHERE structure_id = ${structureId} AND fund_id = ${fundId} AND status IN ('granted', 'partly_granted')
         AND decided_on BETWEEN ${first(year)}::date AND ${last(year)}::date
    ) + (
      SELECT coalesce(sum(granted_cents), 0) FROM aid_project
       WHERE structure_id = ${structureId} AND fund_id = ${fundId} AND decision = 'funded'
         AND decided_on BETWEEN ${first(year)}::date AND ${last(year)}::date
    ) AS cents`.execute(tx)
  return Number(r.rows[0]?.cents ?? 0)
}

/** What the fund paid in the year (paid_on in it), counter-entries included. */
export async function paidCents(tx: Tx, structureId: string, fundId: string, year: number) {
  const r = await tx
    .selectFrom('aid_payment as p')
    .innerJoin('aid_request as r', (j) =>
      j.onRef('r.structure_id', '=', 'p.structure_id').onRef('r.id', '=', 'p.request_id'),
    )
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('p.amount_cents'), sql<number>`0`).as('cents'))
    .where('p.structure_id', '=', structureId)
    .where('r.fund_id', '=', fundId)
    .where('p.paid_on', '>=', first(year))
    .where('p.paid_on', '<=', last(year))
    .executeTakeFirst()
  return Number(r?.cents ?? 0)
}

export async function envelopeFigures(
  tx: Tx,
  structureId: string,
  fundId: string,
  year: number,
): Promise<EnvelopeFigures> {
  const allocated = await tx
    .selectFrom('aid_envelope')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('allocated_cents'), sql<number>`0`).as('cents'))
    .where('structure_id', '=', structureId)
    .where('fund_id', '=', fundId)
    .where('year', '=', year)
    .executeTakeFirst()
  const allocatedCents = Number(allocated?.cents ?? 0)
  const committed = await committedCents(tx, structureId, fundId, year)
  return {
    fundId,
    year,
    allocatedCents,
    committedCents: committed,
    paidCents: await paidCents(tx, structureId, fundId, year),
    remainingCents: allocatedCents - committed,
  }
}

/** Month by month of the year: committed (decisions) and paid (payments, counter-entries included). */
export async function monthlyFigures(tx: Tx, structureId: string, fundId: string, year: number) {
  const r = await sql<{ month: number; committed: number | string; paid: number | string }>`
    SELECT m AS month,
      (SELECT coalesce(sum(amount_granted_cents), 0) FROM aid_request
        WHERE structure_id = ${structureId} AND fund_id = ${fundId} AND status IN ('granted', 'partly_granted')
          AND decided_on BETWEEN ${first(year)}::date AND ${last(year)}::date
          AND extract(month FROM decided_on) = m)
      + (SELECT coalesce(sum(granted_cents), 0) FROM aid_project
        WHERE structure_id = ${structureId} AND fund_id = ${fundId} AND decision = 'funded'
          AND decided_on BETWEEN ${first(year)}::date AND ${last(year)}::date
          AND extract(month FROM decided_on) = m) AS committed,
      (SELECT coalesce(sum(p.amount_cents), 0) FROM aid_payment p
         JOIN aid_request r ON r.structure_id = p.structure_id AND r.id = p.request_id
        WHERE p.structure_id = ${structureId} AND r.fund_id = ${fundId}
          AND p.paid_on BETWEEN ${first(year)}::date AND ${last(year)}::date
          AND extract(month FROM p.paid_on) = m) AS paid
    FROM generate_series(1, 12) AS m ORDER BY m`.execute(tx)
  return r.rows.map((x) => ({
    month: `${year}-${String(x.month).padStart(2, '0')}`,
    committedCents: Number(x.committed),
    paidCents: Number(x.paid),
  }))
}
