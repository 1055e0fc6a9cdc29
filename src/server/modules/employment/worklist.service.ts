import { addDays } from '../../../shared/dates.ts'
import type { EmploymentWorklist } from '../../../shared/employment/offers.schema.ts'
import { listCandidateRows } from './candidates.repository.ts'
import { type EmploymentCtx, seesWholeStructure, todayOf } from './employment-ctx.ts'
import { offersById } from './job-projects.service.ts'
import { presentCandidate, presentSummary } from './offers.present.ts'
import { listOfferRows } from './offers.repository.ts'
import { listFollowUpRows } from './placements.repository.ts'
import { withPlacements } from './placements.service.ts'

// The employment officer's home (and the counsellor's, on their own people): open offers, candidates sent or at
// interview for 7 days or more without an answer, follow-ups overdue or due within 7 days, operations running
// (docs/employment/offers.md « Worklist »).

/** a candidate waits for the employer's answer after this many days; a follow-up is an alert this many days ahead */
export const WAITING_DAYS = 7
export const FOLLOW_UP_ALERT_DAYS = 7

export async function worklist(ctx: EmploymentCtx): Promise<EmploymentWorklist> {
  const today = todayOf(ctx)
  const openOffers = (await listOfferRows(ctx.tx, ctx.actor, { status: 'open', limit: 500 })).map(presentSummary)
  const waiting = await listCandidateRows(ctx.tx, ctx.actor, today, {
    waitingSince: new Date(ctx.now.getTime() - WAITING_DAYS * 86_400_000),
  })
  const offers = await offersById(ctx, [...new Set(waiting.map((c) => c.offer_id))])
  const followUps = await listFollowUpRows(ctx.tx, ctx.actor, today, {
    dueBy: addDays(today, FOLLOW_UP_ALERT_DAYS),
    done: false,
  })
  return {
    openOffers,
    candidatesToFollow: waiting.flatMap((c) => {
      const offer = offers.get(c.offer_id)
      return offer ? [{ ...presentCandidate(c), offer }] : []
    }),
    followUpsDue: await withPlacements(ctx, followUps),
    operationsRunning: seesWholeStructure(ctx.actor) ? await operationsRunning(ctx) : [],
  }
}

/** the recruitment operations running, with their hires (placements from the operation) */
async function operationsRunning(ctx: EmploymentCtx) {
  const rows = await ctx.tx
    .selectFrom('recruitment_operation as op')
    .innerJoin('employer as e', (j) =>
      j.onRef('e.structure_id', '=', 'op.structure_id').onRef('e.id', '=', 'op.employer_id'),
    )
    .select([
      'op.id',
      'op.title',
      'e.name as employer_name',
      'op.positions',
      (eb) =>
        eb
          .selectFrom('placement as pl')
          .select((p) => p.fn.countAll<string>().as('n'))
          .whereRef('pl.structure_id', '=', 'op.structure_id')
          .whereRef('pl.operation_id', '=', 'op.id')
          .as('hired'),
    ])
    .where('op.structure_id', '=', ctx.actor.structureId)
    .where('op.status', '=', 'running')
    .orderBy('op.starts_on')
    .orderBy('op.id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    employerName: r.employer_name,
    positions: r.positions,
    hired: Number(r.hired ?? 0),
  }))
}
