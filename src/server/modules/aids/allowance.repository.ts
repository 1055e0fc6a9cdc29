import { sql } from 'kysely'
import type { Tx } from '../../deps.ts'

// The SQL of the CIVIS/CEJ allowance (docs/aids.md « The CIVIS/CEJ allowance »): what a person was given or asked for a
// month and a year, the monthly payment runs and the payments they record.

/** Requests that count against a ceiling: not refused, redirected nor cancelled (the granted amount once decided). */
const counted = sql<number>`coalesce(sum(coalesce(amount_granted_cents, amount_asked_cents)), 0)::bigint`

/** What the person has on the fund for the month, and for the month's year. */
export async function allowanceTotals(tx: Tx, structureId: string, fundId: string, personId: string, month: string) {
  const year = month.slice(0, 4)
  const base = tx
    .selectFrom('aid_request')
    .where('structure_id', '=', structureId)
    .where('fund_id', '=', fundId)
    .where('person_id', '=', personId)
    .where('status', 'not in', ['refused', 'redirected', 'cancelled'])
  const [m, y] = await Promise.all([
    base.select(counted.as('cents')).where('month', '=', month).executeTakeFirst(),
    base
      .select(counted.as('cents'))
      .where('month', '>=', `${year}-01-01`)
      .where('month', '<=', `${year}-12-01`)
      .executeTakeFirst(),
  ])
  return { month: Number(m?.cents ?? 0), year: Number(y?.cents ?? 0) }
}

/** Serialises the asks of one person on one fund (the ceilings are sums over several requests). */
export async function lockPersonFund(tx: Tx, structureId: string, fundId: string, personId: string) {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`aids.allowance:${structureId}:${fundId}:${personId}`}))`.execute(
    tx,
  )
}

export async function insertRun(
  tx: Tx,
  structureId: string,
  v: { fundId: string; month: string; createdBy: string; createdAt: Date },
) {
  const { id } = await tx
    .insertInto('aid_payment_run')
    .values({
      structure_id: structureId,
      fund_id: v.fundId,
      month: v.month,
      payments: 0,
      total_cents: 0,
      created_by: v.createdBy,
      created_at: v.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export async function setRunTotals(tx: Tx, structureId: string, id: string, payments: number, totalCents: number) {
  await tx
    .updateTable('aid_payment_run')
    .set({ payments, total_cents: totalCents })
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .execute()
}

/**
 * The granted allowances of the fund and month not paid yet (no payment that was not cancelled), locked until the
 * run's transaction ends so that a payment recorded by hand meanwhile waits for it.
 */
export async function unpaidAllowances(tx: Tx, structureId: string, fundId: string, month: string) {
  return tx
    .selectFrom('aid_request as r')
    .select(['r.id', 'r.person_id', 'r.amount_granted_cents'])
    .where('r.structure_id', '=', structureId)
    .where('r.fund_id', '=', fundId)
    .where('r.month', '=', month)
    .where('r.status', 'in', ['granted', 'partly_granted'])
    .where(
      sql<boolean>`not exists (select 1 from aid_payment p where p.structure_id = r.structure_id
        and p.request_id = r.id and p.cancels_id is null and p.paid_on is not null
        and not exists (select 1 from aid_payment x where x.structure_id = p.structure_id and x.cancels_id = p.id))`,
    )
    .orderBy('r.id')
    .forUpdate()
    .execute()
}

export async function insertRunPayments(
  tx: Tx,
  structureId: string,
  v: { runId: string; paidOn: string; recordedBy: string; requests: { id: string; amountCents: number }[] },
) {
  if (!v.requests.length) return
  await tx
    .insertInto('aid_payment')
    .values(
      v.requests.map((r) => ({
        structure_id: structureId,
        request_id: r.id,
        amount_cents: r.amountCents,
        mode: 'transfer' as const,
        payee: null,
        due_on: null,
        paid_on: v.paidOn,
        run_id: v.runId,
        cancels_id: null,
        reason: null,
        recorded_by: v.recordedBy,
        external_id: null,
      })),
    )
    .execute()
}

function runQuery(tx: Tx, structureId: string, fundId: string) {
  return tx
    .selectFrom('aid_payment_run as r')
    .leftJoin('app_user as u', 'u.id', 'r.created_by')
    .select([
      'r.id',
      'r.fund_id',
      'r.month',
      'r.payments',
      'r.total_cents',
      'r.created_by',
      'u.display_name as created_by_name',
      'r.created_at',
    ])
    .where('r.structure_id', '=', structureId)
    .where('r.fund_id', '=', fundId)
}
type RunRow = Awaited<ReturnType<ReturnType<typeof runQuery>['executeTakeFirstOrThrow']>>
const presentRun = (r: RunRow) => ({
  id: r.id,
  fundId: r.fund_id,
  month: r.month,
  payments: r.payments,
  totalCents: Number(r.total_cents),
  createdBy: r.created_by,
  createdByName: r.created_by_name,
  createdAt: new Date(r.created_at).toISOString(),
})

export async function listRuns(tx: Tx, structureId: string, fundId: string, year?: number) {
  let q = runQuery(tx, structureId, fundId)
  if (year) q = q.where('r.month', '>=', `${year}-01-01`).where('r.month', '<=', `${year}-12-01`)
  return (await q.orderBy('r.month', 'desc').execute()).map(presentRun)
}

export async function getRun(tx: Tx, structureId: string, fundId: string, runId: string) {
  const r = await runQuery(tx, structureId, fundId).where('r.id', '=', runId).executeTakeFirst()
  return r && presentRun(r)
}

/** The run's payments as its file lists them: the person, the amount, the request (by name). */
export async function runLines(tx: Tx, structureId: string, runId: string) {
  const rows = await tx
    .selectFrom('aid_payment as pay')
    .innerJoin('aid_request as r', (j) =>
      j.onRef('r.structure_id', '=', 'pay.structure_id').onRef('r.id', '=', 'pay.request_id'),
    )
    .innerJoin('person as p', (j) => j.onRef('p.structure_id', '=', 'r.structure_id').onRef('p.id', '=', 'r.person_id'))
    .select(['pay.id', 'pay.amount_cents', 'r.id as request_id', 'p.last_name', 'p.first_name', 'p.birth_date'])
    .where('pay.structure_id', '=', structureId)
    .where('pay.run_id', '=', runId)
    .orderBy('p.last_name')
    .orderBy('p.first_name')
    .orderBy('pay.id')
    .execute()
  return rows.map((r) => ({
    paymentId: r.id,
    requestId: r.request_id,
    lastName: r.last_name,
    firstName: r.first_name,
    birthDate: r.birth_date,
    amountCents: Number(r.amount_cents),
  }))
}
