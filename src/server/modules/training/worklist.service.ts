import { addDays } from '../../../shared/dates.ts'
import type { TrainingWorklist } from '../../../shared/training/prescriptions.schema.ts'
import { listPresented } from './prescriptions.present.ts'
import { findSessions } from './sessions.repository.ts'
import { type TrainingCtx, todayOf } from './training-ctx.ts'

// The training officer's worklist (docs/training/prescriptions.md « Worklist »): the filings to validate (the oldest
// first), those waiting for the counsellor, the bodies' answers overdue, and the sessions filling up.

export const FILLING_WITHIN_DAYS = 60

export async function worklist(ctx: TrainingCtx): Promise<TrainingWorklist> {
  const today = todayOf(ctx)
  const [toValidate, moreInfo, validatedLate, waitingLate, sessions] = [
    await listPresented(ctx, { status: 'submitted', oldestFirst: true }),
    await listPresented(ctx, { status: 'more_info', oldestFirst: true }),
    await listPresented(ctx, { status: 'validated', answerDueBefore: today, oldestFirst: true }),
    await listPresented(ctx, { status: 'waiting_list', answerDueBefore: today, oldestFirst: true }),
    await findSessions(ctx.tx, ctx.actor.structureId, {
      status: 'open',
      from: addDays(today, 1),
      to: addDays(today, FILLING_WITHIN_DAYS),
    }),
  ]
  const answersOverdue = [...validatedLate, ...waitingLate].sort(
    (a, b) => (a.answerDueOn ?? '').localeCompare(b.answerDueOn ?? '') || a.filedAt.localeCompare(b.filedAt),
  )
  return {
    toValidate,
    moreInfo,
    answersOverdue,
    sessionsFilling: sessions.filter((s) => s.placesLeft <= Math.max(1, s.places / 5)),
  }
}
