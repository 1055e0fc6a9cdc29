import type { IndirectInput } from '../../../shared/aids/indirect.schema.ts'
import { ensureUpdated } from '../../db/versioning.ts'
import { notFound } from '../../errors.ts'
import { type AidsCtx, invalid, todayOf } from './aids-ctx.ts'
import { findFund } from './funds.repository.ts'
import {
  deleteIndirect,
  type IndirectValues,
  indirectExists,
  insertIndirect,
  listIndirect,
  updateIndirect,
} from './indirect.repository.ts'

// The indirect aids (docs/aids.md « Indirect aids »): an action a fund pays for without a person's request (the FIPJ's
// trainings for identified jobs), recorded by the aid officer, listed per fund and year with the year's total.

const what = 'Cette aide indirecte'

async function values(ctx: AidsCtx, i: IndirectInput): Promise<IndirectValues> {
  if (!(await findFund(ctx.tx, ctx.actor.structureId, i.fundId))) throw invalid('fundId', 'Fonds inconnu.')
  if (i.spentOn > todayOf(ctx))
    throw invalid('spentOn', 'La date de l’action ne peut pas être postérieure à aujourd’hui.')
  return {
    fund_id: i.fundId,
    spent_on: i.spentOn,
    label: i.label,
    amount_cents: i.amountCents,
    participants: i.participants,
  }
}

const one = async (ctx: AidsCtx, id: string) => {
  const [row] = await listIndirect(ctx.tx, ctx.actor.structureId, { id })
  if (!row) throw notFound(what)
  return row
}
const exists = (ctx: AidsCtx, id: string) => () => indirectExists(ctx.tx, ctx.actor.structureId, id)

export async function indirectOfYear(ctx: AidsCtx, q: { year: number; fundId?: string }) {
  const items = await listIndirect(ctx.tx, ctx.actor.structureId, q)
  return { items, totalCents: items.reduce((sum, i) => sum + i.amountCents, 0) }
}

export async function createIndirect(ctx: AidsCtx, input: IndirectInput) {
  const v = await values(ctx, input)
  const id = await insertIndirect(ctx.tx, ctx.actor.structureId, v)
  await ctx.audit({ action: 'create', entity: 'aid_indirect', entityId: id, detail: { ...v } })
  return one(ctx, id)
}

export async function changeIndirect(ctx: AidsCtx, id: string, input: IndirectInput & { version: number }) {
  if (!(await indirectExists(ctx.tx, ctx.actor.structureId, id))) throw notFound(what)
  const v = await values(ctx, input)
  await ensureUpdated(await updateIndirect(ctx.tx, ctx.actor.structureId, id, input.version, v), exists(ctx, id), what)
  await ctx.audit({ action: 'update', entity: 'aid_indirect', entityId: id, detail: { ...v } })
  return one(ctx, id)
}

export async function removeIndirect(ctx: AidsCtx, id: string, version: number) {
  const before = await one(ctx, id)
  await ensureUpdated(await deleteIndirect(ctx.tx, ctx.actor.structureId, id, version), exists(ctx, id), what)
  await ctx.audit({ action: 'delete', entity: 'aid_indirect', entityId: id, detail: { ...before } })
}
