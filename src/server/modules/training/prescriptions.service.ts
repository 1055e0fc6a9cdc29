import type { z } from 'zod'
import { addDays, dayIn } from '../../../shared/dates.ts'
import type {
  cancelInput,
  DepartmentDecisionInput,
  Prescription,
  PrescriptionInput,
  prescriptionListQuery,
  resubmitInput,
} from '../../../shared/training/prescriptions.schema.ts'
import type { Deps } from '../../deps.ts'
import { AppError, notFound } from '../../errors.ts'
import { mailConvocation } from './convocation-mail.ts'
import { renderConvocation } from './convocation-pdf.ts'
import { movePrescription } from './prescription-transitions.ts'
import { listPresented, presentOne } from './prescriptions.present.ts'
import {
  findPrescriptionRow,
  insertPrescription,
  insertPrescriptionEvent,
  livePrescriptionOnSession,
  type PrescriptionRow,
  structureName,
} from './prescriptions.repository.ts'
import { findSession, lockSession } from './sessions.repository.ts'
import { conflict, invalid, loadTrainingPerson, seesWholeStructure, type TrainingCtx, todayOf } from './training-ctx.ts'

// The counsellor's prescription and the training department's decision (docs/training/prescriptions.md): filing,
// filing again after a request for more, validating (the convocation, mailed with its PDF), refusing, cancelling; the
// reads of a person's prescriptions and of the department's list.

const what = 'Cette prescription'
/** the department answers a filing within a week; the body answers a week after the information session */
export const ANSWER_DAYS = 7

