import { sql } from 'kysely'
import type { MemberInput, MemberUpdate, PoolFigures, PoolInput } from '../../../shared/employment/pools.schema.ts'
import type { Tx } from '../../deps.ts'
import type { visiblePersons } from '../persons/person.policy.ts'

// The SQL of the candidate pools (pools.service.ts): pools, their information sessions, their members, and the
// figures counted from the member rows and the hires made through the pool (placement.pool_id).

/** a member is employed when a hire was made through the pool for the person, or when they left for a job */
const employedOf = sql<boolean>`(m.left_reason = 'employed' or exists (
  select 1 from placement pl
  where pl.structure_id = m.structure_id and pl.pool_id = m.pool_id and pl.person_id = m.person_id))`

export async function poolFigures(tx: Tx, s: string, poolIds: string[]) {
  const out = new Map<string, PoolFigures>()
  for (const id of poolIds) out.set(id, { positioned: 0, informed: 0, interviewed: 0, joined: 0, employed: 0, left: 0 })
  if (!poolIds.length) return out
  const rows = await sql<PoolFigures & { pool_id: string }>`
    select m.pool_id,
      count(*)::int as positioned,
      count(m.info_session_id)::int as informed,
      count(m.interviewed_on)::int as interviewed,
      count(m.joined_on)::int as joined,
      count(*) filter (where ${employedOf})::int as employed,
      count(m.left_on)::int as "left"
    from pool_member m
    where m.structure_id = ${s} and m.pool_id in (${sql.join(poolIds)})
    group by m.pool_id`.execute(tx)
  for (const { pool_id, ...f } of rows.rows) out.set(pool_id, f)
  return out
}

export function listPoolRows(tx: Tx, s: string, f: { id?: string; kind?: string; active?: boolean }) {
  let q = tx
    .selectFrom('candidate_pool as c')
    .leftJoin('app_user as u', 'u.id', 'c.officer_id')
    .select([
      'c.id',
      'c.name',
      'c.kind',
      'c.sector',
      'c.eligibility',
      'c.starts_on',
      'c.ends_on',
      'c.active',
      'c.version',
      'u.display_name as officer_name',
    ])
    .where('c.structure_id', '=', s)
  if (f.id) q = q.where('c.id', '=', f.id)
  if (f.kind) q = q.where('c.kind', '=', f.kind as 'sector')
  if (f.active !== undefined) q = q.where('c.active', '=', f.active)
  return q.orderBy('c.active', 'desc').orderBy('c.starts_on', 'desc').orderBy('c.name').execute()
}
export type PoolRow = Awaited<ReturnType<typeof listPoolRows>>[number]

const poolValues = (v: PoolInput) => ({
  name: v.name,
  kind: v.kind,
  sector: v.sector,
  eligibility: v.eligibility,
  starts_on: v.startsOn,
  ends_on: v.endsOn,
  active: v.active,
})

