import { dayIn } from '../../../shared/dates.ts'
import type {
  Member,
  MemberInput,
  MemberUpdate,
  Pool,
  PoolInput,
  PoolSummary,
} from '../../../shared/employment/pools.schema.ts'
import { ensureUpdated } from '../../db/versioning.ts'
import { declareConstraintConflict, notFound } from '../../errors.ts'
import { visiblePersons } from '../persons/person.policy.ts'
import { conflict, type EmploymentCtx, invalid, loadEmploymentPerson, seesWholeStructure } from './employment-ctx.ts'
import {
  deletePoolSession,
  insertMember,
  insertPool,
  insertPoolSession,
  listMemberRows,
  listPoolRows,
  listPoolSessionRows,
  type MemberRow,
  type PoolRow,
  poolFigures,
  updateMember,
  updatePool,
  updatePoolSession,
} from './pools.repository.ts'

// Candidate pools (docs/employment/pools.md): eligibility criteria, information sessions, the members' stages —
// positioned, informed, interviewed, joined, left — and the figures counted from the rows, employed included (a hire
// made through the pool, placement.pool_id, or a member who left for a job).

const what = 'Ce vivier'
const sessionWhat = 'Cette information collective'
const twice = 'Cette personne est déjà positionnée sur ce vivier.'
declareConstraintConflict('pool_member_person_key', twice, [{ field: 'personId', message: twice }])
const isoDay = (d: string | Date | null) =>
  d === null ? null : typeof d === 'string' ? d : d.toISOString().slice(0, 10)

async function summaries(ctx: EmploymentCtx, rows: PoolRow[]): Promise<PoolSummary[]> {
  const f = await poolFigures(
    ctx.tx,
    ctx.actor.structureId,
    rows.map((r) => r.id),
  )
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    sector: r.sector,
    startsOn: isoDay(r.starts_on) as string,
    endsOn: isoDay(r.ends_on),
    active: r.active,
    version: r.version,
    figures: f.get(r.id)!,
  }))
}

export async function poolList(ctx: EmploymentCtx, q: { kind?: string; active?: 'true' | 'false' }) {
  const active = q.active === undefined ? undefined : q.active === 'true'
  return summaries(ctx, await listPoolRows(ctx.tx, ctx.actor.structureId, { kind: q.kind, active }))
}

async function poolRow(ctx: EmploymentCtx, id: string) {
  const [row] = await listPoolRows(ctx.tx, ctx.actor.structureId, { id })
  if (!row) throw notFound(what)
  return row
}

async function sessionsOf(ctx: EmploymentCtx, poolId: string, id?: string) {
  const rows = await listPoolSessionRows(ctx.tx, ctx.actor.structureId, { poolId, id })
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    place: r.place,
    members: r.members ?? 0,
    version: r.version,
  }))
}

export async function readPool(ctx: EmploymentCtx, id: string): Promise<Pool> {
  const row = await poolRow(ctx, id)
  const [summary] = await summaries(ctx, [row])
  return {
    ...summary!,
    eligibility: row.eligibility,
    officerName: row.officer_name,
    sessions: await sessionsOf(ctx, id),
  }
}

export async function createPool(ctx: EmploymentCtx, input: PoolInput) {
  const id = await insertPool(ctx.tx, ctx.actor.structureId, input, ctx.actor.userId)
  await ctx.audit({ action: 'create', entity: 'candidate_pool', entityId: id, detail: { ...input } })
  return readPool(ctx, id)
}

export async function changePool(ctx: EmploymentCtx, id: string, input: PoolInput & { version: number }) {
  const { version, ...v } = input
  await poolRow(ctx, id)
  await ensureUpdated(
    await updatePool(ctx.tx, ctx.actor.structureId, id, version, v),
    async () => (await listPoolRows(ctx.tx, ctx.actor.structureId, { id })).length > 0,
    what,
  )
  await ctx.audit({ action: 'update', entity: 'candidate_pool', entityId: id, detail: { ...v } })
  return readPool(ctx, id)
}

export async function createPoolSession(
  ctx: EmploymentCtx,
  poolId: string,
  input: { at: string; place: string | null },
) {
  await poolRow(ctx, poolId)
  const id = await insertPoolSession(ctx.tx, ctx.actor.structureId, poolId, input)
  await ctx.audit({ action: 'create', entity: 'pool_info_session', entityId: id, detail: { ...input } })
  return (await sessionsOf(ctx, poolId, id))[0]!
}

export async function changePoolSession(
  ctx: EmploymentCtx,
  poolId: string,
  sessionId: string,
  input: { at: string; place: string | null; version: number },
) {
  const { version, ...v } = input
  await ensureUpdated(
    await updatePoolSession(ctx.tx, ctx.actor.structureId, poolId, sessionId, version, v),
    async () => (await sessionsOf(ctx, poolId, sessionId)).length > 0,
    sessionWhat,
  )
  await ctx.audit({ action: 'update', entity: 'pool_info_session', entityId: sessionId, detail: { ...v } })
  return (await sessionsOf(ctx, poolId, sessionId))[0]!
}

