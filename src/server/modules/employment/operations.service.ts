import type { Operation, OperationInput, OperationSummary } from '../../../shared/employment/operations.schema.ts'
import { ensureUpdated } from '../../db/versioning.ts'
import { declareConstraintConflict, notFound } from '../../errors.ts'
import { conflict, type EmploymentCtx, invalid } from './employment-ctx.ts'
import {
  deleteSession,
  employerExists,
  funnels,
  insertOperation,
  insertSession,
  listOperationRows,
  listSessionRows,
  type OperationRow,
  operationExists,
  territoryCommunes,
  updateOperation,
  updateSession,
} from './operations.repository.ts'

// Recruitment operations run as a funnel (docs/employment/operations.md): an employer's positions, its information
// sessions, the applications (a person of the files or an outside applicant) and each one's steps — invited, present,
// test, interview, outcome — with the funnel's figures counted from the rows at every read.

export const what = 'Cette opération'
export const isoDay = (d: string | Date | null) =>
  d === null ? null : typeof d === 'string' ? d : d.toISOString().slice(0, 10)

async function summaries(ctx: EmploymentCtx, rows: OperationRow[]): Promise<OperationSummary[]> {
  const s = ctx.actor.structureId
  const f = await funnels(
    ctx.tx,
    s,
    rows.map((r) => r.id),
    await territoryCommunes(ctx.tx, s),
  )
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    employer: { id: r.employer_id, name: r.employer_name },
    sector: r.sector,
    positions: r.positions,
    startsOn: isoDay(r.starts_on) as string,
    endsOn: isoDay(r.ends_on),
    status: r.status,
    version: r.version,
    funnel: f.get(r.id)!,
  }))
}

export async function operationList(ctx: EmploymentCtx, filter: { status?: string; employerId?: string }) {
  return summaries(ctx, await listOperationRows(ctx.tx, ctx.actor.structureId, filter))
}

async function sessionsOf(ctx: EmploymentCtx, operationId: string) {
  const rows = await listSessionRows(ctx.tx, ctx.actor.structureId, { operationId })
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    place: r.place,
    capacity: r.capacity,
    invited: r.invited ?? 0,
    attended: r.attended ?? 0,
    version: r.version,
  }))
}

export async function readOperation(ctx: EmploymentCtx, id: string): Promise<Operation> {
  const [row] = await listOperationRows(ctx.tx, ctx.actor.structureId, { id })
  if (!row) throw notFound(what)
  const [summary] = await summaries(ctx, [row])
  return {
    ...summary!,
    profile: row.profile,
    method: row.method,
    partners: row.partners,
    officerName: row.officer_name,
    sessions: await sessionsOf(ctx, id),
  }
}

async function requireEmployer(ctx: EmploymentCtx, employerId: string) {
  if (!(await employerExists(ctx.tx, ctx.actor.structureId, employerId)))
    throw invalid('employerId', 'Cette entreprise est introuvable.')
}

export async function createOperation(ctx: EmploymentCtx, input: OperationInput) {
  await requireEmployer(ctx, input.employerId)
  const id = await insertOperation(ctx.tx, ctx.actor.structureId, input, ctx.actor.userId)
  await ctx.audit({ action: 'create', entity: 'recruitment_operation', entityId: id, detail: { ...input } })
  return readOperation(ctx, id)
}

export async function changeOperation(ctx: EmploymentCtx, id: string, input: OperationInput & { version: number }) {
  const { version, ...v } = input
  if (!(await operationExists(ctx.tx, ctx.actor.structureId, id))) throw notFound(what)
  await requireEmployer(ctx, v.employerId)
  await ensureUpdated(
    await updateOperation(ctx.tx, ctx.actor.structureId, id, version, v),
    async () => operationExists(ctx.tx, ctx.actor.structureId, id),
    what,
  )
  await ctx.audit({ action: 'update', entity: 'recruitment_operation', entityId: id, detail: { ...v } })
  return readOperation(ctx, id)
}

// Sessions -----------------------------------------------------------------------------------------------------------

type SessionInput = { at: string; place: string | null; capacity: number | null }

const sessionWhat = 'Cette information collective'
const sessionInUse = (n: number) =>
  conflict(
    'sessionId',
    n === 1
      ? 'Une candidature est invitée à cette information collective : invitez-la à une autre avant de la supprimer.'
      : `${n} candidatures sont invitées à cette information collective : invitez-les à une autre avant de la supprimer.`,
  )
const raced =
  'Cette information collective vient de changer (supprimée, ou une candidature invitée) : rechargez la page.'
declareConstraintConflict('operation_application_structure_id_info_session_id_fkey', raced, [
  { field: 'sessionId', message: raced },
])

export async function createOperationSession(ctx: EmploymentCtx, operationId: string, input: SessionInput) {
  if (!(await operationExists(ctx.tx, ctx.actor.structureId, operationId))) throw notFound(what)
  const id = await insertSession(ctx.tx, ctx.actor.structureId, operationId, input)
  await ctx.audit({ action: 'create', entity: 'operation_info_session', entityId: id, detail: { ...input } })
  return (await sessionsOf(ctx, operationId)).find((x) => x.id === id)!
}

export async function changeOperationSession(
  ctx: EmploymentCtx,
  operationId: string,
  sessionId: string,
  input: SessionInput & { version: number },
) {
  const { version, ...v } = input
  const [session] = await listSessionRows(ctx.tx, ctx.actor.structureId, { operationId, id: sessionId })
  if (!session) throw notFound(sessionWhat)
  const invited = session.invited ?? 0
  if (v.capacity !== null && v.capacity < invited)
    throw conflict('capacity', `${invited} candidatures sont déjà invitées : prévoyez au moins ${invited} places.`)
  const exists = async () =>
    (await listSessionRows(ctx.tx, ctx.actor.structureId, { operationId, id: sessionId })).length > 0
  await ensureUpdated(
    await updateSession(ctx.tx, ctx.actor.structureId, operationId, sessionId, version, v),
    exists,
    sessionWhat,
  )
  await ctx.audit({ action: 'update', entity: 'operation_info_session', entityId: sessionId, detail: { ...v } })
  return (await sessionsOf(ctx, operationId)).find((x) => x.id === sessionId)!
}

/**
 * Deletes a session entered by mistake or cancelled. One with invited applications stays (409): the funnel counts
 * them, so they are invited to another session first. A concurrent invitation makes the database refuse it (the
 * constraint's 409).
 */
export async function removeOperationSession(
  ctx: EmploymentCtx,
  operationId: string,
  sessionId: string,
  version: number,
) {
  if (!(await operationExists(ctx.tx, ctx.actor.structureId, operationId))) throw notFound(what)
  const [session] = await listSessionRows(ctx.tx, ctx.actor.structureId, { operationId, id: sessionId })
  if (!session) throw notFound(sessionWhat)
  if ((session.invited ?? 0) > 0) throw sessionInUse(session.invited ?? 0)
  await ensureUpdated(
    await deleteSession(ctx.tx, ctx.actor.structureId, operationId, sessionId, version),
    async () => (await listSessionRows(ctx.tx, ctx.actor.structureId, { operationId, id: sessionId })).length > 0,
    sessionWhat,
  )
  await ctx.audit({
    action: 'delete',
    entity: 'operation_info_session',
    entityId: sessionId,
    detail: { operationId, at: session.at.toISOString(), place: session.place },
  })
}

// Applications -------------------------------------------------------------------------------------------------------
