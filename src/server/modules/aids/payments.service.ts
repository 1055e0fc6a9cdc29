import type { AidPaymentInput } from '../../../shared/aids/payments.schema.ts'
import { frenchDate } from '../../../shared/dates.ts'
import { formatEuros } from '../../../shared/money.ts'
import { ensureUpdated } from '../../db/versioning.ts'
import { AppError, declareConstraintConflict, notFound } from '../../errors.ts'
import type { AidPaymentMode } from './aids.tables.ts'
import { type AidsCtx, conflict, invalid, todayOf } from './aids-ctx.ts'
import { findFund, list } from './funds.repository.ts'
import { findPayment, insertPayment, payScheduled, recordedCents } from './payments.repository.ts'
import { requestExists, updateRequest } from './requests.repository.ts'
import { loadRequest, requestView } from './requests.service.ts'

// Paying a granted aid (docs/aids.md « Requests, decisions, payments »): never more than granted in total; a payment
// is never edited nor deleted, a counter-entry cancels it; a scheduled instalment is paid once; the proof of use.

const twice = 'Ce paiement est déjà annulé.'
declareConstraintConflict('aid_payment_cancels_key', twice, [{ field: 'id', message: twice }])
const granted = (status: string) => status === 'granted' || status === 'partly_granted'

async function modeAllowed(ctx: AidsCtx, fundId: string, mode: AidPaymentMode) {
  const fund = (await findFund(ctx.tx, ctx.actor.structureId, fundId))!
  if (!list(fund.payment_modes).includes(mode)) throw invalid('mode', `Le ${fund.code} ne paie pas de cette façon.`)
}
function notAfterToday(ctx: AidsCtx, day: string, field: string) {
  if (day > todayOf(ctx)) throw invalid(field, 'Un paiement se date au plus tard aujourd’hui.')
}

export async function recordPayment(ctx: AidsCtx, requestId: string, input: AidPaymentInput) {
  const s = ctx.actor.structureId
  // locked: two payments at once are counted one after the other
  const request = await loadRequest(ctx, requestId, { lock: true })
  if (!granted(request.status)) throw new AppError('conflict', 'Seule une aide accordée se paie.')
  await modeAllowed(ctx, request.fund_id, input.mode)
  notAfterToday(ctx, input.paidOn, 'paidOn')
  const left = Number(request.amount_granted_cents) - (await recordedCents(ctx.tx, s, requestId))
  if (input.amountCents > left)
    throw conflict('amountCents', `Il reste ${formatEuros(Math.max(left, 0))} à payer sur cette aide.`)
  const id = await insertPayment(ctx.tx, s, {
    request_id: requestId,
    amount_cents: input.amountCents,
    mode: input.mode,
    payee: input.payee,
    due_on: null,
    paid_on: input.paidOn,
    cancels_id: null,
    reason: null,
    recorded_by: ctx.actor.userId,
  })
  await ctx.audit({
    action: 'aids.payment.create',
    entity: 'aid_payment',
    entityId: id,
    detail: { requestId, ...input },
  })
  return (await findPayment(ctx.tx, s, id))!
}

async function loadPayment(ctx: AidsCtx, id: string) {
  const payment = await findPayment(ctx.tx, ctx.actor.structureId, id)
  if (!payment) throw notFound('Ce paiement')
  await loadRequest(ctx, payment.requestId, { lock: true })
  return payment
}

/** The counter-entry: the same amount, negative, with its reason (a cancelled payment is cancelled once). */
export async function cancelPayment(ctx: AidsCtx, id: string, reason: string) {
  const payment = await loadPayment(ctx, id)
  if (payment.cancelsId) throw new AppError('conflict', 'Une contre-passation ne s’annule pas.')
  if (payment.cancelledBy) throw conflict('id', twice)
  const day = todayOf(ctx)
  const counter = await insertPayment(ctx.tx, ctx.actor.structureId, {
    request_id: payment.requestId,
    amount_cents: -payment.amountCents,
    mode: payment.mode,
    payee: payment.payee,
    due_on: payment.paidOn ? null : payment.dueOn,
    paid_on: payment.paidOn ? day : null,
    cancels_id: payment.id,
    reason,
    recorded_by: ctx.actor.userId,
  })
  await ctx.audit({
    action: 'aids.payment.cancel',
    entity: 'aid_payment',
    entityId: payment.id,
    detail: { requestId: payment.requestId, counterEntryId: counter, amountCents: payment.amountCents, reason },
  })
  return (await findPayment(ctx.tx, ctx.actor.structureId, counter))!
}

/** A scheduled instalment paid (its only update). */
export async function payInstalment(ctx: AidsCtx, id: string, paidOn: string, mode: AidPaymentMode) {
  const payment = await loadPayment(ctx, id)
  if (payment.paidOn)
    throw new AppError('conflict', `Cette échéance est déjà payée (le ${frenchDate(payment.paidOn)}).`)
  if (payment.cancelsId || payment.cancelledBy) throw new AppError('conflict', 'Cette échéance est annulée.')
  const request = await loadRequest(ctx, payment.requestId)
  await modeAllowed(ctx, request.fund_id, mode)
  notAfterToday(ctx, paidOn, 'paidOn')
  if (!(await payScheduled(ctx.tx, ctx.actor.structureId, id, paidOn, mode)))
    throw new AppError('conflict', 'Cette échéance est déjà payée.')
  await ctx.audit({ action: 'aids.payment.pay', entity: 'aid_payment', entityId: id, detail: { paidOn, mode } })
  return (await findPayment(ctx.tx, ctx.actor.structureId, id))!
}

/** The proof of use received (an aid granted). */
export async function recordProof(ctx: AidsCtx, requestId: string, receivedOn: string, version: number) {
  const request = await loadRequest(ctx, requestId)
  if (!granted(request.status)) throw new AppError('conflict', 'Un justificatif se reçoit pour une aide accordée.')
  if (receivedOn > todayOf(ctx)) throw invalid('receivedOn', 'Au plus tard aujourd’hui.')
  await ensureUpdated(
    await updateRequest(ctx.tx, ctx.actor.structureId, requestId, version, { proof_received_on: receivedOn }),
    () => requestExists(ctx.tx, ctx.actor.structureId, requestId),
    'Cette demande d’aide',
  )
  await ctx.audit({ action: 'aids.request.proof', entity: 'aid_request', entityId: requestId, detail: { receivedOn } })
  return requestView(ctx, requestId)
}
