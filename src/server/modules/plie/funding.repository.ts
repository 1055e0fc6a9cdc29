import type { Funding } from '../../../shared/plie/funding.schema.ts'
import { funders } from '../../../shared/plie/plie.nomenclature.ts'
import type { Tx } from '../../deps.ts'
import type { PlieFunder } from './plie.tables.ts'

// The PLIE's funding operations per year and funder (SQL only; amounts in integer cents).

export interface FundingValues {
  year: number
  funder: PlieFunder
  operation: string
  programmed_cents: number
  realised_cents: number | null
}

export async function listFunding(tx: Tx, structureId: string, by: { year?: number; id?: string }): Promise<Funding[]> {
  let q = tx
    .selectFrom('plie_funding')
    .select(['id', 'year', 'funder', 'operation', 'programmed_cents', 'realised_cents', 'version'])
    .where('structure_id', '=', structureId)
    .orderBy('year')
    .orderBy('funder')
    .orderBy('operation')
  if (by.year !== undefined) q = q.where('year', '=', by.year)
  if (by.id !== undefined) q = q.where('id', '=', by.id)
  const rows = await q.execute()
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    funder: r.funder,
    funderLabel: funders.labels[r.funder],
    operation: r.operation,
    programmedCents: Number(r.programmed_cents),
    realisedCents: r.realised_cents === null ? null : Number(r.realised_cents),
    version: r.version,
  }))
}

export async function insertFunding(tx: Tx, structureId: string, v: FundingValues) {
  const { id } = await tx
    .insertInto('plie_funding')
    .values({ structure_id: structureId, ...v })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export function updateFunding(tx: Tx, structureId: string, id: string, version: number, v: FundingValues) {
  return tx
    .updateTable('plie_funding')
    .set({ ...v, version: version + 1 })
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst()
}

export function deleteFunding(tx: Tx, structureId: string, id: string, version: number) {
  return tx
    .deleteFrom('plie_funding')
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst()
}

export async function fundingExists(tx: Tx, structureId: string, id: string) {
  const row = await tx
    .selectFrom('plie_funding')
    .select('id')
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .executeTakeFirst()
  return !!row
}
