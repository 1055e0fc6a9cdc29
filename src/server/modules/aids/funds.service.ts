import type { FundInput } from '../../../shared/aids/funds.schema.ts'
import { ensureUpdated } from '../../db/versioning.ts'
import { AppError, declareConstraintConflict, notFound } from '../../errors.ts'
import type { AidsCtx } from './aids-ctx.ts'
import { deleteFund, findFund, fundHasRequests, fundOf, insertFund, listFunds, updateFund } from './funds.repository.ts'

// The funds the admin or the director configures (docs/aids.md « Funds and envelopes »): code unique in the
// structure, deactivated rather than deleted once requests rest on it.

const taken = 'Un fonds porte déjà ce code.'
declareConstraintConflict('aid_fund_code_key', taken, [{ field: 'code', message: taken }])
const inUse = 'Ce fonds a des demandes, commissions, projets ou paiements : désactivez-le plutôt que de le supprimer.'
for (const fk of [
  'aid_request_structure_id_fund_id_fkey',
  'aid_request_structure_id_redirected_fund_id_fkey',
  'aid_commission_structure_id_fund_id_fkey',
  'aid_project_structure_id_fund_id_fkey',
  'aid_payment_run_structure_id_fund_id_fkey',
  'aid_indirect_structure_id_fund_id_fkey',
])
  declareConstraintConflict(fk, inUse)

const what = 'Ce fonds'

export async function oneFund(ctx: AidsCtx, id: string) {
  const row = await findFund(ctx.tx, ctx.actor.structureId, id)
  if (!row) throw notFound(what)
  return fundOf(row)
}
const exists = (ctx: AidsCtx, id: string) => async () => !!(await findFund(ctx.tx, ctx.actor.structureId, id))

export const fundList = async (ctx: AidsCtx, active?: boolean) =>
  (await listFunds(ctx.tx, ctx.actor.structureId, { active })).map(fundOf)

export async function createFund(ctx: AidsCtx, input: FundInput) {
  const id = await insertFund(ctx.tx, ctx.actor.structureId, input)
  await ctx.audit({ action: 'create', entity: 'aid_fund', entityId: id, detail: { ...input } })
  return oneFund(ctx, id)
}

export async function changeFund(ctx: AidsCtx, id: string, input: FundInput & { version: number }) {
  const { version, ...v } = input
  await ensureUpdated(await updateFund(ctx.tx, ctx.actor.structureId, id, version, v), exists(ctx, id), what)
  await ctx.audit({ action: 'update', entity: 'aid_fund', entityId: id, detail: { ...v } })
  return oneFund(ctx, id)
}

/** Deletes a fund no request rests on (with its envelopes); else 409: deactivate it. */
export async function removeFund(ctx: AidsCtx, id: string, version: number) {
  const before = await oneFund(ctx, id)
  if (await fundHasRequests(ctx.tx, ctx.actor.structureId, id)) throw new AppError('conflict', inUse)
  await ensureUpdated(await deleteFund(ctx.tx, ctx.actor.structureId, id, version), exists(ctx, id), what)
  await ctx.audit({ action: 'delete', entity: 'aid_fund', entityId: id, detail: { code: before.code } })
}
