import type { z } from 'zod'
import { frenchDate } from '../../../shared/dates.ts'
import type { decisionInput } from '../../../shared/plie/committees.schema.ts'
import type { CommitteeDecision, ProposalStatus } from '../../../shared/plie/plie.nomenclature.ts'
import { ensureUpdated } from '../../db/versioning.ts'
import { AppError, notFound } from '../../errors.ts'
import { findOverlap, insertEnrolment } from '../accompaniment/index.ts'
import {
  caseExists,
  getCase,
  insertPathway,
  insertReferent,
  isPlieReferent,
  plieProgramme,
  updateCaseDecision,
} from './committee-cases.repository.ts'
import { loadCommittee, readCommittee, requirePlanned } from './committees.service.ts'
import { setProposalStatus } from './proposals.repository.ts'
import { type PlieCtx, today } from './proposals.service.ts'

// A committee's decision on a case (docs/plie.md, « Entry »). An accepted entry opens the pathway on the committee's
// date: the enrolment in the structure's PLIE programme (written through the accompaniment's index) with its referent,
// the plie_pathway row (the case that opened it) and the first plie_referent row. Refused: a reason; deferred: the
// proposal waits for a later committee. A decision may be corrected while the committee is not held, except an
// accepted entry: its pathway is open (its referent changes on the pathway).
//
// Concurrency: the case's version is claimed first (UPDATE … WHERE version = read): of two decisions read at the same
// version, the second waits for the first's commit, then finds a new version and answers 409, so one decision opens
// exactly one enrolment.

const proposalStatusOf: Record<CommitteeDecision, ProposalStatus> = {
  accepted: 'accepted',
  refused: 'refused',
  deferred: 'deferred',
}

export async function decide(ctx: PlieCtx, id: string, caseId: string, input: z.output<typeof decisionInput>) {
  const { tx, actor } = ctx
  const s = actor.structureId
  const c = await loadCommittee(ctx, id)
  requirePlanned(c)
  if (c.date > today(ctx))
    throw new AppError('conflict', `Le comité du ${frenchDate(c.date)} n’a pas encore eu lieu.`, [
      { field: 'decision', message: 'Décision possible à partir de la date du comité.' },
    ])
  const k = await getCase(tx, s, c.id, caseId)
  if (!k) throw notFound('Ce dossier')
  const opensPathway = k.kind === 'entry' && input.decision === 'accepted' && k.decision !== 'accepted'
  if (k.kind === 'entry' && k.decision === 'accepted') {
    if (input.decision !== 'accepted')
      throw new AppError(
        'conflict',
        'Cette entrée a été acceptée et le parcours est ouvert : la décision ne peut plus être changée ici.',
        [{ field: 'decision', message: 'Parcours déjà ouvert.' }],
      )
    if (input.referentId && input.referentId !== k.referentId)
      throw new AppError('conflict', 'Le référent d’un parcours ouvert se change sur le parcours.', [
        { field: 'referentId', message: 'Changez le référent sur le parcours.' },
      ])
  }
  let programmeId: string | undefined
  if (opensPathway) {
    if (!input.referentId)
      throw new AppError('validation', 'Une entrée acceptée demande un référent.', [
        { field: 'referentId', message: 'Choisissez le référent du parcours.' },
      ])
    const programme = await plieProgramme(tx, s)
    if (!programme)
      throw new AppError('conflict', 'La structure n’a pas de programme PLIE actif : créez-le avant de décider.')
    programmeId = programme.id
    if (!(await isPlieReferent(tx, s, input.referentId, programme.id)))
      throw new AppError('validation', 'Ce référent ne peut pas suivre un parcours PLIE.', [
        { field: 'referentId', message: 'Un conseiller actif rattaché au programme PLIE.' },
      ])
  }
  if (k.kind === 'entry') {
    const expected = k.decision ? [proposalStatusOf[k.decision]] : ['pending', 'deferred']
    if (!expected.includes(k.proposalStatus ?? ''))
      throw new AppError('conflict', 'La proposition a changé (retirée ?) : rechargez l’ordre du jour.', [
        { field: 'decision', message: 'Proposition retirée ou déjà tranchée.' },
      ])
  }

  // the claim: from here on, this request alone decides this case
  await ensureUpdated(
    await updateCaseDecisionFor(
      ctx,
      k.id,
      input,
      opensPathway || k.decision === 'accepted' ? (input.referentId ?? k.referentId) : null,
    ),
    () => caseExists(tx, s, k.id),
    'Ce dossier',
  )
  await ctx.audit({
    action: k.decision ? 'plie.committee.decision.correct' : 'plie.committee.decision',
    entity: 'plie_committee_case',
    entityId: k.id,
    detail: { committeeId: c.id, personId: k.personId, kind: k.kind, decision: input.decision, previous: k.decision },
  })

  if (k.kind === 'entry' && k.proposalId && proposalStatusOf[input.decision] !== k.proposalStatus) {
    await setProposalStatus(tx, s, k.proposalId, proposalStatusOf[input.decision])
    await ctx.audit({
      action: 'plie.proposal.decision',
      entity: 'plie_proposal',
      entityId: k.proposalId,
      detail: { personId: k.personId, status: proposalStatusOf[input.decision], caseId: k.id },
    })
  }

  if (opensPathway && programmeId && input.referentId) {
    const values = {
      programme_id: programmeId,
      entry_date: c.date,
      exit_date: null,
      exit_reason: null,
      reinforced: false,
      referent_id: input.referentId,
    }
    const overlap = await findOverlap(tx, k.personId, values)
    if (overlap)
      throw new AppError(
        'conflict',
        `Cette personne est déjà dans le programme PLIE à cette date (entrée le ${frenchDate(overlap.entry_date)}).`,
        [{ field: 'decision', message: 'Parcours PLIE déjà ouvert.' }],
      )
    const enrolmentId = await insertEnrolment(tx, s, k.personId, values)
    await insertPathway(tx, { structureId: s, enrolmentId, personId: k.personId, caseId: k.id })
    await insertReferent(tx, {
      structureId: s,
      enrolmentId,
      fromDate: c.date,
      referentId: input.referentId,
      recordedBy: actor.userId,
    })
    await ctx.audit({
      action: 'enrolment.create',
      entity: 'enrolment',
      entityId: enrolmentId,
      detail: { personId: k.personId, programmeId, entryDate: c.date, referentId: input.referentId, caseId: k.id },
    })
    await ctx.audit({
      action: 'plie.pathway.open',
      entity: 'plie_pathway',
      entityId: enrolmentId,
      detail: { personId: k.personId, caseId: k.id },
    })
    await ctx.audit({
      action: 'plie.referent.create',
      entity: 'plie_referent',
      entityId: enrolmentId,
      detail: { personId: k.personId, fromDate: c.date, referentId: input.referentId },
    })
  }
  return readCommittee(ctx, c.id)
}

function updateCaseDecisionFor(
  ctx: PlieCtx,
  caseId: string,
  input: z.output<typeof decisionInput>,
  referentId: string | null,
) {
  return updateCaseDecision(ctx.tx, ctx.actor.structureId, caseId, input.version, {
    decision: input.decision,
    refusalReason: input.refusalReason,
    minute: input.minute,
    referentId,
    decidedBy: ctx.actor.userId,
  })
}
