import type { z } from 'zod'
import { formatEuros } from '../../../shared/money.ts'
import type {
  PlanInput,
  ProfPlan,
  planCancelInput,
  planDecisionInput,
  planListQuery,
  planReimbursementInput,
} from '../../../shared/training/fund.schema.ts'
import { AppError, notFound, versionConflict } from '../../errors.ts'
import { fundCommittedCents, lockFundEnvelopes } from './fund.repository.ts'
import { findPlanRow, insertPlan, listPlans, setPlanState, trainingBodyExists, updatePlan } from './plans.repository.ts'
import { conflict, invalid, loadTrainingPerson, type TrainingCtx, todayOf } from './training-ctx.ts'

// The professionalisation plans (docs/training/fund.md): filed by the training officer for an employee in a subsidised
// contract, edited while awaiting the committee, validated or refused by the fund's committee on a date, reimbursed to
// the employer, cancelled. A validation never takes the committee year's envelopes past what they allocate: the year's
// envelope rows are locked in the validation's transaction, so two validations at once are counted one after the other.

const what = 'Ce plan de formation'

async function one(ctx: TrainingCtx, id: string): Promise<ProfPlan> {
  const [plan] = await listPlans(ctx.tx, ctx.actor.structureId, { id, timeZone: ctx.actor.timeZone })
  if (!plan) throw notFound(what)
  return plan
}

export const readPlan = one

export const planList = (ctx: TrainingCtx, q: z.output<typeof planListQuery>) =>
  listPlans(ctx.tx, ctx.actor.structureId, { ...q, timeZone: ctx.actor.timeZone })

/** The employee is a person of the structure, the body one of the catalogue (else 400 on the field). */
async function checkRefs(ctx: TrainingCtx, input: PlanInput) {
  await loadTrainingPerson(ctx, input.personId).catch(() => {
    throw invalid('personId', 'Cette personne est introuvable.')
  })
  if (input.bodyId && !(await trainingBodyExists(ctx.tx, ctx.actor.structureId, input.bodyId)))
    throw invalid('bodyId', 'Cet organisme de formation est introuvable.')
}

const detailOf = (input: PlanInput) => ({
  personId: input.personId,
  employerName: input.employerName,
  trainingTitle: input.trainingTitle,
  hours: input.hours,
  totalCostCents: input.totalCostCents,
  fundCents: input.fundCents,
  cofunding: input.cofunding,
})

export async function createPlan(ctx: TrainingCtx, input: PlanInput) {
  await checkRefs(ctx, input)
  const id = await insertPlan(ctx.tx, ctx.actor.structureId, ctx.actor.userId, ctx.now, input)
  await ctx.audit({ action: 'training.plan.create', entity: 'prof_plan', entityId: id, detail: detailOf(input) })
  return one(ctx, id)
}

/** The plan locked, at the version read (409 when stale). */
async function lockedAt(ctx: TrainingCtx, id: string, version: number) {
  const row = await findPlanRow(ctx.tx, ctx.actor.structureId, id, { lock: true })
  if (!row) throw notFound(what)
  if (row.version !== version) throw versionConflict()
  return row
}

const stateConflict = (message: string) => new AppError('conflict', message)

export async function changePlan(ctx: TrainingCtx, id: string, input: PlanInput & { version: number }) {
  const row = await lockedAt(ctx, id, input.version)
  if (row.status !== 'submitted')
    throw stateConflict('Ce plan est déjà passé en comité (ou annulé) : il ne se modifie plus.')
  await checkRefs(ctx, input)
  if (!(await updatePlan(ctx.tx, ctx.actor.structureId, id, input.version, input))) throw versionConflict()
  await ctx.audit({ action: 'training.plan.update', entity: 'prof_plan', entityId: id, detail: detailOf(input) })
  return one(ctx, id)
}

/** The committee's decision: a validation commits the fund's share in the committee date's year. */
export async function decidePlan(ctx: TrainingCtx, id: string, input: z.output<typeof planDecisionInput>) {
  const s = ctx.actor.structureId
  const row = await lockedAt(ctx, id, input.version)
  if (row.status !== 'submitted') throw stateConflict('Ce plan est déjà décidé ou annulé.')
  if (input.committeeDate > todayOf(ctx)) throw invalid('committeeDate', 'La date du comité est à venir.')
  const fund = Number(row.fund_cents)
  const year = Number(input.committeeDate.slice(0, 4))
  if (input.decision === 'validated') {
    // the envelope: locked, then counted (what another validation committed before us is seen)
    const allocated = await lockFundEnvelopes(ctx.tx, s, year)
    const committed = await fundCommittedCents(ctx.tx, s, year)
    if (committed + fund > allocated)
      throw conflict(
        'fundCents',
        `Il reste ${formatEuros(Math.max(allocated - committed, 0))} dans l’enveloppe ${year} du fonds : ce plan en demande ${formatEuros(fund)}.`,
      )
  }
  const updated = await setPlanState(ctx.tx, s, id, input.version, {
    status: input.decision,
    committee_date: input.committeeDate,
    decision_note: input.note,
    decided_by: ctx.actor.userId,
  })
  if (!updated) throw versionConflict()
  await ctx.audit({
    action: 'training.plan.decide',
    entity: 'prof_plan',
    entityId: id,
    detail: { personId: row.person_id, decision: input.decision, committeeDate: input.committeeDate, fundCents: fund },
  })
  return one(ctx, id)
}

/** What was reimbursed to the employer so far (never above the fund's share), on a validated plan. */
export async function reimbursePlan(ctx: TrainingCtx, id: string, input: z.output<typeof planReimbursementInput>) {
  const row = await lockedAt(ctx, id, input.version)
  if (row.status !== 'validated') throw stateConflict('Seul un plan validé se rembourse.')
  const fund = Number(row.fund_cents)
  if (input.reimbursedCents > fund)
    throw invalid('reimbursedCents', `Le remboursement ne peut dépasser la part du fonds (${formatEuros(fund)}).`)
  const updated = await setPlanState(ctx.tx, ctx.actor.structureId, id, input.version, {
    reimbursed_cents: input.reimbursedCents,
  })
  if (!updated) throw versionConflict()
  await ctx.audit({
    action: 'training.plan.reimburse',
    entity: 'prof_plan',
    entityId: id,
    detail: { personId: row.person_id, reimbursedCents: input.reimbursedCents },
  })
  return one(ctx, id)
}

/** Cancels a plan awaiting the committee or validated and not reimbursed: what it committed is freed. */
export async function cancelPlan(ctx: TrainingCtx, id: string, input: z.output<typeof planCancelInput>) {
  const row = await lockedAt(ctx, id, input.version)
  if (row.status !== 'submitted' && row.status !== 'validated')
    throw stateConflict('Ce plan est déjà refusé ou annulé.')
  if (Number(row.reimbursed_cents ?? 0) > 0)
    throw stateConflict('Ce plan a déjà été remboursé en partie : il ne s’annule plus.')
  const updated = await setPlanState(ctx.tx, ctx.actor.structureId, id, input.version, {
    status: 'cancelled',
    // the reason replaces the committee's note when one is given (the audit keeps both)
    decision_note: input.reason ?? row.decision_note,
  })
  if (!updated) throw versionConflict()
  await ctx.audit({
    action: 'training.plan.cancel',
    entity: 'prof_plan',
    entityId: id,
    detail: { personId: row.person_id, from: row.status, reason: input.reason, note: row.decision_note },
  })
  return one(ctx, id)
}
