import type { IndirectAid } from '../../../shared/aids/indirect.schema.ts'
import type { Tx } from '../../deps.ts'

// The SQL of the indirect aids (docs/aids.md « Indirect aids »): actions a fund pays for without a person's request.

export interface IndirectValues {
  fund_id: string
  spent_on: string
  label: string
  amount_cents: number
  participants: number | null
}

export async function listIndirect(
  tx: Tx,
  structureId: string,
  by: { id?: string; fundId?: string; year?: number },
): Promise<IndirectAid[]> {
  let q = tx
    .selectFrom('aid_indirect as i')
    .innerJoin('aid_fund as f', (j) => j.onRef('f.structure_id', '=', 'i.structure_id').onRef('f.id', '=', 'i.fund_id'))
    .select([
      'i.id',
      'i.fund_id',
      'f.code',
      'f.name',
      'i.spent_on',
      'i.label',
      'i.amount_cents',
      'i.participants',
      'i.version',
    ])
    .where('i.structure_id', '=', structureId)
    .orderBy('i.spent_on')
    .orderBy('f.code')
    .orderBy('i.label')
  if (by.id !== undefined) q = q.where('i.id', '=', by.id)
  if (by.fundId !== undefined) q = q.where('i.fund_id', '=', by.fundId)
  if (by.year !== undefined)
    q = q.where('i.spent_on', '>=', `${by.year}-01-01`).where('i.spent_on', '<=', `${by.year}-12-31`)
  const rows = await q.execute()
  return rows.map((r) => ({
    id: r.id,
    fundId: r.fund_id,
    fundCode: r.code,
    fundName: r.name,
    spentOn: r.spent_on,
    label: r.label,
    amountCents: Number(r.amount_cents),
    participants: r.participants,
    version: r.version,
  }))
}

export async function insertIndirect(tx: Tx, structureId: string, v: IndirectValues) {
  const { id } = await tx
    .insertInto('aid_indirect')
    .values({ structure_id: structureId, ...v, external_id: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export function updateIndirect(tx: Tx, structureId: string, id: string, version: number, v: IndirectValues) {
  return tx
    .updateTable('aid_indirect')
    .set({ ...v, version: version + 1 })
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst()
}

export function deleteIndirect(tx: Tx, structureId: string, id: string, version: number) {
  return tx
    .deleteFrom('aid_indirect')
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst()
}

export async function indirectExists(tx: Tx, structureId: string, id: string) {
  return !!(await tx
    .selectFrom('aid_indirect')
    .select('id')
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .executeTakeFirst())
}
