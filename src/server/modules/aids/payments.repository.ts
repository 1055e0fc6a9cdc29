import { sql } from 'kysely'
import { paymentModes } from '../../../shared/aids/aids.nomenclature.ts'
import type { AidPayment } from '../../../shared/aids/payments.schema.ts'
import type { Tx } from '../../deps.ts'
import type { AidPaymentMode } from './aids.tables.ts'

// The payments of the aids (SQL only; docs/aids.md « Requests, decisions, payments »). A row is never deleted; its
// only update is a scheduled instalment being paid (paid_on, mode).

const columns = [
  'p.id',
  'p.request_id',
  'p.amount_cents',
  'p.mode',
  'p.payee',
  'p.due_on',
  'p.paid_on',
  'p.run_id',
  'p.cancels_id',
  'p.reason',
  'p.recorded_at',
] as const

const base = (tx: Tx, structureId: string) =>
  tx
    .selectFrom('aid_payment as p')
    .leftJoin('aid_payment as c', (j) =>
      j.onRef('c.structure_id', '=', 'p.structure_id').onRef('c.cancels_id', '=', 'p.id'),
    )
    .select(columns)
    .select('c.id as cancelled_by')
    .where('p.structure_id', '=', structureId)

type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>
const paymentOf = (r: Row): AidPayment => ({
  id: r.id,
  requestId: r.request_id,
  amountCents: Number(r.amount_cents),
  mode: r.mode,
  modeLabel: paymentModes.labels[r.mode],
  payee: r.payee,
  dueOn: r.due_on,
  paidOn: r.paid_on,
  runId: r.run_id,
  cancelsId: r.cancels_id,
  reason: r.reason,
  cancelledBy: r.cancelled_by,
  recordedAt: new Date(r.recorded_at).toISOString(),
})

/** The payments of these requests, in the order they were recorded. */
export async function paymentsOf(tx: Tx, structureId: string, requestIds: string[]) {
  if (!requestIds.length) return []
  const rows = await base(tx, structureId)
    .where('p.request_id', 'in', requestIds)
    .orderBy('p.recorded_at')
    .orderBy('p.id')
    .execute()
  return rows.map(paymentOf)
}

export async function findPayment(tx: Tx, structureId: string, id: string) {
  const row = await base(tx, structureId).where('p.id', '=', id).executeTakeFirst()
  return row && paymentOf(row)
}

/** Everything recorded on the request (paid, scheduled, counter-entries): what a new payment may not take past granted. */
export async function recordedCents(tx: Tx, structureId: string, requestId: string) {
  const r = await tx
    .selectFrom('aid_payment')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_cents'), sql<number>`0`).as('cents'))
    .where('structure_id', '=', structureId)
    .where('request_id', '=', requestId)
    .executeTakeFirst()
  return Number(r?.cents ?? 0)
}

export interface PaymentValues {
  request_id: string
  amount_cents: number
  mode: AidPaymentMode
  payee: string | null
  due_on: string | null
  paid_on: string | null
  cancels_id: string | null
  reason: string | null
  recorded_by: string
}

export async function insertPayment(tx: Tx, structureId: string, v: PaymentValues) {
  const { id } = await tx
    .insertInto('aid_payment')
    .values({ structure_id: structureId, ...v, run_id: null, external_id: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/** Pays a scheduled instalment not paid yet (undefined when it was paid meanwhile). */
export function payScheduled(tx: Tx, structureId: string, id: string, paidOn: string, mode: AidPaymentMode) {
  return tx
    .updateTable('aid_payment')
    .set({ paid_on: paidOn, mode })
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .where('paid_on', 'is', null)
    .returning('id')
    .executeTakeFirst()
}
