import type { EsfAnswers, EsfAnswersInput, EsfExportQuery } from '../../../shared/plie/esf.schema.ts'
import { answersOf, participantsOf, upsertAnswers } from './esf.repository.ts'
import { participantRows } from './esf-participants.ts'
import { esfWorkbook } from './esf-workbook.ts'
import { invalid, loadPathway, type PlieCtx, todayOf } from './pathways.service.ts'

// The ESF+ participant data (docs/plie.md « Import and export, ESF+ »): the answers recorded for a pathway, and the
// participant export of a period with its common indicators.

async function answersOfPathway(ctx: PlieCtx, enrolmentId: string): Promise<EsfAnswers> {
  const rows = await answersOf(ctx.tx, ctx.actor.structureId, [enrolmentId])
  return {
    enrolmentId,
    answers: rows.map((r) => ({ moment: r.moment, question: r.question, answer: r.answer, answeredOn: r.answered_on })),
  }
}

/**
 * The answers recorded for a pathway the actor sees (another site's: 404), for the person file's « Données FSE+ ».
 * The disability answer is sensitive (as the RQTH): the read is audited when the pathway has answers.
 */
export async function readEsfAnswers(ctx: PlieCtx, enrolmentId: string): Promise<EsfAnswers> {
  const p = await loadPathway(ctx, enrolmentId)
  const answers = await answersOfPathway(ctx, enrolmentId)
  if (answers.answers.length)
    await ctx.audit({
      action: 'sensitive.read',
      entity: 'person',
      entityId: p.person_id,
      detail: { esfAnswersOf: enrolmentId },
    })
  return answers
}

/**
 * Records the answers of one moment of a pathway the actor sees (another site's: 404). At entry: on or after the
 * entry day; at exit and six months after: once the pathway has an exit, on or after it. Never in the future.
 */
export async function recordEsfAnswers(ctx: PlieCtx, enrolmentId: string, input: EsfAnswersInput) {
  const p = await loadPathway(ctx, enrolmentId)
  if (input.answeredOn > todayOf(ctx)) throw invalid('answeredOn', 'La date de la réponse est dans le futur.')
  if (input.answeredOn < p.entry_date)
    throw invalid('answeredOn', 'La date de la réponse précède l’entrée dans le parcours.')
  if (input.moment !== 'entry') {
    if (!p.exit_date)
      throw invalid('moment', 'Le parcours n’a pas de sortie : les questions de sortie et de six mois attendent.')
    if (input.answeredOn < p.exit_date) throw invalid('answeredOn', 'La date de la réponse précède la sortie.')
  }
  await upsertAnswers(
    ctx.tx,
    ctx.actor.structureId,
    enrolmentId,
    input.moment,
    input.answers,
    input.answeredOn,
    ctx.actor.userId,
  )
  await ctx.audit({
    action: 'update',
    entity: 'esf_answer',
    entityId: enrolmentId,
    detail: { personId: p.person_id, moment: input.moment, questions: Object.keys(input.answers).sort() },
  })
  return answersOfPathway(ctx, enrolmentId)
}

/** The participant workbook of the period, audited with the persons it names. */
export async function esfExport(ctx: PlieCtx, query: EsfExportQuery) {
  const rows = await participantsOf(ctx.tx, ctx.actor, todayOf(ctx), query.from, query.to)
  const answers = await answersOf(
    ctx.tx,
    ctx.actor.structureId,
    rows.map((r) => r.enrolment_id),
  )
  const participants = participantRows(rows, answers)
  const { body } = await esfWorkbook(participants, query.from, query.to)
  await ctx.audit({
    action: 'export',
    entity: 'esf_participants',
    entityId: null,
    detail: {
      from: query.from,
      to: query.to,
      rows: participants.length,
      personIds: [...new Set(rows.map((r) => r.person_id))].sort(),
    },
  })
  return { body, fileName: `fse-participants_${query.from}_${query.to}.xlsx` }
}