const raced = 'Cette information collective vient de changer (supprimée, ou un membre rattaché) : rechargez la page.'
declareConstraintConflict('pool_member_structure_id_info_session_id_fkey', raced, [
  { field: 'sessionId', message: raced },
])

/**
 * Deletes a pool's session entered by mistake or cancelled. One with members attached stays (409): each member's
 * session is changed first (or emptied). A concurrent attachment makes the database refuse it (the constraint's 409).
 */
export async function removePoolSession(ctx: EmploymentCtx, poolId: string, sessionId: string, version: number) {
  await poolRow(ctx, poolId)
  const [session] = await listPoolSessionRows(ctx.tx, ctx.actor.structureId, { poolId, id: sessionId })
  if (!session) throw notFound(sessionWhat)
  const n = session.members ?? 0
  if (n > 0)
    throw conflict(
      'sessionId',
      n === 1
        ? 'Un membre du vivier est rattaché à cette information collective : changez son information collective avant de la supprimer.'
        : `${n} membres du vivier sont rattachés à cette information collective : changez leur information collective avant de la supprimer.`,
    )
  await ensureUpdated(
    await deletePoolSession(ctx.tx, ctx.actor.structureId, poolId, sessionId, version),
    async () => (await sessionsOf(ctx, poolId, sessionId)).length > 0,
    sessionWhat,
  )
  await ctx.audit({
    action: 'delete',
    entity: 'pool_info_session',
    entityId: sessionId,
    detail: { poolId, at: session.at.toISOString(), place: session.place },
  })
}

// Members ------------------------------------------------------------------------------------------------------------

const present = (r: MemberRow): Member => ({
  id: r.id,
  poolId: r.pool_id,
  person: { id: r.person_id, firstName: r.first_name, lastName: r.last_name },
  positionedOn: isoDay(r.positioned_on) as string,
  positionedByName: r.positioned_by_name,
  infoSessionId: r.info_session_id,
  interviewedOn: isoDay(r.interviewed_on),
  joinedOn: isoDay(r.joined_on),
  leftOn: isoDay(r.left_on),
  leftReason: r.left_reason as Member['leftReason'],
  employed: !!r.employed,
  version: r.version,
})

/** The employment officer and the director see every member; a counsellor only the files they see. */
const scope = (ctx: EmploymentCtx) =>
  seesWholeStructure(ctx.actor) ? undefined : visiblePersons(ctx.actor, dayIn(ctx.now, ctx.actor.timeZone))

async function members(ctx: EmploymentCtx, f: { id?: string; poolId?: string; stage?: string; q?: string }) {
  const rows = await listMemberRows(ctx.tx, ctx.actor.structureId, { ...f, visible: scope(ctx) })
  return rows.map(present)
}

export async function memberList(ctx: EmploymentCtx, poolId: string, f: { stage?: string; q?: string }) {
  await poolRow(ctx, poolId)
  return members(ctx, { ...f, poolId })
}

async function oneMember(ctx: EmploymentCtx, id: string) {
  const [m] = await members(ctx, { id })
  if (!m) throw notFound('Ce membre du vivier')
  return m
}

async function requireSession(ctx: EmploymentCtx, poolId: string, sessionId: string | null) {
  if (sessionId === null) return
  if (!(await sessionsOf(ctx, poolId, sessionId)).length)
    throw invalid('infoSessionId', 'Cette information collective n’est pas celle du vivier.')
}

/** Positions a person on the pool (a counsellor: one of their people). */
export async function addMember(ctx: EmploymentCtx, poolId: string, input: MemberInput) {
  const pool = await poolRow(ctx, poolId)
  if (!pool.active) throw conflict('poolId', 'Ce vivier est fermé : il ne reçoit plus de personnes.')
  await loadEmploymentPerson(ctx, input.personId)
  await requireSession(ctx, poolId, input.infoSessionId)
  const id = await insertMember(ctx.tx, ctx.actor.structureId, poolId, input, ctx.actor.userId)
  await ctx.audit({ action: 'create', entity: 'pool_member', entityId: id, detail: { ...input } })
  return oneMember(ctx, id)
}

/** The member's stages, checked against the positioning date (the dates follow one another). */
export async function changeMember(ctx: EmploymentCtx, id: string, input: MemberUpdate) {
  const m = await oneMember(ctx, id)
  await requireSession(ctx, m.poolId, input.infoSessionId)
  for (const [field, day] of [
    ['interviewedOn', input.interviewedOn],
    ['joinedOn', input.joinedOn],
    ['leftOn', input.leftOn],
  ] as const)
    if (day !== null && day < m.positionedOn)
      throw invalid(
        field,
        `Cette date ne peut précéder le positionnement (${m.positionedOn.split('-').reverse().join('/')}).`,
      )
  if (input.joinedOn !== null && input.leftOn !== null && input.leftOn < input.joinedOn)
    throw invalid('leftOn', 'La sortie ne peut précéder l’entrée dans le vivier.')
  await ensureUpdated(
    await updateMember(ctx.tx, ctx.actor.structureId, id, input),
    async () => (await members(ctx, { id })).length > 0,
    'Ce membre du vivier',
  )
  const { version: _v, ...detail } = input
  await ctx.audit({ action: 'update', entity: 'pool_member', entityId: id, detail })
  return oneMember(ctx, id)
}