/** A prescription the actor may read: its person in the actor's scope (the training officer: the structure's). */
export async function loadPrescription(
  ctx: TrainingCtx,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<PrescriptionRow> {
  const row = await findPrescriptionRow(ctx.tx, ctx.actor.structureId, id, opts)
  if (!row) throw notFound(what)
  try {
    await loadTrainingPerson(ctx, row.person_id)
  } catch (e) {
    if (e instanceof AppError && e.code === 'not_found') throw notFound(what)
    throw e
  }
  return row
}

export async function filePrescription(ctx: TrainingCtx, personId: string, input: PrescriptionInput) {
  const s = ctx.actor.structureId
  await loadTrainingPerson(ctx, personId)
  if (!ctx.actor.siteIds.includes(input.siteId)) throw invalid('siteId', 'Choisissez un de vos sites.')
  // the session's row locked: two filings of the same person on it are counted one after the other
  if (!(await lockSession(ctx.tx, s, input.sessionId))) throw invalid('sessionId', 'Cette session n’existe pas.')
  const session = (await findSession(ctx.tx, s, input.sessionId))!
  const today = todayOf(ctx)
  if (session.status !== 'open') throw invalid('sessionId', 'Cette session n’est pas ouverte aux prescriptions.')
  if (session.startsOn <= today) throw invalid('sessionId', 'Cette session a commencé : choisissez-en une autre.')
  if (session.applicationsCloseOn && session.applicationsCloseOn < today)
    throw invalid('sessionId', 'Les candidatures à cette session sont closes.')
  if (await livePrescriptionOnSession(ctx.tx, s, personId, input.sessionId))
    throw conflict('sessionId', 'Cette personne a déjà une prescription en cours sur cette session.')
  const row = await insertPrescription(ctx.tx, {
    structure_id: s,
    person_id: personId,
    session_id: input.sessionId,
    prescriber_id: ctx.actor.userId,
    site_id: input.siteId,
    argument: input.argument,
    status: 'submitted',
    filed_at: ctx.now,
    answer_due_on: addDays(today, ANSWER_DAYS),
    external_id: null,
  })
  await insertPrescriptionEvent(ctx.tx, {
    structure_id: s,
    prescription_id: row.id,
    at: ctx.now,
    actor_id: ctx.actor.userId,
    from_status: null,
    to_status: 'submitted',
    note: null,
  })
  await ctx.audit({
    action: 'training.prescription.file',
    entity: 'training_prescription',
    entityId: row.id,
    detail: { personId, sessionId: input.sessionId, siteId: input.siteId },
  })
  return presentOne(ctx, row.id)
}

export async function personPrescriptions(ctx: TrainingCtx, personId: string) {
  await loadTrainingPerson(ctx, personId)
  return listPresented(ctx, { personId })
}

/** the department's list (the training officer and the director see the structure's) */
export async function listPrescriptions(ctx: TrainingCtx, q: z.output<typeof prescriptionListQuery>) {
  return listPresented(ctx, {
    status: q.status,
    sessionId: q.sessionId,
    bodyIds: q.bodyId ? [q.bodyId] : undefined,
    limit: q.limit,
  })
}

export async function onePrescription(ctx: TrainingCtx, id: string) {
  await loadPrescription(ctx, id)
  return presentOne(ctx, id)
}

/** The counsellor files again after the department asked for more: back to submitted, a new week to answer. */
export async function resubmit(ctx: TrainingCtx, id: string, input: z.output<typeof resubmitInput>) {
  await loadPrescription(ctx, id)
  await movePrescription(ctx, id, {
    to: 'submitted',
    version: input.version,
    values: { argument: input.argument, answer_due_on: addDays(todayOf(ctx), ANSWER_DAYS) },
    action: 'resubmit',
    tell: 'déposée à nouveau (complément apporté)',
    tellOfficers: true,
  })
  return presentOne(ctx, id)
}

const decisionWords = {
  validated: 'validée : convocation à l’information collective',
  refused: 'refusée par le département formation',
  more_info: 'complément demandé par le département formation',
} as const

/**
 * The department decides a filed prescription. Validated: convened now, the body answers a week after the information
 * session (a week after today when the session has none), the convocation mailed to the person with its PDF.
 */
export async function decide(ctx: TrainingCtx, deps: Pick<Deps, 'mailer'>, id: string, input: DepartmentDecisionInput) {
  const row = await loadPrescription(ctx, id)
  let answerDue: string | null = row.answer_due_on
  if (input.decision === 'validated') {
    const session = (await findSession(ctx.tx, ctx.actor.structureId, row.session_id))!
    const from = session.infoSessionAt ? dayIn(new Date(session.infoSessionAt), ctx.actor.timeZone) : todayOf(ctx)
    // an information session already past: a week from today
    answerDue = addDays([from, todayOf(ctx)].sort()[1] as string, ANSWER_DAYS)
  }
  await movePrescription(ctx, id, {
    to: input.decision,
    version: input.version,
    values: {
      decided_by: ctx.actor.userId,
      decided_at: ctx.now,
      department_note: input.note,
      answer_due_on: answerDue,
      ...(input.decision === 'validated' ? { convened_at: ctx.now } : {}),
    },
    note: input.note,
    action: 'decide',
    detail: { decision: input.decision },
    tell: decisionWords[input.decision],
  })
  const p = await presentOne(ctx, id)
  if (input.decision === 'validated') {
    const mailed = await mailConvocation(
      deps,
      p,
      await structureName(ctx.tx, ctx.actor.structureId),
      ctx.actor.timeZone,
    )
    await ctx.audit({
      action: 'training.prescription.convocation-mail',
      entity: 'training_prescription',
      entityId: id,
      detail: { personId: row.person_id, outcome: mailed },
    })
  }
  return p
}

/** Cancelled by the counsellor (her persons) or the department, before the entry. */
export async function cancel(ctx: TrainingCtx, id: string, input: z.output<typeof cancelInput>) {
  await loadPrescription(ctx, id)
  const byDepartment = seesWholeStructure(ctx.actor)
  await movePrescription(ctx, id, {
    to: 'cancelled',
    version: input.version,
    note: input.reason,
    action: 'cancel',
    detail: { reason: input.reason },
    tell: byDepartment ? 'prescription annulée' : 'prescription annulée par le conseiller',
    tellOfficers: !byDepartment,
  })
  return presentOne(ctx, id)
}

/** The convocation's PDF: once validated (and in the later statuses), for the readers of the prescription. */
export async function convocationPdf(ctx: TrainingCtx, id: string): Promise<{ pdf: Buffer; p: Prescription }> {
  await loadPrescription(ctx, id)
  const p = await presentOne(ctx, id)
  if (p.convenedAt === null || p.status === 'cancelled')
    throw conflict('status', 'La convocation existe une fois la prescription validée par le département formation.')
  await ctx.audit({
    action: 'training.prescription.convocation-pdf',
    entity: 'training_prescription',
    entityId: id,
    detail: { personId: p.person.id },
  })
  return { pdf: await renderConvocation(p, await structureName(ctx.tx, ctx.actor.structureId), ctx.actor.timeZone), p }
}