export async function insertPool(tx: Tx, s: string, v: PoolInput, officerId: string) {
  const row = await tx
    .insertInto('candidate_pool')
    .values({ structure_id: s, ...poolValues(v), officer_id: officerId, external_id: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export const updatePool = (tx: Tx, s: string, id: string, version: number, v: PoolInput) =>
  tx
    .updateTable('candidate_pool')
    .set({ ...poolValues(v), version: version + 1 })
    .where('structure_id', '=', s)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst()

export function listPoolSessionRows(tx: Tx, s: string, f: { poolId: string; id?: string }) {
  let q = tx
    .selectFrom('pool_info_session as i')
    .select((eb) => [
      'i.id',
      'i.at',
      'i.place',
      'i.version',
      eb
        .selectFrom('pool_member as m')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('m.structure_id', '=', 'i.structure_id')
        .whereRef('m.info_session_id', '=', 'i.id')
        .as('members'),
    ])
    .where('i.structure_id', '=', s)
    .where('i.pool_id', '=', f.poolId)
  if (f.id) q = q.where('i.id', '=', f.id)
  return q.orderBy('i.at').execute()
}

export async function insertPoolSession(tx: Tx, s: string, poolId: string, v: { at: string; place: string | null }) {
  const row = await tx
    .insertInto('pool_info_session')
    .values({ structure_id: s, pool_id: poolId, at: new Date(v.at), place: v.place, external_id: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export const updatePoolSession = (
  tx: Tx,
  s: string,
  poolId: string,
  id: string,
  version: number,
  v: { at: string; place: string | null },
) =>
  tx
    .updateTable('pool_info_session')
    .set({ at: new Date(v.at), place: v.place, version: version + 1 })
    .where('structure_id', '=', s)
    .where('pool_id', '=', poolId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst()

/** Deletes the session read at this version (the service first checks no member is attached to it). */
export const deletePoolSession = (tx: Tx, s: string, poolId: string, id: string, version: number) =>
  tx
    .deleteFrom('pool_info_session')
    .where('structure_id', '=', s)
    .where('pool_id', '=', poolId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst()

export interface MemberFilter {
  id?: string
  poolId?: string
  stage?: string
  q?: string
  visible?: ReturnType<typeof visiblePersons>
}

export function listMemberRows(tx: Tx, s: string, f: MemberFilter) {
  let q = tx
    .selectFrom('pool_member as m')
    .innerJoin('person as p', (j) => j.onRef('p.structure_id', '=', 'm.structure_id').onRef('p.id', '=', 'm.person_id'))
    .leftJoin('app_user as u', 'u.id', 'm.positioned_by')
    .select([
      'm.id',
      'm.pool_id',
      'm.person_id',
      'p.first_name',
      'p.last_name',
      'm.positioned_on',
      'u.display_name as positioned_by_name',
      'm.info_session_id',
      'm.interviewed_on',
      'm.joined_on',
      'm.left_on',
      'm.left_reason',
      employedOf.as('employed'),
      'm.version',
    ])
    .where('m.structure_id', '=', s)
  if (f.id) q = q.where('m.id', '=', f.id)
  if (f.poolId) q = q.where('m.pool_id', '=', f.poolId)
  if (f.stage === 'informed') q = q.where('m.info_session_id', 'is not', null)
  if (f.stage === 'interviewed') q = q.where('m.interviewed_on', 'is not', null)
  if (f.stage === 'joined') q = q.where('m.joined_on', 'is not', null)
  if (f.stage === 'employed') q = q.where(employedOf)
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    q = q.where(sql<boolean>`p.last_name || ' ' || p.first_name ilike ${like}`)
  }
  if (f.visible) {
    const visible = f.visible
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('person').select('person.id').whereRef('person.id', '=', 'm.person_id').where(visible)),
    )
  }
  return q.orderBy('p.last_name').orderBy('p.first_name').orderBy('m.id').execute()
}
export type MemberRow = Awaited<ReturnType<typeof listMemberRows>>[number]

export async function insertMember(tx: Tx, s: string, poolId: string, v: MemberInput, by: string) {
  const row = await tx
    .insertInto('pool_member')
    .values({
      structure_id: s,
      pool_id: poolId,
      person_id: v.personId,
      positioned_on: v.positionedOn,
      positioned_by: by,
      info_session_id: v.infoSessionId,
      interviewed_on: null,
      joined_on: null,
      left_on: null,
      left_reason: null,
      external_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export const updateMember = (tx: Tx, s: string, id: string, v: MemberUpdate) =>
  tx
    .updateTable('pool_member')
    .set({
      info_session_id: v.infoSessionId,
      interviewed_on: v.interviewedOn,
      joined_on: v.joinedOn,
      left_on: v.leftOn,
      left_reason: v.leftReason,
      version: v.version + 1,
    })
    .where('structure_id', '=', s)
    .where('id', '=', id)
    .where('version', '=', v.version)
    .returning('id')
    .executeTakeFirst()
