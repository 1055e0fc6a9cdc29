import type { EnvelopeInput } from '../../../shared/aids/funds.schema.ts'
import { formatEuros } from '../../../shared/money.ts'
import { ensureUpdated } from '../../db/versioning.ts'
import { declareConstraintConflict, notFound } from '../../errors.ts'
import { type AidsCtx, conflict } from './aids-ctx.ts'
import {
  committedCents,
  deleteEnvelope,
  envelopeFigures,
  insertEnvelope,
  listEnvelopes,
  lockEnvelopes,
  updateEnvelope,
} from './envelopes.repository.ts'
import { findFund } from './funds.repository.ts'

// A fund's envelopes per year and funder (docs/aids.md « Funds and envelopes »): allocated is recorded; committed,
// paid and remaining are computed. An envelope is never cut below what the year's decisions committed.

const taken = 'Ce financeur a déjà une enveloppe pour ce fonds et cette année.'
declareConstraintConflict('aid_envelope_funder_key', taken, [{ field: 'funder', message: taken }])
const what = 'Cette enveloppe'

async function fundOrNotFound(ctx: AidsCtx, fundId: string) {
  const fund = await findFund(ctx.tx, ctx.actor.structureId, fundId)
  if (!fund) throw notFound('Ce fonds')
  return fund
}
async function one(ctx: AidsCtx, id: string) {
  const [row] = await listEnvelopes(ctx.tx, ctx.actor.structureId, { id })
  if (!row) throw notFound(what)
  return row
}
const exists = (ctx: AidsCtx, id: string) => async () =>
  (await listEnvelopes(ctx.tx, ctx.actor.structureId, { id })).length > 0

/** The fund's year: allocated, committed, paid, remaining, and its envelopes by funder. */
export async function fundYear(ctx: AidsCtx, fundId: string, year: number) {
  await fundOrNotFound(ctx, fundId)
  return {
    ...(await envelopeFigures(ctx.tx, ctx.actor.structureId, fundId, year)),
    envelopes: await listEnvelopes(ctx.tx, ctx.actor.structureId, { fundId, year }),
  }
}

/** After a change, the year's envelopes still cover what was committed (else 409, the transaction rolls back). */
async function stillCovers(ctx: AidsCtx, fundId: string, year: number) {
  const fund = await fundOrNotFound(ctx, fundId)
  const allocated = await lockEnvelopes(ctx.tx, ctx.actor.structureId, fundId, year)
  const committed = await committedCents(ctx.tx, ctx.actor.structureId, fundId, year)
  if (allocated < committed)
    throw conflict(
      'allocatedCents',
      `Les décisions ${year} du ${fund.code} ont déjà engagé ${formatEuros(committed)} : l’enveloppe ne peut descendre en dessous.`,
    )
}

export async function createEnvelope(ctx: AidsCtx, fundId: string, input: EnvelopeInput) {
  await fundOrNotFound(ctx, fundId)
  const id = await insertEnvelope(ctx.tx, ctx.actor.structureId, fundId, input)
  await ctx.audit({ action: 'create', entity: 'aid_envelope', entityId: id, detail: { fundId, ...input } })
  return one(ctx, id)
}

export async function changeEnvelope(ctx: AidsCtx, id: string, input: EnvelopeInput & { version: number }) {
  const { version, ...v } = input
  const before = await one(ctx, id)
  // the year's rows in the order a decision locks them (no deadlock with a decision under way)
  await lockEnvelopes(ctx.tx, ctx.actor.structureId, before.fundId, before.year)
  await ensureUpdated(await updateEnvelope(ctx.tx, ctx.actor.structureId, id, version, v), exists(ctx, id), what)
  await stillCovers(ctx, before.fundId, before.year)
  await ctx.audit({ action: 'update', entity: 'aid_envelope', entityId: id, detail: { ...v } })
  return one(ctx, id)
}

export async function removeEnvelope(ctx: AidsCtx, id: string, version: number) {
  const before = await one(ctx, id)
  await lockEnvelopes(ctx.tx, ctx.actor.structureId, before.fundId, before.year)
  await ensureUpdated(await deleteEnvelope(ctx.tx, ctx.actor.structureId, id, version), exists(ctx, id), what)
  await stillCovers(ctx, before.fundId, before.year)
  await ctx.audit({ action: 'delete', entity: 'aid_envelope', entityId: id, detail: { ...before } })
}
