import { dayIn } from '../../../shared/dates.ts'
import type { PersonPlie } from '../../../shared/plie/pathways.schema.ts'
import { ensureUpdated } from '../../db/versioning.ts'
import type { Actor, Tx } from '../../deps.ts'
import { AppError, notFound } from '../../errors.ts'
import { contactStateOf, findEnrolmentRow, updateEnrolment } from '../accompaniment/index.ts'
import type { AuditEntry } from '../audit/audit.repository.ts'
import { loadVisiblePerson } from '../persons/person.policy.ts'
import {
  findPathway,
  lastReferentDate,
  listPathways,
  type PathwayRow,
  recordReferent,
  staffExists,
} from './pathways.repository.ts'

// The PLIE pathway in the person file (docs/plie.md « The pathway »): reading it, and its referents over time.

/** What the PLIE's services receive from the route: the request's transaction, who, when, and the audit. */
export interface PlieCtx {
  tx: Tx
  actor: Actor
  now: Date
  audit(entry: AuditEntry): Promise<void>
}

export const todayOf = (ctx: PlieCtx) => dayIn(ctx.now, ctx.actor.timeZone)
export const invalid = (field: string, message: string) => new AppError('validation', message, [{ field, message }])

/** A pathway the actor may see (another site's person: 404, as if it did not exist). */
export async function loadPathway(ctx: PlieCtx, enrolmentId: string): Promise<PathwayRow> {
  const row = await findPathway(ctx.tx, ctx.actor.structureId, enrolmentId)
  if (!row) throw notFound('Ce parcours PLIE')
  await loadVisiblePerson(ctx.tx, ctx.actor, row.person_id, ctx.now)
  return row
}

/** The enrolment's values as they are, to change one of them through the accompaniment's index. */
export async function enrolmentValues(ctx: PlieCtx, p: PathwayRow) {
  const row = await findEnrolmentRow(ctx.tx, p.person_id, p.enrolment_id)
  if (!row) throw notFound('Ce parcours PLIE')
  return {
    programme_id: row.programme_id,
    entry_date: row.entry_date,
    exit_date: row.exit_date,
    exit_reason: row.exit_reason,
    planned_end_date: row.planned_end_date,
    reinforced: row.reinforced,
    referent_id: row.referent_id,
  }
}

/** Saves the enrolment at the version read: 409 when someone changed it since. */
export async function saveEnrolment(
  ctx: PlieCtx,
  p: PathwayRow,
  version: number,
  v: Awaited<ReturnType<typeof enrolmentValues>>,
) {
  await ensureUpdated(
    await updateEnrolment(ctx.tx, p.person_id, p.enrolment_id, version, v),
    async () => !!(await findEnrolmentRow(ctx.tx, p.person_id, p.enrolment_id)),
    'Ce parcours PLIE',
  )
}

export async function personPlie(ctx: PlieCtx, personId: string): Promise<PersonPlie> {
  const person = await loadVisiblePerson(ctx.tx, ctx.actor, personId, ctx.now)
  const today = todayOf(ctx)
  const pathways = await listPathways(ctx.tx, ctx.actor.structureId, person.id, today)
  const open = pathways.find((p) => p.open)
  if (!open) return { pathways, contact: null }
  const state = await contactStateOf(ctx.tx, ctx.actor.structureId, person.id, today)
  return {
    pathways,
    contact: state ? { ...state, stepUnderWay: open.steps.some((s) => s.open && s.startDate <= today) } : null,
  }
}

export async function changeReferent(
  ctx: PlieCtx,
  enrolmentId: string,
  input: { referentId: string; fromDate: string; version: number },
) {
  const p = await loadPathway(ctx, enrolmentId)
  if (input.fromDate < p.entry_date)
    throw invalid('fromDate', 'Le changement de référent ne peut précéder l’entrée dans le parcours.')
  if (p.exit_date && input.fromDate > p.exit_date)
    throw invalid('fromDate', 'Le changement de référent ne peut suivre la sortie du parcours.')
  const last = await lastReferentDate(ctx.tx, ctx.actor.structureId, p.enrolment_id)
  if (last && input.fromDate < last)
    throw invalid('fromDate', 'Un changement de référent plus récent est déjà enregistré.')
  if (!(await staffExists(ctx.tx, ctx.actor.structureId, input.referentId)))
    throw invalid('referentId', 'Cet utilisateur n’existe pas dans la structure ou est désactivé.')
  const values = await enrolmentValues(ctx, p)
  await saveEnrolment(ctx, p, input.version, { ...values, referent_id: input.referentId })
  await recordReferent(ctx.tx, {
    structure_id: ctx.actor.structureId,
    enrolment_id: p.enrolment_id,
    from_date: input.fromDate,
    referent_id: input.referentId,
    recorded_by: ctx.actor.userId,
  })
  await ctx.audit({
    action: 'update',
    entity: 'plie_referent',
    entityId: p.enrolment_id,
    detail: { personId: p.person_id, referentId: input.referentId, fromDate: input.fromDate },
  })
  return pathwayOf(ctx, p)
}

/** One pathway as the person file shows it. */
export async function pathwayOf(ctx: PlieCtx, p: PathwayRow) {
  const all = await listPathways(ctx.tx, ctx.actor.structureId, p.person_id, todayOf(ctx))
  return all.find((x) => x.enrolmentId === p.enrolment_id)!
}
