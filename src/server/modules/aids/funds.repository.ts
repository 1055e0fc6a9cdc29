import { type Selectable, sql } from 'kysely'
import { fundKinds } from '../../../shared/aids/aids.nomenclature.ts'
import type { Fund, FundInput } from '../../../shared/aids/funds.schema.ts'
import type { Tx } from '../../deps.ts'
import type { AidFundTable } from './aids.tables.ts'

// The funds (SQL only; docs/aids.md « Funds and envelopes »). The lists a fund configures are jsonb arrays.

export type FundRow = Selectable<AidFundTable>

const json = <T>(v: T[]) => sql<T[]>`${JSON.stringify(v)}::jsonb`
/** a jsonb list as the driver gives it (parsed already by pg and PGlite; a string by some paths) */
export const list = <T = string>(v: unknown): T[] => (typeof v === 'string' ? JSON.parse(v) : (v ?? [])) as T[]
const values = (i: FundInput) => ({
  code: i.code,
  name: i.name,
  kind: i.kind,
  funder: i.funder,
  decided_by: i.decidedBy,
  programme_types: json(i.programmeTypes),
  min_age: i.minAge,
  max_age: i.maxAge,
  communes: json(i.communes),
  purposes: json(i.purposes),
  tracks: json(i.tracks),
  payment_modes: json(i.paymentModes),
  documents: json(i.documents),
  ceiling_request_cents: i.ceilingRequestCents,
  ceiling_person_year_cents: i.ceilingPersonYearCents,
  ceiling_month_cents: i.ceilingMonthCents,
  fixed_amount_cents: i.fixedAmountCents,
  opens_on: i.opensOn,
  closes_on: i.closesOn,
  active: i.active,
})

export const fundOf = (r: FundRow): Fund => ({
  id: r.id,
  code: r.code,
  name: r.name,
  kind: r.kind,
  kindLabel: fundKinds.labels[r.kind],
  funder: r.funder,
  decidedBy: r.decided_by,
  programmeTypes: list(r.programme_types),
  minAge: r.min_age,
  maxAge: r.max_age,
  communes: list(r.communes),
  purposes: list(r.purposes),
  tracks: list(r.tracks),
  paymentModes: list(r.payment_modes),
  documents: list(r.documents),
  ceilingRequestCents: r.ceiling_request_cents === null ? null : Number(r.ceiling_request_cents),
  ceilingPersonYearCents: r.ceiling_person_year_cents === null ? null : Number(r.ceiling_person_year_cents),
  ceilingMonthCents: r.ceiling_month_cents === null ? null : Number(r.ceiling_month_cents),
  fixedAmountCents: r.fixed_amount_cents === null ? null : Number(r.fixed_amount_cents),
  opensOn: r.opens_on,
  closesOn: r.closes_on,
  active: r.active,
  version: r.version,
})

export function listFunds(tx: Tx, structureId: string, by: { active?: boolean } = {}) {
  let q = tx.selectFrom('aid_fund').selectAll().where('structure_id', '=', structureId).orderBy('code')
  if (by.active !== undefined) q = q.where('active', '=', by.active)
  return q.execute()
}

export function findFund(tx: Tx, structureId: string, id: string) {
  return tx
    .selectFrom('aid_fund')
    .selectAll()
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .executeTakeFirst()
}

export async function insertFund(tx: Tx, structureId: string, i: FundInput) {
  const { id } = await tx
    .insertInto('aid_fund')
    .values({ structure_id: structureId, external_id: null, ...values(i) })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export function updateFund(tx: Tx, structureId: string, id: string, version: number, i: FundInput) {
  return tx
    .updateTable('aid_fund')
    .set({ ...values(i), version: version + 1 })
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst()
}

/** Deletes a fund and its envelopes (the caller has checked it has no request). */
export async function deleteFund(tx: Tx, structureId: string, id: string, version: number) {
  const fund = await tx
    .selectFrom('aid_fund')
    .select('id')
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .where('version', '=', version)
    .forUpdate()
    .executeTakeFirst()
  if (!fund) return undefined
  await tx.deleteFrom('aid_envelope').where('structure_id', '=', structureId).where('fund_id', '=', id).execute()
  return tx
    .deleteFrom('aid_fund')
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst()
}

export async function fundHasRequests(tx: Tx, structureId: string, id: string) {
  const row = await tx
    .selectFrom('aid_request')
    .select('id')
    .where('structure_id', '=', structureId)
    .where((eb) => eb.or([eb('fund_id', '=', id), eb('redirected_fund_id', '=', id)]))
    .limit(1)
    .executeTakeFirst()
  return !!row
}
