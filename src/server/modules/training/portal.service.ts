import { notFound } from '../../errors.ts'
import type { AnswerGuard, AnswerVia } from './answers.service.ts'
import { listPresented, presentOne } from './prescriptions.present.ts'
import { bodiesNamed, listPrescriptionRows } from './prescriptions.repository.ts'
import { findSessions } from './sessions.repository.ts'
import { bodiesOfPartner, type TrainingCtx } from './training-ctx.ts'

// A training body's own portal (docs/training/prescriptions.md « The body's portal »): the partner account sees its
// bodies' sessions and the persons prescribed to them once the department has validated — name, birth date, phone,
// e-mail, nothing else of the file —, and answers there. Any other id answers 404. Each read of persons is audited.

const what = 'Cette prescription'

export async function portalBodies(ctx: TrainingCtx) {
  return bodiesNamed(ctx.tx, ctx.actor.structureId, await bodiesOfPartner(ctx))
}

export async function portalSessions(ctx: TrainingCtx) {
  const bodyIds = await bodiesOfPartner(ctx)
  if (bodyIds.length === 0) return []
  return findSessions(ctx.tx, ctx.actor.structureId, { bodyIds })
}

async function auditPersonsRead(ctx: TrainingCtx, personIds: string[], prescriptionIds: string[]) {
  if (personIds.length === 0) return
  await ctx.audit({
    action: 'training.portal.persons.read',
    entity: 'person',
    entityId: personIds.length === 1 ? personIds[0] : null,
    detail: { personIds, prescriptionIds },
  })
}

export async function portalPrescriptions(ctx: TrainingCtx, sessionId?: string) {
  const bodyIds = await bodiesOfPartner(ctx)
  if (bodyIds.length === 0) return []
  const list = await listPresented(ctx, { bodyIds, sessionId, portal: true }, { portal: true })
  await auditPersonsRead(
    ctx,
    [...new Set(list.map((p) => p.person.id))],
    list.map((p) => p.id),
  )
  return list
}

/** 404 unless the prescription is on one of the partner's bodies' sessions and validated (or later). */
export const portalGuard: AnswerGuard = async (ctx, row) => {
  const bodyIds = await bodiesOfPartner(ctx)
  const [seen] = await listPrescriptionRows(ctx.tx, ctx.actor.structureId, { ids: [row.id], bodyIds, portal: true })
  if (!seen) throw notFound(what)
}
export const portalVia: AnswerVia = { guard: portalGuard, portal: true }

export async function portalPrescription(ctx: TrainingCtx, id: string) {
  const bodyIds = await bodiesOfPartner(ctx)
  const [row] = await listPrescriptionRows(ctx.tx, ctx.actor.structureId, { ids: [id], bodyIds, portal: true })
  if (!row) throw notFound(what)
  await auditPersonsRead(ctx, [row.person_id], [id])
  return presentOne(ctx, id, { portal: true })
}
