import type { FundingInput } from '../../../shared/plie/funding.schema.ts'
import { ensureUpdated } from '../../db/versioning.ts'
import { declareConstraintConflict, notFound } from '../../errors.ts'
import {
  deleteFunding,
  type FundingValues,
  fundingExists,
  insertFunding,
  listFunding,
  updateFunding,
} from './funding.repository.ts'
import type { PlieCtx } from './pathways.service.ts'

// The PLIE's funding operations per year and funder, programmed and realised (docs/plie.md « Funding »); the
// indicator plie.funding divides what was used by the participants in pathway.

const taken = 'Cette opération est déjà enregistrée pour ce financeur et cette année.'
declareConstraintConflict('plie_funding_operation_key', taken, [{ field: 'operation', message: taken }])

const values = (i: FundingInput): FundingValues => ({
  year: i.year,
  funder: i.funder,
  operation: i.operation,
  programmed_cents: i.programmedCents,
  realised_cents: i.realisedCents,
})
const what = 'Cette opération'

const one = async (ctx: PlieCtx, id: string) => {
  const [row] = await listFunding(ctx.tx, ctx.actor.structureId, { id })
  if (!row) throw notFound(what)
  return row
}
const exists = (ctx: PlieCtx, id: string) => () => fundingExists(ctx.tx, ctx.actor.structureId, id)

export const fundingOfYear = (ctx: PlieCtx, year: number) => listFunding(ctx.tx, ctx.actor.structureId, { year })

export async function createFunding(ctx: PlieCtx, input: FundingInput) {
  const v = values(input)
  const id = await insertFunding(ctx.tx, ctx.actor.structureId, v)
  await ctx.audit({ action: 'create', entity: 'plie_funding', entityId: id, detail: { ...v } })
  return one(ctx, id)
}

export async function changeFunding(ctx: PlieCtx, id: string, input: FundingInput & { version: number }) {
  const v = values(input)
  await ensureUpdated(await updateFunding(ctx.tx, ctx.actor.structureId, id, input.version, v), exists(ctx, id), what)
  await ctx.audit({ action: 'update', entity: 'plie_funding', entityId: id, detail: { ...v } })
  return one(ctx, id)
}

export async function removeFunding(ctx: PlieCtx, id: string, version: number) {
  const before = await one(ctx, id)
  await ensureUpdated(await deleteFunding(ctx.tx, ctx.actor.structureId, id, version), exists(ctx, id), what)
  await ctx.audit({ action: 'delete', entity: 'plie_funding', entityId: id, detail: { ...before } })
}
