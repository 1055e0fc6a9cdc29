import type { AidDecisionInput, AidRequest } from '../../../shared/aids/requests.schema.ts'
import { formatEuros } from '../../../shared/money.ts'
import { AppError, notFound, versionConflict } from '../../errors.ts'
import { type AidsCtx, conflict, ensureRequestInScope, invalid, todayOf } from './aids-ctx.ts'
import { committedCents, lockEnvelopes } from './envelopes.repository.ts'
import { findFund } from './funds.repository.ts'
import { decidedIn, findRequest, grantedToPerson, readRequest, updateRequest } from './requests.repository.ts'

// The decision on a complete request (docs/aids.md « Requests, decisions, payments »): by the aid officer for an
// emergency or a fund an officer decides, by a commission otherwise (H2's commissions call decideRequest with their
// id). A grant never takes a fund past its year's envelope: the fund-year's envelope rows are locked in the
// decision's transaction, so two decisions at once are counted one after the other.

const what = 'Cette demande d’aide'

/**
 * Decides a request at the version read. `opts.commissionId`: the commission that decided it (then a request of a
 * commission-decided fund or of the reinforced track is accepted; without it, refused 409 « décision en commission »).
 */
export async function decideRequest(
  ctx: AidsCtx,
  requestId: string,
  input: AidDecisionInput,
  opts: { commissionId?: string } = {},
): Promise<AidRequest> {
  const { tx, actor } = ctx
  const s = actor.structureId
  const request = await findRequest(tx, s, requestId, { lock: true })
  if (!request) throw notFound(what)
  await ensureRequestInScope(ctx, request.person_id)
  if (request.version !== input.version) throw versionConflict()
  if (request.status !== 'complete')
    throw new AppError(
      'conflict',
      request.status === 'submitted'
        ? 'Cette demande est incomplète : elle se décide quand les pièces demandées sont reçues.'
        : 'Cette demande est déjà décidée ou annulée.',
    )
  if (!opts.commissionId && decidedIn(request.track, request.fund_decided_by) === 'commission')
    throw new AppError('conflict', 'Cette demande relève d’une décision en commission.')

  const day = todayOf(ctx)
  const year = Number(day.slice(0, 4))
  const asked = Number(request.amount_asked_cents)
  let granted: number | null = null
  if (input.decision === 'granted') {
    granted = input.amountGrantedCents ?? asked
    if (granted !== asked)
      throw invalid('amountGrantedCents', 'Une aide accordée l’est du montant demandé ; sinon, accordée en partie.')
  }
  if (input.decision === 'partly_granted') {
    granted = input.amountGrantedCents as number
    if (granted >= asked)
      throw invalid('amountGrantedCents', `Accordée en partie : moins que les ${formatEuros(asked)} demandés.`)
  }
  if (input.decision === 'redirected') {
    const target = await findFund(tx, s, input.redirectedFundId as string)
    if (!target?.active || target.id === request.fund_id)
      throw invalid('redirectedFundId', 'Choisissez un autre fonds, actif.')
  }

  const fund = (await findFund(tx, s, request.fund_id))!
  if (granted !== null) {
    if (fund.ceiling_person_year_cents !== null) {
      const already = await grantedToPerson(tx, s, fund.id, request.person_id, year)
      const left = Number(fund.ceiling_person_year_cents) - already
      if (granted > left)
        throw conflict(
          'amountGrantedCents',
          `Plafond annuel par personne du ${fund.code} : il reste ${formatEuros(Math.max(left, 0))} pour cette personne en ${year}.`,
        )
    }
    // the envelope: locked, then counted (what another decision committed before us is seen)
    const allocated = await lockEnvelopes(tx, s, fund.id, year)
    const committed = await committedCents(tx, s, fund.id, year)
    if (committed + granted > allocated)
      throw conflict(
        'amountGrantedCents',
        `Il reste ${formatEuros(Math.max(allocated - committed, 0))} sur l’enveloppe ${year} du ${fund.code}.`,
      )
  }

  const updated = await updateRequest(tx, s, requestId, input.version, {
    status: input.decision,
    amount_granted_cents: granted,
    refusal_criterion: input.decision === 'refused' ? input.refusalCriterion : null,
    redirected_fund_id: input.decision === 'redirected' ? input.redirectedFundId : null,
    decision_reason: input.reason,
    commission_id: opts.commissionId ?? null,
    decided_on: day,
    decided_at: ctx.now,
    decided_by: actor.userId,
  })
  if (!updated) throw versionConflict()
  await ctx.audit({
    action: 'aids.request.decide',
    entity: 'aid_request',
    entityId: requestId,
    detail: {
      personId: request.person_id,
      fundId: fund.id,
      decision: input.decision,
      amountGrantedCents: granted,
      refusalCriterion: input.refusalCriterion,
      redirectedFundId: input.redirectedFundId,
      commissionId: opts.commissionId ?? null,
    },
  })
  return (await readRequest(tx, s, requestId))!
}
