import type { z } from 'zod'
import type { allowanceAskInput } from '../../../shared/aids/allowance.schema.ts'
import { AppError, declareConstraintConflict, notFound } from '../../errors.ts'
import { type AidsCtx, conflict, invalid, todayOf } from './aids-ctx.ts'
import {
  getRun,
  insertRun,
  insertRunPayments,
  listRuns,
  runLines,
  setRunTotals,
  unpaidAllowances,
} from './allowance.repository.ts'
import { jsonList } from './commissions.repository.ts'
import { findFund } from './funds.repository.ts'
import { paymentFile, paymentFileName } from './payment-file.ts'
import { askAid } from './requests.service.ts'

// The CIVIS/CEJ allowance (docs/aids.md « The CIVIS/CEJ allowance »): a counsellor asks a month for a young person,
// within the fund's legal ceilings per month and per year (sums over the person's requests, so the asks of one person
// on one fund are serialised); the aid officer's monthly payment run pays every granted, unpaid allowance of the month
// at once and gives the payment file; one run per fund and month (aid_payment_run_month_key).

const twice = 'Les allocations de ce mois ont déjà été payées par un virement groupé.'
declareConstraintConflict('aid_payment_run_month_key', twice, [{ field: 'month', message: twice }])

const monthLabel = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`

async function allowanceFund(ctx: AidsCtx, fundId: string, field: string) {
  const fund = await findFund(ctx.tx, ctx.actor.structureId, fundId)
  if (!fund) throw field === 'fundId' ? invalid(field, 'Ce fonds n’existe pas.') : notFound('Ce fonds')
  if (fund.kind !== 'allowance')
    throw field === 'fundId'
      ? invalid(field, `Le ${fund.code} n’est pas une allocation mensuelle.`)
      : new AppError('conflict', `Le ${fund.code} n’est pas une allocation mensuelle : pas de virement groupé.`)
  return fund
}

/**
 * Asks a month of allowance: the amount is the monthly ceiling unless told; the rest is the ordinary request's
 * (requests.service.ts askAid), which keeps the person's month and year within the fund's ceilings
 * (allowance-ceilings.ts), whichever route asks.
 */
export async function askAllowance(ctx: AidsCtx, personId: string, input: z.output<typeof allowanceAskInput>) {
  const fund = await allowanceFund(ctx, input.fundId, 'fundId')
  const monthCeiling = fund.ceiling_month_cents === null ? null : Number(fund.ceiling_month_cents)
  const amount = input.amountAskedCents ?? monthCeiling
  if (amount === null) throw invalid('amountAskedCents', 'Indiquez le montant demandé.')
  const purposes = jsonList(fund.purposes)
  const tracks = jsonList(fund.tracks)
  return askAid(ctx, personId, {
    fundId: fund.id,
    track: tracks.includes('ordinary') ? 'ordinary' : ((tracks[0] ?? 'ordinary') as 'ordinary'),
    purpose: purposes.includes('allowance') ? 'allowance' : ((purposes[0] ?? 'allowance') as 'allowance'),
    amountAskedCents: amount,
    argument: input.argument,
    documents: input.documents,
    siteId: input.siteId,
    month: input.month,
    projectId: null,
  })
}

/**
 * The month's payment run: records the run (a second one for the fund and month breaks the unique key: 409 on month,
 * also when two start at once), pays each granted, unpaid allowance of the month by transfer on the structure's day,
 * and answers the payment file.
 */
export async function runPayments(ctx: AidsCtx, fundId: string, month: string) {
  const { tx, actor } = ctx
  const s = actor.structureId
  const fund = await allowanceFund(ctx, fundId, 'id')
  const day = todayOf(ctx)
  if (month > `${day.slice(0, 7)}-01`) throw invalid('month', 'Un mois à venir ne se paie pas encore.')
  const runId = await insertRun(tx, s, { fundId: fund.id, month, createdBy: actor.userId, createdAt: ctx.now })
  const due = await unpaidAllowances(tx, s, fund.id, month)
  if (!due.length) throw conflict('month', `Aucune allocation accordée et non payée pour ${monthLabel(month)}.`)
  const requests = due.map((r) => ({ id: r.id, amountCents: Number(r.amount_granted_cents) }))
  const total = requests.reduce((sum, r) => sum + r.amountCents, 0)
  await insertRunPayments(tx, s, { runId, paidOn: day, recordedBy: actor.userId, requests })
  await setRunTotals(tx, s, runId, requests.length, total)
  await ctx.audit({
    action: 'aids.payment-run.create',
    entity: 'aid_payment_run',
    entityId: runId,
    detail: { fundId: fund.id, month, payments: requests.length, totalCents: total, paidOn: day },
  })
  return { runId, ...(await fileOf(ctx, fund, month, runId)) }
}

async function fileOf(ctx: AidsCtx, fund: { code: string }, month: string, runId: string) {
  const lines = await runLines(ctx.tx, ctx.actor.structureId, runId)
  return {
    body: paymentFile(fund.code, month, lines),
    fileName: paymentFileName(fund.code, month),
    lines: lines.length,
  }
}

export async function runsOfFund(ctx: AidsCtx, fundId: string, year?: number) {
  const fund = await allowanceFund(ctx, fundId, 'id')
  return listRuns(ctx.tx, ctx.actor.structureId, fund.id, year)
}

/** The payment file of a run, again (its audit line says who downloaded it). */
export async function runFile(ctx: AidsCtx, fundId: string, runId: string) {
  const fund = await allowanceFund(ctx, fundId, 'id')
  const run = await getRun(ctx.tx, ctx.actor.structureId, fund.id, runId)
  if (!run) throw notFound('Ce virement groupé')
  const file = await fileOf(ctx, fund, run.month, run.id)
  await ctx.audit({
    action: 'aids.payment-run.file',
    entity: 'aid_payment_run',
    entityId: run.id,
    detail: { fundId: fund.id, month: run.month, lines: file.lines },
  })
  return file
}
