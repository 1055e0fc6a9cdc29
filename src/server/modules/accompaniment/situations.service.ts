import type { z } from 'zod'
import type { situationInputSchema } from '../../../shared/accompaniment/situations.schema.ts'
import { ensureUpdated } from '../../db/versioning.ts'
import { notFound } from '../../errors.ts'
import { loadVisiblePerson } from '../persons/person.policy.ts'
import type { ServiceCtx } from './accompaniment.checks.ts'
import { localDay } from './dates.ts'
import {
  deleteSituation,
  getSituation,
  insertSituation,
  listSituations,
  type SituationValues,
  situationExists,
  updateSituation,
} from './situations.repository.ts'

type SituationInput = z.output<typeof situationInputSchema>

const values = (input: SituationInput): SituationValues => ({
  kind: input.kind,
  start_date: input.startDate,
  planned_end_date: input.plannedEndDate,
  end_date: input.endDate,
  organisation_name: input.organisationName,
  hours_per_week: input.hoursPerWeek,
  note: input.note,
})
const auditDetail = (personId: string, v: SituationValues) => ({
  personId,
  kind: v.kind,
  startDate: v.start_date,
  plannedEndDate: v.planned_end_date,
  endDate: v.end_date,
})

export async function listPersonSituations(ctx: ServiceCtx, personId: string, open?: 'true' | 'false') {
  const person = await loadVisiblePerson(ctx.tx, ctx.actor, personId, ctx.now)
  return listSituations(
    ctx.tx,
    person.id,
    localDay(ctx.now, ctx.actor.timeZone),
    open === undefined ? undefined : open === 'true',
  )
}

export async function createSituation(ctx: ServiceCtx, personId: string, input: SituationInput) {
  const person = await loadVisiblePerson(ctx.tx, ctx.actor, personId, ctx.now)
  const v = values(input)
  const id = await insertSituation(
    ctx.tx,
    { structureId: ctx.actor.structureId, personId: person.id, counsellorId: ctx.actor.userId },
    v,
  )
  await ctx.audit({ action: 'create', entity: 'situation', entityId: id, detail: auditDetail(person.id, v) })
  return (await getSituation(ctx.tx, person.id, id, localDay(ctx.now, ctx.actor.timeZone)))!
}

export async function changeSituation(
  ctx: ServiceCtx,
  personId: string,
  id: string,
  input: SituationInput & { version: number },
) {
  const person = await loadVisiblePerson(ctx.tx, ctx.actor, personId, ctx.now)
  const v = values(input)
  await ensureUpdated(
    await updateSituation(ctx.tx, person.id, id, input.version, v),
    () => situationExists(ctx.tx, person.id, id),
    'Cette situation',
  )
  await ctx.audit({ action: 'update', entity: 'situation', entityId: id, detail: auditDetail(person.id, v) })
  return (await getSituation(ctx.tx, person.id, id, localDay(ctx.now, ctx.actor.timeZone)))!
}

export async function removeSituation(ctx: ServiceCtx, personId: string, id: string) {
  const person = await loadVisiblePerson(ctx.tx, ctx.actor, personId, ctx.now)
  const deleted = await deleteSituation(ctx.tx, person.id, id)
  if (!deleted) throw notFound('Cette situation')
  await ctx.audit({
    action: 'delete',
    entity: 'situation',
    entityId: id,
    detail: { personId: person.id, kind: deleted.kind, startDate: deleted.start_date, endDate: deleted.end_date },
  })
}
