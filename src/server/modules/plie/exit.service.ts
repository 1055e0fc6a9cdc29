import type { ExitInput } from '../../../shared/plie/pathways.schema.ts'
import { checkPositiveExit } from '../../../shared/plie/positive-exit.ts'
import { AppError, declareConstraintConflict } from '../../errors.ts'
import { findOverlap } from '../accompaniment/index.ts'
import { findOrganisation } from './organisations.repository.ts'
import { exitSituations, recordExitProof } from './pathways.repository.ts'
import {
  enrolmentValues,
  invalid,
  loadPathway,
  type PlieCtx,
  pathwayOf,
  saveEnrolment,
  todayOf,
} from './pathways.service.ts'

// the situation that proves a positive exit stays while the exit rests on it (its deletion: 409, not 500)
declareConstraintConflict(
  'plie_pathway_structure_id_exit_situation_id_fkey',
  'Cette situation justifie la sortie positive d’un parcours PLIE : modifiez d’abord la sortie.',
)

// The pathway's exit (docs/plie.md « The pathway »): the enrolment closes with its date and reason; a positive reason
// must be supported by a recorded situation (shared/plie/positive-exit.ts); the partner credited is an
// employer-relations partner. A correction goes through the same route with the version read.

export async function recordExit(ctx: PlieCtx, enrolmentId: string, input: ExitInput) {
  const p = await loadPathway(ctx, enrolmentId)
  if (input.exitDate < p.entry_date) throw invalid('exitDate', 'La date de sortie précède la date d’entrée.')
  if (input.exitDate > todayOf(ctx)) throw invalid('exitDate', 'La sortie ne peut pas être datée dans le futur.')
  if (input.partnerId) {
    const partner = await findOrganisation(ctx.tx, ctx.actor.structureId, input.partnerId)
    if (partner?.kind !== 'employer_relations')
      throw invalid('partnerId', 'Le partenaire crédité doit être un partenaire des relations entreprises.')
  }
  const situations = await exitSituations(ctx.tx, p.person_id)
  const check = checkPositiveExit(input.exitReason, input.exitDate, situations, input.exitSituationId)
  if (!check.holds) throw invalid('exitReason', check.reason)
  if (!check.positive && input.exitSituationId)
    throw invalid('exitSituationId', 'Seule une sortie positive est prouvée par une situation.')
  const values = await enrolmentValues(ctx, p)
  const next = { ...values, exit_date: input.exitDate, exit_reason: input.exitReason }
  // a correction cannot make this pathway meet another one of the person (a re-entry is a new pathway)
  const overlap = await findOverlap(ctx.tx, p.person_id, next, p.enrolment_id)
  if (overlap)
    throw new AppError('conflict', 'Ce parcours rejoindrait un autre parcours PLIE de la personne.', [
      { field: 'exitDate', message: 'Ce parcours rejoindrait un autre parcours PLIE de la personne.' },
    ])
  await saveEnrolment(ctx, p, input.version, next)
  await recordExitProof(ctx.tx, ctx.actor.structureId, p.enrolment_id, {
    exit_situation_id: check.situationId,
    partner_id: input.partnerId,
  })
  await ctx.audit({
    action: p.exit_date ? 'update' : 'create',
    entity: 'plie_exit',
    entityId: p.enrolment_id,
    detail: {
      personId: p.person_id,
      exitDate: input.exitDate,
      exitReason: input.exitReason,
      positive: check.positive,
      situationId: check.situationId,
      partnerId: input.partnerId,
    },
  })
  return pathwayOf(ctx, p)
}
