import { sql } from 'kysely'
import type { TrainingSession } from '../../../shared/training/catalogue.schema.ts'
import { nsfLabel } from '../../../shared/training/nsf.ts'
import { HOLDING_STATUSES, OPEN_STATUSES } from '../../../shared/training/training.nomenclature.ts'
import type { Tx } from '../../deps.ts'
import { findCommune } from '../reference/communes.ts'
import type { TrainingFunder, TrainingSessionStatus } from './training.tables.ts'

// The sessions as every part reads them (docs/training/catalogue.md): the action, its body, and the places —
// taken (an accepted or entered prescription holds one), left (never below 0), and the prescriptions waiting for an
// answer. One query, used by the catalogue's search, the prescriptions, the portal and the worklist.

export interface SessionFilter {
  ids?: string[]
  q?: string
  /** an NSF code or its first digits (31: every group of the sub-domain) */
  nsf?: string
  funder?: TrainingFunder
  communeCode?: string
  bodyIds?: string[]
  actionId?: string
  /** sessions starting on or after */
  from?: string
  /** sessions starting on or before */
  to?: string
  withPlacesLeft?: boolean
  status?: TrainingSessionStatus
  limit?: number
}

export async function findSessions(tx: Tx, structureId: string, f: SessionFilter = {}): Promise<TrainingSession[]> {
  if (f.ids && f.ids.length === 0) return []
  const holding = sql.join(HOLDING_STATUSES.map((s) => sql.lit(s)))
  const open = sql.join(OPEN_STATUSES.map((s) => sql.lit(s)))
  let q = tx
    .selectFrom('training_session as s')
    .innerJoin('training_action as a', (j) =>
      j.onRef('a.structure_id', '=', 's.structure_id').onRef('a.id', '=', 's.action_id'),
    )
    .innerJoin('training_body as b', (j) =>
      j.onRef('b.structure_id', '=', 'a.structure_id').onRef('b.id', '=', 'a.body_id'),
    )
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('training_prescription as p')
          .whereRef('p.structure_id', '=', 's.structure_id')
          .whereRef('p.session_id', '=', 's.id')
          .select([
            sql<number>`count(*) FILTER (WHERE p.status IN (${holding}))::int`.as('taken'),
            sql<number>`count(*) FILTER (WHERE p.status IN (${open}))::int`.as('pending'),
          ])
          .as('c'),
      (j) => j.onTrue(),
    )
    .where('s.structure_id', '=', structureId)
    .select([
      's.id',
      's.action_id',
      'a.title as action_title',
      'a.code as action_code',
      'a.funder',
      'a.nsf_code',
      'a.body_id',
      'b.name as body_name',
      's.starts_on',
      's.ends_on',
      's.place',
      's.commune_code',
      's.places',
      's.info_session_at',
      's.info_session_place',
      's.applications_close_on',
      's.status',
      's.version',
      'c.taken',
      'c.pending',
    ])
  if (f.ids) q = q.where('s.id', 'in', f.ids)
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`
    q = q.where((eb) => eb.or([eb('a.title', 'ilike', like), eb('b.name', 'ilike', like), eb('a.code', 'ilike', like)]))
  }
  if (f.nsf) q = q.where('a.nsf_code', 'like', `${f.nsf.replace(/[\\%_]/g, '')}%`)
  if (f.funder) q = q.where('a.funder', '=', f.funder)
  if (f.communeCode) q = q.where('s.commune_code', '=', f.communeCode)
  if (f.bodyIds) q = f.bodyIds.length ? q.where('a.body_id', 'in', f.bodyIds) : q.where(sql<boolean>`false`)
  if (f.actionId) q = q.where('s.action_id', '=', f.actionId)
  if (f.from) q = q.where('s.starts_on', '>=', f.from)
  if (f.to) q = q.where('s.starts_on', '<=', f.to)
  if (f.status) q = q.where('s.status', '=', f.status)
  if (f.withPlacesLeft) q = q.where(sql<boolean>`s.places > coalesce(c.taken, 0)`)
  const rows = await q
    .orderBy('s.starts_on')
    .orderBy('a.title')
    .orderBy('s.id')
    .limit(f.limit ?? 500)
    .execute()
  return rows.map((r) => {
    const taken = Number(r.taken ?? 0)
    return {
      id: r.id,
      actionId: r.action_id,
      actionTitle: r.action_title,
      actionCode: r.action_code,
      funder: r.funder,
      nsfCode: r.nsf_code,
      nsfLabel: r.nsf_code ? nsfLabel(r.nsf_code) : null,
      bodyId: r.body_id,
      bodyName: r.body_name,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      place: r.place,
      communeCode: r.commune_code,
      communeName: r.commune_code ? (findCommune(r.commune_code)?.name ?? null) : null,
      places: r.places,
      placesTaken: taken,
      placesLeft: Math.max(0, r.places - taken),
      pending: Number(r.pending ?? 0),
      infoSessionAt: r.info_session_at ? new Date(r.info_session_at).toISOString() : null,
      infoSessionPlace: r.info_session_place,
      applicationsCloseOn: r.applications_close_on,
      status: r.status,
      version: r.version,
    }
  })
}

export async function findSession(tx: Tx, structureId: string, id: string): Promise<TrainingSession | undefined> {
  return (await findSessions(tx, structureId, { ids: [id] }))[0]
}

/**
 * Locks a session's row for the length of the transaction (SELECT … FOR UPDATE), so that two answers taking its last
 * place cannot both pass the places-left check: the second waits, then counts the first's place.
 */
export async function lockSession(tx: Tx, structureId: string, id: string) {
  return tx
    .selectFrom('training_session')
    .select(['id', 'places', 'status', 'version'])
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
}

/** places held on a session (accepted or entered prescriptions), read after lockSession */
export async function placesTaken(tx: Tx, structureId: string, sessionId: string): Promise<number> {
  const row = await tx
    .selectFrom('training_prescription')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('structure_id', '=', structureId)
    .where('session_id', '=', sessionId)
    .where('status', 'in', [...HOLDING_STATUSES])
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
