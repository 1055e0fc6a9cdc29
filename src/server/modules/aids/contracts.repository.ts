import { sql } from 'kysely'
import type { Tx } from '../../deps.ts'
import type { AidPaymentMode } from './aids.tables.ts'
import { jsonList } from './commissions.repository.ts'

// The SQL of the reinforced aid's contract (docs/aids.md « Commissions and the reinforced aid »): the contract of a
// granted request and its instalments, which are aid_payment rows scheduled (due_on) and not yet paid (paid_on null).

/** The request a contract is for, with what its document prints: the person, the referent, the fund, the commission. */
export async function contractRequest(tx: Tx, structureId: string, requestId: string) {
  const r = await tx
    .selectFrom('aid_request as r')
    .innerJoin('person as p', (j) => j.onRef('p.structure_id', '=', 'r.structure_id').onRef('p.id', '=', 'r.person_id'))
    .innerJoin('aid_fund as f', (j) => j.onRef('f.structure_id', '=', 'r.structure_id').onRef('f.id', '=', 'r.fund_id'))
    .leftJoin('app_user as u', 'u.id', 'p.referent_id')
    .leftJoin('aid_commission as c', (j) =>
      j.onRef('c.structure_id', '=', 'r.structure_id').onRef('c.id', '=', 'r.commission_id'),
    )
    .select([
      'r.id',
      'r.person_id',
      'r.track',
      'r.status',
      'r.purpose',
      'r.amount_granted_cents',
      'r.decided_on',
      'p.last_name',
      'p.first_name',
      'p.birth_date',
      'u.display_name as referent_name',
      'f.code as fund_code',
      'f.name as fund_name',
      'f.payment_modes',
      'c.date as commission_date',
    ])
    .where('r.structure_id', '=', structureId)
    .where('r.id', '=', requestId)
    .executeTakeFirst()
  return r && { ...r, paymentModes: jsonList<AidPaymentMode>(r.payment_modes) }
}
export type ContractRequest = NonNullable<Awaited<ReturnType<typeof contractRequest>>>

export function findContract(tx: Tx, structureId: string, requestId: string) {
  return tx
    .selectFrom('aid_contract')
    .selectAll()
    .where('structure_id', '=', structureId)
    .where('request_id', '=', requestId)
    .executeTakeFirst()
}

export async function insertContract(
  tx: Tx,
  structureId: string,
  v: { requestId: string; startsOn: string; months: number; monthlyCents: number; commitments: string },
) {
  const { id } = await tx
    .insertInto('aid_contract')
    .values({
      structure_id: structureId,
      request_id: v.requestId,
      starts_on: v.startsOn,
      months: v.months,
      monthly_cents: v.monthlyCents,
      commitments: v.commitments,
      signed_on: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/** Schedules the instalments: one payment row a month, due, not paid. */
export async function scheduleInstalments(
  tx: Tx,
  structureId: string,
  v: { requestId: string; dues: string[]; amountCents: number; mode: AidPaymentMode; recordedBy: string },
) {
  await tx
    .insertInto('aid_payment')
    .values(
      v.dues.map((due) => ({
        structure_id: structureId,
        request_id: v.requestId,
        amount_cents: v.amountCents,
        mode: v.mode,
        payee: null,
        due_on: due,
        paid_on: null,
        run_id: null,
        cancels_id: null,
        reason: null,
        recorded_by: v.recordedBy,
        external_id: null,
      })),
    )
    .execute()
}

export function signContract(tx: Tx, structureId: string, id: string, version: number, signedOn: string) {
  return tx
    .updateTable('aid_contract')
    .set((eb) => ({ signed_on: signedOn, version: eb('version', '+', 1) }))
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst()
}

/** The scheduled instalments of a request (paid since or not), in order, each with whether it was cancelled. */
export async function listInstalments(tx: Tx, structureId: string, requestId: string) {
  const rows = await tx
    .selectFrom('aid_payment as p')
    .select([
      'p.id',
      'p.amount_cents',
      'p.due_on',
      'p.paid_on',
      sql<boolean>`exists (select 1 from aid_payment x where x.structure_id = p.structure_id
        and x.cancels_id = p.id)`.as('cancelled'),
    ])
    .where('p.structure_id', '=', structureId)
    .where('p.request_id', '=', requestId)
    .where('p.due_on', 'is not', null)
    .where('p.cancels_id', 'is', null)
    .orderBy('p.due_on')
    .orderBy('p.id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    amountCents: Number(r.amount_cents),
    dueOn: r.due_on,
    paidOn: r.paid_on,
    cancelled: !!r.cancelled,
  }))
}
