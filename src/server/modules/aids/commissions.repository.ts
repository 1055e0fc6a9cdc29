import { sql } from 'kysely'
import type { Tx } from '../../deps.ts'

// The SQL of the aid commissions (docs/aids.md « Commissions and the reinforced aid »): a fund's commission on a date,
// its members, and its agenda: the requests whose commission_id names it (put there while complete, decided there).

export const LIST_LIMIT = 300

/** a jsonb list as the driver gives it (parsed by pg and PGlite; a string by some paths) */
export const jsonList = <T = string>(v: unknown): T[] => (typeof v === 'string' ? JSON.parse(v) : (v ?? [])) as T[]

export const personName = (r: { last_name: string; first_name: string }) =>
  `${r.last_name.toLocaleUpperCase('fr-FR')} ${r.first_name}`

export async function findFund(tx: Tx, structureId: string, id: string) {
  const r = await tx
    .selectFrom('aid_fund')
    .select(['id', 'code', 'name', 'kind', 'decided_by', 'tracks', 'payment_modes', 'active'])
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .executeTakeFirst()
  return r && { ...r, tracks: jsonList(r.tracks), paymentModes: jsonList(r.payment_modes) }
}
export type FundOfCommission = NonNullable<Awaited<ReturnType<typeof findFund>>>

/** A fund whose requests a commission decides: all of them, or those on the reinforced track. */
export const takesCommission = (f: { decided_by: string; tracks: string[] }) =>
  f.decided_by === 'commission' || f.tracks.includes('reinforced')

