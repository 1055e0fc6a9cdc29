import type { SituationKind } from '../../../shared/nomenclatures/accompaniment.ts'
import type { StepInput } from '../../../shared/plie/pathways.schema.ts'
import { integrationStructureKinds, type OrganisationKind } from '../../../shared/plie/plie.nomenclature.ts'
import { ensureUpdated } from '../../db/versioning.ts'
import { notFound } from '../../errors.ts'
import { insertSituation, type SituationValues, updateSituation } from '../accompaniment/index.ts'
import { findOrganisation } from './organisations.repository.ts'
import { findStep, insertStep, type PathwayRow, updateStep } from './pathways.repository.ts'
import { invalid, loadPathway, type PlieCtx, todayOf } from './pathways.service.ts'

// A pathway's steps (docs/plie.md « The pathway »): each a situation of the person file (written through the
// accompaniment's index.ts) with, beside it, the host organisation and the step's referent there.

/** A step lies within the pathway; an insertion contract is hosted by a work-integration structure (SIAE). */
async function checkStep(ctx: PlieCtx, p: PathwayRow, input: StepInput) {
  if (input.startDate < p.entry_date)
    throw invalid('startDate', 'Une étape commence pendant le parcours, pas avant l’entrée.')
  if (p.exit_date && input.startDate > p.exit_date)
    throw invalid('startDate', 'Une étape commence pendant le parcours, pas après la sortie.')
  const org = input.organisationId
    ? await findOrganisation(ctx.tx, ctx.actor.structureId, input.organisationId)
    : undefined
  if (input.organisationId && !org) throw invalid('organisationId', 'Cette structure n’existe pas.')
  if ((input.kind as SituationKind) === 'insertion_contract') {
    if (!org || !integrationStructureKinds.includes(org.kind as OrganisationKind))
      throw invalid(
        'organisationId',
        'Un contrat d’insertion se fait dans une structure d’insertion par l’activité économique (ACI, EI, AI, ETTI).',
      )
  }
  return org
}

const situationValues = (input: StepInput, organisationName: string | null): SituationValues => ({
  kind: input.kind,
  start_date: input.startDate,
  planned_end_date: input.plannedEndDate,
  end_date: input.endDate,
  organisation_name: organisationName,
  hours_per_week: input.hoursPerWeek,
  note: input.note,
})
const auditDetail = (p: PathwayRow, input: StepInput) => ({
  personId: p.person_id,
  enrolmentId: p.enrolment_id,
  kind: input.kind,
  startDate: input.startDate,
  endDate: input.endDate,
  organisationId: input.organisationId,
})

export async function addStep(ctx: PlieCtx, enrolmentId: string, input: StepInput) {
  const p = await loadPathway(ctx, enrolmentId)
  const org = await checkStep(ctx, p, input)
  const situationId = await insertSituation(
    ctx.tx,
    { structureId: ctx.actor.structureId, personId: p.person_id, counsellorId: ctx.actor.userId },
    situationValues(input, org?.name ?? null),
  )
  await insertStep(ctx.tx, {
    structure_id: ctx.actor.structureId,
    situation_id: situationId,
    enrolment_id: p.enrolment_id,
    person_id: p.person_id,
    organisation_id: org?.id ?? null,
    step_referent: input.stepReferent,
  })
  await ctx.audit({ action: 'create', entity: 'plie_step', entityId: situationId, detail: auditDetail(p, input) })
  return (await findStep(ctx.tx, ctx.actor.structureId, p.enrolment_id, situationId, todayOf(ctx)))!
}

export async function changeStep(
  ctx: PlieCtx,
  enrolmentId: string,
  situationId: string,
  input: StepInput & { version: number },
) {
  const p = await loadPathway(ctx, enrolmentId)
  const today = todayOf(ctx)
  const found = await findStep(ctx.tx, ctx.actor.structureId, p.enrolment_id, situationId, today)
  if (!found) throw notFound('Cette étape')
  const org = await checkStep(ctx, p, input)
  await ensureUpdated(
    await updateSituation(ctx.tx, p.person_id, situationId, input.version, situationValues(input, org?.name ?? null)),
    async () => true,
    'Cette étape',
  )
  await updateStep(ctx.tx, ctx.actor.structureId, situationId, {
    organisation_id: org?.id ?? null,
    step_referent: input.stepReferent,
  })
  await ctx.audit({ action: 'update', entity: 'plie_step', entityId: situationId, detail: auditDetail(p, input) })
  return (await findStep(ctx.tx, ctx.actor.structureId, p.enrolment_id, situationId, today))!
}
