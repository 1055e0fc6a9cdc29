import type { z } from 'zod'
import { addDays, frenchDate } from '../../../shared/dates.ts'
import type { BodyAnswerInput, ExitInput, entryInput } from '../../../shared/training/prescriptions.schema.ts'
import { notFound, versionConflict } from '../../errors.ts'
import { insertSituation, updateSituation } from '../accompaniment/index.ts'
import { ensureTransition, movePrescription } from './prescription-transitions.ts'
import { presentOne } from './prescriptions.present.ts'
import {
  actionSituationKind,
  findPrescriptionRow,
  type PrescriptionRow,
  readSituation,
} from './prescriptions.repository.ts'
import { findSession, lockSession, placesTaken } from './sessions.repository.ts'
import { conflict, invalid, type TrainingCtx, todayOf } from './training-ctx.ts'

// The training body's answers (docs/training/prescriptions.md « The body's answers »), recorded by the body through
// its portal or by the training officer on its behalf: after the information session (attendance, tests, outcome),
// the entry (the person's training situation) and the exit. Accepting takes a place: the session's row is locked,
// then its places counted, so two answers for the last place are decided one after the other.

/** Who may answer this prescription: the officer (the structure's), the partner (its bodies', from validated on). */
export type AnswerGuard = (ctx: TrainingCtx, row: PrescriptionRow) => Promise<void>
export const officerGuard: AnswerGuard = async () => {}

/** How the answers are read back: the portal's reduced view, or the whole prescription. */
export interface AnswerVia {
  guard: AnswerGuard
  portal: boolean
}

async function load(ctx: TrainingCtx, id: string, via: AnswerVia) {
  const row = await findPrescriptionRow(ctx.tx, ctx.actor.structureId, id)
  if (!row) throw notFound('Cette prescription')
  await via.guard(ctx, row)
  return row
}

const outcomeWords = {
  accepted: 'retenu(e) par l’organisme',
  waiting_list: 'en liste complémentaire',
  not_accepted: 'non retenu(e) par l’organisme',
} as const

export async function recordAnswer(ctx: TrainingCtx, id: string, input: BodyAnswerInput, via: AnswerVia) {
  const s = ctx.actor.structureId
  const row = await load(ctx, id, via)
  if (row.version !== input.version) throw versionConflict()
  ensureTransition(row.status, input.outcome)
  if (input.outcome === 'accepted') {
    const session = await lockSession(ctx.tx, s, row.session_id)
    // read after the lock: an answer that took a place before us has committed
    const taken = await placesTaken(ctx.tx, s, row.session_id)
    if (session && taken >= session.places)
      throw conflict('outcome', 'Plus de place sur cette session : liste complémentaire ?')
  }
  await movePrescription(ctx, id, {
    to: input.outcome,
    version: input.version,
    values: {
      info_attendance: input.infoAttendance,
      test_result: input.testResult,
      outcome_reason: input.outcomeReason,
      answered_at: ctx.now,
    },
    note: input.outcomeReason,
    action: 'answer',
    detail: { outcome: input.outcome, infoAttendance: input.infoAttendance },
    tell: outcomeWords[input.outcome],
  })
  return presentOne(ctx, id, { portal: via.portal })
}

/** The entry: on or after a week before the session's start, not in the future; the person's training situation. */
export async function recordEntry(ctx: TrainingCtx, id: string, input: z.output<typeof entryInput>, via: AnswerVia) {
  const s = ctx.actor.structureId
  const row = await load(ctx, id, via)
  const session = (await findSession(ctx.tx, s, row.session_id))!
  if (input.entryDate > todayOf(ctx)) throw invalid('entryDate', 'La date d’entrée ne peut pas être dans le futur.')
  if (input.entryDate < addDays(session.startsOn, -7))
    throw invalid('entryDate', 'La date d’entrée est au plus tôt une semaine avant le début de la session.')
  // the version and the transition first (movePrescription checks them again under the lock): a refused move writes
  // no situation — and the transaction would take it back anyway
  if (row.version !== input.version) throw versionConflict()
  ensureTransition(row.status, 'entered')
  const situationId = await insertSituation(
    ctx.tx,
    { structureId: s, personId: row.person_id, counsellorId: row.prescriber_id ?? ctx.actor.userId },
    {
      kind: await actionSituationKind(ctx.tx, s, session.actionId),
      start_date: input.entryDate,
      planned_end_date: session.endsOn,
      end_date: null,
      organisation_name: session.bodyName,
      hours_per_week: null,
      note: `Formation : ${session.actionTitle}`,
    },
  )
  await movePrescription(ctx, id, {
    to: 'entered',
    version: input.version,
    values: { entry_date: input.entryDate, situation_id: situationId },
    action: 'entry',
    detail: { entryDate: input.entryDate, situationId },
    tell: `entré(e) en formation le ${frenchDate(input.entryDate)}`,
  })
  return presentOne(ctx, id, { portal: via.portal })
}

/** The exit and its result; the situation the entry created ends on the exit day. */
export async function recordExit(ctx: TrainingCtx, id: string, input: ExitInput, via: AnswerVia) {
  const row = await load(ctx, id, via)
  if (input.exitDate > todayOf(ctx)) throw invalid('exitDate', 'La date de sortie ne peut pas être dans le futur.')
  if (row.entry_date && input.exitDate < row.entry_date)
    throw invalid('exitDate', 'La date de sortie ne peut pas précéder l’entrée.')
  const moved = await movePrescription(ctx, id, {
    to: 'exited',
    version: input.version,
    values: {
      exit_date: input.exitDate,
      exit_kind: input.exitKind,
      qualification_obtained: input.qualificationObtained,
      hours_attended: input.hoursAttended,
      result_note: input.resultNote,
    },
    note: input.resultNote,
    action: 'exit',
    detail: { exitDate: input.exitDate, exitKind: input.exitKind, qualificationObtained: input.qualificationObtained },
    tell: `sorti(e) de formation le ${frenchDate(input.exitDate)}${
      input.qualificationObtained === true ? ', qualification obtenue' : ''
    }`,
  })
  if (moved.situation_id) {
    const situation = await readSituation(ctx.tx, moved.person_id, moved.situation_id)
    // a situation the counsellor has removed meanwhile stays removed
    if (situation) {
      const { version, ...values } = situation
      await updateSituation(ctx.tx, moved.person_id, moved.situation_id, version, {
        ...values,
        hours_per_week: values.hours_per_week === null ? null : Number(values.hours_per_week),
        end_date: input.exitDate,
      })
    }
  }
  return presentOne(ctx, id, { portal: via.portal })
}