export async function insertCommission(
  tx: Tx,
  v: { structureId: string; fundId: string; date: string; note: string | null; createdBy: string },
) {
  const { id } = await tx
    .insertInto('aid_commission')
    .values({
      structure_id: v.structureId,
      fund_id: v.fundId,
      date: v.date,
      note: v.note,
      external_id: null,
      created_by: v.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

function summaryQuery(tx: Tx, structureId: string) {
  const count = (decided: boolean) =>
    sql<number>`(select count(*)::int from aid_request r where r.structure_id = c.structure_id
      and r.commission_id = c.id ${decided ? sql`and r.status not in ('submitted', 'complete')` : sql``})`
  return tx
    .selectFrom('aid_commission as c')
    .innerJoin('aid_fund as f', (j) => j.onRef('f.structure_id', '=', 'c.structure_id').onRef('f.id', '=', 'c.fund_id'))
    .select([
      'c.id',
      'c.fund_id',
      'f.code as fund_code',
      'f.name as fund_name',
      'c.date',
      'c.status',
      'c.note',
      'c.version',
      count(false).as('cases'),
      count(true).as('decided'),
    ])
    .where('c.structure_id', '=', structureId)
}
type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirstOrThrow']>>
const presentSummary = (r: SummaryRow) => ({
  id: r.id,
  fundId: r.fund_id,
  fundCode: r.fund_code,
  fundName: r.fund_name,
  date: r.date,
  status: r.status,
  note: r.note,
  cases: Number(r.cases ?? 0),
  decided: Number(r.decided ?? 0),
  version: r.version,
})
export type CommissionSummary = ReturnType<typeof presentSummary>

export async function getCommission(tx: Tx, structureId: string, id: string) {
  const row = await summaryQuery(tx, structureId).where('c.id', '=', id).executeTakeFirst()
  return row && presentSummary(row)
}

export async function listCommissions(tx: Tx, structureId: string, f: { from?: string; to?: string; fundId?: string }) {
  let q = summaryQuery(tx, structureId)
  if (f.from) q = q.where('c.date', '>=', f.from)
  if (f.to) q = q.where('c.date', '<=', f.to)
  if (f.fundId) q = q.where('c.fund_id', '=', f.fundId)
  const rows = await q
    .orderBy('c.date', 'desc')
    .orderBy('f.code')
    .orderBy('c.id')
    .limit(LIST_LIMIT + 1)
    .execute()
  return { items: rows.slice(0, LIST_LIMIT).map(presentSummary), truncated: rows.length > LIST_LIMIT }
}

/** Bumps the commission's version if it is still the one read; `status` closes it. */
export function bumpCommission(tx: Tx, structureId: string, id: string, version: number, status?: 'held') {
  return tx
    .updateTable('aid_commission')
    .set((eb) => ({ version: eb('version', '+', 1), ...(status ? { status } : {}) }))
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'planned')
    .returning('version')
    .executeTakeFirst()
}

export async function commissionExists(tx: Tx, structureId: string, id: string) {
  return !!(await tx
    .selectFrom('aid_commission')
    .select('id')
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .executeTakeFirst())
}

// Members ---------------------------------------------------------------------------------------------------------

export function usersOfStructure(tx: Tx, structureId: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([])
  return tx
    .selectFrom('app_user')
    .select(['id', 'display_name'])
    .where('structure_id', '=', structureId)
    .where('id', 'in', ids)
    .execute()
}

export async function replaceMembers(
  tx: Tx,
  structureId: string,
  commissionId: string,
  members: { userId: string | null; name: string; organisation: string | null; present: boolean }[],
) {
  await tx
    .deleteFrom('aid_commission_member')
    .where('structure_id', '=', structureId)
    .where('commission_id', '=', commissionId)
    .execute()
  if (members.length)
    await tx
      .insertInto('aid_commission_member')
      .values(
        members.map((m, position) => ({
          structure_id: structureId,
          commission_id: commissionId,
          position,
          user_id: m.userId,
          name: m.name,
          organisation: m.organisation,
          present: m.present,
        })),
      )
      .execute()
}

export async function listMembers(tx: Tx, structureId: string, commissionId: string) {
  const rows = await tx
    .selectFrom('aid_commission_member')
    .select(['user_id', 'name', 'organisation', 'present'])
    .where('structure_id', '=', structureId)
    .where('commission_id', '=', commissionId)
    .orderBy('position')
    .execute()
  return rows.map((r) => ({ userId: r.user_id, name: r.name, organisation: r.organisation, present: r.present }))
}

export async function structureName(tx: Tx, structureId: string) {
  const row = await tx.selectFrom('structure').select('name').where('id', '=', structureId).executeTakeFirstOrThrow()
  return row.name
}

// The agenda ------------------------------------------------------------------------------------------------------

function caseQuery(tx: Tx, structureId: string) {
  return tx
    .selectFrom('aid_request as r')
    .innerJoin('person as p', (j) => j.onRef('p.structure_id', '=', 'r.structure_id').onRef('p.id', '=', 'r.person_id'))
    .select([
      'r.id',
      'r.person_id',
      'p.last_name',
      'p.first_name',
      'p.birth_date',
      'r.track',
      'r.purpose',
      'r.amount_asked_cents',
      'r.argument',
      'r.asked_on',
      'r.status',
      'r.amount_granted_cents',
      'r.refusal_criterion',
      'r.redirected_fund_id',
      'r.decision_reason',
      'r.version',
    ])
    .where('r.structure_id', '=', structureId)
}
type CaseRow = Awaited<ReturnType<ReturnType<typeof caseQuery>['executeTakeFirstOrThrow']>>
const presentCase = (r: CaseRow) => ({
  requestId: r.id,
  personId: r.person_id,
  personName: personName(r),
  birthDate: r.birth_date,
  track: r.track,
  purpose: r.purpose,
  amountAskedCents: Number(r.amount_asked_cents),
  argument: r.argument,
  askedOn: r.asked_on,
  status: r.status,
  amountGrantedCents: r.amount_granted_cents === null ? null : Number(r.amount_granted_cents),
  refusalCriterion: r.refusal_criterion,
  redirectedFundId: r.redirected_fund_id,
  decisionReason: r.decision_reason,
  version: r.version,
})

export async function listAgenda(tx: Tx, structureId: string, commissionId: string) {
  const rows = await caseQuery(tx, structureId)
    .where('r.commission_id', '=', commissionId)
    .orderBy('r.asked_at')
    .orderBy('p.last_name')
    .orderBy('p.first_name')
    .orderBy('r.id')
    .execute()
  return rows.map(presentCase)
}

/**
 * The complete requests of the fund that wait for a commission (none yet), asked on or before `day`: every one when
 * the fund is decided by commission, else those on the reinforced track.
 */
export async function listCandidates(
  tx: Tx,
  structureId: string,
  fund: { id: string; decided_by: string },
  day: string,
  limit: number,
) {
  let q = caseQuery(tx, structureId)
    .where('r.fund_id', '=', fund.id)
    .where('r.status', '=', 'complete')
    .where('r.commission_id', 'is', null)
    .where('r.asked_on', '<=', day)
  if (fund.decided_by !== 'commission') q = q.where('r.track', '=', 'reinforced')
  const rows = await q
    .orderBy('r.asked_at')
    .orderBy('p.last_name')
    .orderBy('p.first_name')
    .orderBy('r.id')
    .limit(limit)
    .execute()
  return rows.map(presentCase)
}

/** Puts complete requests on the agenda, if still complete and on no agenda; the ones put there. */
export async function attachRequests(tx: Tx, structureId: string, commissionId: string, requestIds: string[]) {
  if (!requestIds.length) return []
  const rows = await tx
    .updateTable('aid_request')
    .set((eb) => ({ commission_id: commissionId, version: eb('version', '+', 1) }))
    .where('structure_id', '=', structureId)
    .where('id', 'in', requestIds)
    .where('status', '=', 'complete')
    .where('commission_id', 'is', null)
    .returning('id')
    .execute()
  return rows.map((r) => r.id)
}

/** Takes an undecided request off the agenda; false when it was decided (or is not on it). */
export async function detachRequest(tx: Tx, structureId: string, commissionId: string, requestId: string) {
  const row = await tx
    .updateTable('aid_request')
    .set((eb) => ({ commission_id: null, version: eb('version', '+', 1) }))
    .where('structure_id', '=', structureId)
    .where('id', '=', requestId)
    .where('commission_id', '=', commissionId)
    .where('status', 'in', ['submitted', 'complete'])
    .returning('id')
    .executeTakeFirst()
  return !!row
}

/** A request of the structure: its fund, person, track, status and commission. */
export function findRequest(tx: Tx, structureId: string, id: string) {
  return tx
    .selectFrom('aid_request')
    .select(['id', 'person_id', 'fund_id', 'track', 'status', 'commission_id', 'asked_on', 'version'])
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .executeTakeFirst()
}
