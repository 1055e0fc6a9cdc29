import type { z } from 'zod'
import type { Contract, contractInput, contractSignInput } from '../../../shared/aids/commissions.schema.ts'
import { addMonths, frenchDate } from '../../../shared/dates.ts'
import { formatEuros } from '../../../shared/money.ts'
import { ensureUpdated } from '../../db/versioning.ts'
import { AppError, declareConstraintConflict, notFound } from '../../errors.ts'
import { type AidsCtx, ensureRequestInScope, invalid, todayOf } from './aids-ctx.ts'
import {
  type ContractRequest,
  contractRequest,
  findContract,
  insertContract,
  listInstalments,
  scheduleInstalments,
  signContract,
} from './contracts.repository.ts'

// The reinforced aid's contract (docs/aids.md « Commissions and the reinforced aid »): on a granted request of the
// reinforced track, months × monthly amount within the amount granted, the young person's commitments, a start; its
// instalments scheduled as payments due each month (paid by the payment route, decisions' side); printed for
// signature (contract-pdf.ts), then its signature day recorded.

const taken = 'Cette aide renforcée a déjà son contrat.'
declareConstraintConflict('aid_contract_request_key', taken)

/** The request, in the actor's scope (404 otherwise). */
export async function loadContractRequest(ctx: AidsCtx, requestId: string): Promise<ContractRequest> {
  const r = await contractRequest(ctx.tx, ctx.actor.structureId, requestId)
  if (!r) throw notFound('Cette demande d’aide')
  await ensureRequestInScope(ctx, r.person_id)
  return r
}

export async function readContract(ctx: AidsCtx, requestId: string): Promise<Contract> {
  const r = await loadContractRequest(ctx, requestId)
  const c = await findContract(ctx.tx, ctx.actor.structureId, r.id)
  if (!c) throw notFound('Le contrat de cette aide')
  const monthly = Number(c.monthly_cents)
  return {
    id: c.id,
    requestId: r.id,
    personId: r.person_id,
    startsOn: c.starts_on,
    months: c.months,
    monthlyCents: monthly,
    totalCents: monthly * c.months,
    amountGrantedCents: Number(r.amount_granted_cents ?? 0),
    commitments: c.commitments,
    signedOn: c.signed_on,
    instalments: await listInstalments(ctx.tx, ctx.actor.structureId, r.id),
    version: c.version,
  }
}

/** The instalments' due days: the start, then the same day of each following month. */
export const dueDays = (startsOn: string, months: number) =>
  Array.from({ length: months }, (_, i) => addMonths(startsOn, i))

export async function createContract(ctx: AidsCtx, requestId: string, input: z.output<typeof contractInput>) {
  const { tx, actor } = ctx
  const r = await loadContractRequest(ctx, requestId)
  if (r.track !== 'reinforced')
    throw new AppError('conflict', 'Seule une aide renforcée est assortie d’un contrat.', [
      { field: 'requestId', message: 'Aide hors voie renforcée.' },
    ])
  if (r.status !== 'granted' && r.status !== 'partly_granted')
    throw new AppError('conflict', 'Le contrat suit l’accord de l’aide : cette demande n’est pas accordée.', [
      { field: 'requestId', message: 'Aide non accordée.' },
    ])
  const granted = Number(r.amount_granted_cents)
  const total = input.months * input.monthlyCents
  if (total > granted)
    throw invalid(
      'monthlyCents',
      `${input.months} mois × ${formatEuros(input.monthlyCents)} = ${formatEuros(total)} dépasse le montant accordé (${formatEuros(granted)}).`,
    )
  if (r.decided_on && input.startsOn < r.decided_on)
    throw invalid('startsOn', `Le contrat commence au plus tôt le jour de la décision (${frenchDate(r.decided_on)}).`)
  if (await findContract(tx, actor.structureId, r.id)) throw new AppError('conflict', taken)
  const id = await insertContract(tx, actor.structureId, { requestId: r.id, ...input })
  const dues = dueDays(input.startsOn, input.months)
  const mode = r.paymentModes.includes('transfer') ? 'transfer' : (r.paymentModes[0] ?? 'transfer')
  await scheduleInstalments(tx, actor.structureId, {
    requestId: r.id,
    dues,
    amountCents: input.monthlyCents,
    mode,
    recordedBy: actor.userId,
  })
  await ctx.audit({
    action: 'aids.contract.create',
    entity: 'aid_contract',
    entityId: id,
    detail: { requestId: r.id, personId: r.person_id, ...input, commitments: undefined, mode, instalments: dues },
  })
  return readContract(ctx, r.id)
}

export async function recordSignature(ctx: AidsCtx, requestId: string, input: z.output<typeof contractSignInput>) {
  const { tx, actor } = ctx
  const r = await loadContractRequest(ctx, requestId)
  const c = await findContract(tx, actor.structureId, r.id)
  if (!c) throw notFound('Le contrat de cette aide')
  if (input.signedOn > todayOf(ctx)) throw invalid('signedOn', 'La signature ne peut être datée d’un jour à venir.')
  if (r.decided_on && input.signedOn < r.decided_on)
    throw invalid('signedOn', `Le contrat se signe après la décision du ${frenchDate(r.decided_on)}.`)
  await ensureUpdated(
    await signContract(tx, actor.structureId, c.id, input.version, input.signedOn),
    async () => true,
    'Ce contrat',
  )
  await ctx.audit({
    action: 'aids.contract.sign',
    entity: 'aid_contract',
    entityId: c.id,
    detail: { requestId: r.id, personId: r.person_id, signedOn: input.signedOn },
  })
  return readContract(ctx, r.id)
}
