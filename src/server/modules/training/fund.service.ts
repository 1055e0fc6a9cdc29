import type { z } from 'zod'
import { formatEuros } from '../../../shared/money.ts'
import type { envelopeInput, FundYear } from '../../../shared/training/fund.schema.ts'
import { ensureUpdated } from '../../db/versioning.ts'
import { declareConstraintConflict, notFound } from '../../errors.ts'
import {
  deleteFundEnvelope,
  fundCommittedCents,
  fundYearFigures,
  insertFundEnvelope,
  listFundEnvelopes,
  lockFundEnvelopes,
  updateFundEnvelope,
} from './fund.repository.ts'
import { conflict, type TrainingCtx } from './training-ctx.ts'

// The professionalisation fund's envelopes per year and funder, and the year's figures (docs/training/fund.md).
// Allocated is recorded; committed (the validated plans' fund share), remaining and cost per hour are computed. An
// envelope is never cut below what the year's validated plans committed.

type EnvelopeInput = z.output<typeof envelopeInput>
const taken = 'Ce financeur a déjà une enveloppe du fonds pour cette année.'
declareConstraintConflict('prof_fund_envelope_year_key', taken, [{ field: 'funder', message: taken }])
const what = 'Cette enveloppe'

async function one(ctx: TrainingCtx, id: string) {
  const [row] = await listFundEnvelopes(ctx.tx, ctx.actor.structureId, { id })
  if (!row) throw notFound(what)
  return row
}
const exists = (ctx: TrainingCtx, id: string) => async () =>
  (await listFundEnvelopes(ctx.tx, ctx.actor.structureId, { id })).length > 0

export const fundEnvelopes = (ctx: TrainingCtx, year?: number) =>
  listFundEnvelopes(ctx.tx, ctx.actor.structureId, { year })

/** The fund's year: its envelopes, what validated plans commit, what is left, employees, hours, cost per hour. */
export async function fundYear(ctx: TrainingCtx, year: number): Promise<FundYear> {
  const s = ctx.actor.structureId
  const f = await fundYearFigures(ctx.tx, s, year, ctx.actor.timeZone)
  return {
    year,
    envelopes: await listFundEnvelopes(ctx.tx, s, { year }),
    ...f,
    remainingCents: f.allocatedCents - f.committedCents,
    costPerHourCents: f.hours > 0 ? Math.round(f.committedCents / f.hours) : null,
  }
}

/** Locks the years' envelope rows in one order (no deadlock with a validation under way). */
async function lockYears(ctx: TrainingCtx, years: number[]) {
  for (const y of [...new Set(years)].sort()) await lockFundEnvelopes(ctx.tx, ctx.actor.structureId, y)
}

/** After a change, each year's envelopes still cover what its plans committed (else 409; the transaction rolls back). */
async function stillCovers(ctx: TrainingCtx, years: number[]) {
  for (const year of [...new Set(years)].sort()) {
    const allocated = await lockFundEnvelopes(ctx.tx, ctx.actor.structureId, year)
    const committed = await fundCommittedCents(ctx.tx, ctx.actor.structureId, year)
    if (allocated < committed)
      throw conflict(
        'allocatedCents',
        `Les plans validés en ${year} ont déjà engagé ${formatEuros(committed)} : l’enveloppe ne peut descendre en dessous.`,
      )
  }
}

export async function createFundEnvelope(ctx: TrainingCtx, input: EnvelopeInput) {
  const id = await insertFundEnvelope(ctx.tx, ctx.actor.structureId, input)
  await ctx.audit({ action: 'create', entity: 'prof_fund_envelope', entityId: id, detail: { ...input } })
  return one(ctx, id)
}

export async function changeFundEnvelope(ctx: TrainingCtx, id: string, input: EnvelopeInput & { version: number }) {
  const { version, ...v } = input
  const before = await one(ctx, id)
  await lockYears(ctx, [before.year, v.year])
  await ensureUpdated(await updateFundEnvelope(ctx.tx, ctx.actor.structureId, id, version, v), exists(ctx, id), what)
  await stillCovers(ctx, [before.year, v.year])
  await ctx.audit({ action: 'update', entity: 'prof_fund_envelope', entityId: id, detail: { ...v } })
  return one(ctx, id)
}

export async function removeFundEnvelope(ctx: TrainingCtx, id: string, version: number) {
  const before = await one(ctx, id)
  await lockYears(ctx, [before.year])
  await ensureUpdated(await deleteFundEnvelope(ctx.tx, ctx.actor.structureId, id, version), exists(ctx, id), what)
  await stillCovers(ctx, [before.year])
  await ctx.audit({ action: 'delete', entity: 'prof_fund_envelope', entityId: id, detail: { ...before } })
}
