import { type Selectable, sql } from 'kysely'
import type {
  ActionInput,
  BodyInput,
  SessionInput,
  TrainingAction,
  TrainingBody,
} from '../../../shared/training/catalogue.schema.ts'
import { nsfLabel } from '../../../shared/training/nsf.ts'
import type { Tx } from '../../deps.ts'
import { findCommune } from '../reference/communes.ts'
import type { TrainingActionTable, TrainingBodyTable } from './training.tables.ts'

// The catalogue's SQL (docs/training/catalogue.md): training bodies and their partner accounts, actions, sessions'
// writes (their read is findSessions, sessions.repository.ts); the imports' lookups are in imports.repository.ts.

type BodyRow = Selectable<TrainingBodyTable>
type ActionRow = Selectable<TrainingActionTable>

const bodyValues = (i: BodyInput) => ({
  name: i.name,
  siret: i.siret,
  address: i.address,
  commune_code: i.communeCode,
  contact_name: i.contactName,
  contact_email: i.contactEmail,
  contact_phone: i.contactPhone,
  active: i.active,
})

const actionValues = (i: ActionInput) => ({
  body_id: i.bodyId,
  code: i.code,
  title: i.title,
  funder: i.funder,
  nsf_code: i.nsfCode,
  formacode: i.formacode,
  situation_kind: i.situationKind,
  level_2019: i.level2019,
  public: i.public,
  prerequisites: i.prerequisites,
  objective: i.objective,
  duration_hours: i.durationHours,
  places: i.places,
  active: i.active,
})

const sessionValues = (i: SessionInput) => ({
  action_id: i.actionId,
  starts_on: i.startsOn,
  ends_on: i.endsOn,
  place: i.place,
  commune_code: i.communeCode,
  places: i.places,
  info_session_at: i.infoSessionAt ? new Date(i.infoSessionAt) : null,
  info_session_place: i.infoSessionPlace,
  applications_close_on: i.applicationsCloseOn,
  status: i.status,
})

// ---- bodies

export async function listBodies(tx: Tx, structureId: string, ids?: string[]): Promise<TrainingBody[]> {
  if (ids && ids.length === 0) return []
  let q = tx
    .selectFrom('training_body as b')
    .selectAll('b')
    .select((eb) =>
      eb
        .selectFrom('training_action as a')
        .whereRef('a.structure_id', '=', 'b.structure_id')
        .whereRef('a.body_id', '=', 'b.id')
        .select(eb.fn.countAll<number>().as('n'))
        .as('actions'),
    )
    .where('b.structure_id', '=', structureId)
  if (ids) q = q.where('b.id', 'in', ids)
  const rows = await q.orderBy('b.name').orderBy('b.id').execute()
  const users = rows.length
    ? await tx
        .selectFrom('training_body_user as bu')
        .innerJoin('app_user as u', 'u.id', 'bu.user_id')
        .select(['bu.body_id', 'u.id', 'u.display_name', 'u.email'])
        .where('bu.structure_id', '=', structureId)
        .where(
          'bu.body_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('u.display_name')
        .execute()
    : []
  return rows.map((r) =>
    bodyOf(
      r,
      Number(r.actions ?? 0),
      users.filter((u) => u.body_id === r.id),
    ),
  )
}

const bodyOf = (
  r: BodyRow,
  actions: number,
  users: { id: string; display_name: string; email: string }[],
): TrainingBody => ({
  id: r.id,
  name: r.name,
  siret: r.siret,
  address: r.address,
  communeCode: r.commune_code,
  communeName: r.commune_code ? (findCommune(r.commune_code)?.name ?? null) : null,
  contactName: r.contact_name,
  contactEmail: r.contact_email,
  contactPhone: r.contact_phone,
  active: r.active,
  actions,
  users: users.map((u) => ({ id: u.id, displayName: u.display_name, email: u.email })),
  version: r.version,
})

export async function insertBody(tx: Tx, structureId: string, i: BodyInput, lheoId: string | null = null) {
  const { id } = await tx
    .insertInto('training_body')
    .values({ structure_id: structureId, ...bodyValues(i), lheo_id: lheoId, external_id: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export function updateBody(tx: Tx, structureId: string, id: string, version: number, i: BodyInput) {
  return tx
    .updateTable('training_body')
    .set({ ...bodyValues(i), version: version + 1 })
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst()
}

export const bodyExists = async (tx: Tx, structureId: string, id: string) =>
  !!(await tx
    .selectFrom('training_body')
    .select('id')
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .executeTakeFirst())

export async function bodyHasDependants(tx: Tx, structureId: string, id: string) {
  const action = await tx
    .selectFrom('training_action')
    .select('id')
    .where('structure_id', '=', structureId)
    .where('body_id', '=', id)
    .limit(1)
    .executeTakeFirst()
  if (action) return true
  const plan = await tx
    .selectFrom('prof_plan')
    .select('id')
    .where('structure_id', '=', structureId)
    .where('body_id', '=', id)
    .limit(1)
    .executeTakeFirst()
  return !!plan
}

export async function deleteBody(tx: Tx, structureId: string, id: string, version: number) {
  const row = await tx
    .selectFrom('training_body')
    .select('id')
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .where('version', '=', version)
    .forUpdate()
    .executeTakeFirst()
  if (!row) return undefined
  await tx.deleteFrom('training_body_user').where('structure_id', '=', structureId).where('body_id', '=', id).execute()
  return tx
    .deleteFrom('training_body')
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst()
}

/** A user of the structure, to bind to a body. */
export const findUser = (tx: Tx, structureId: string, userId: string) =>
  tx
    .selectFrom('app_user')
    .select(['id', 'role', 'active', 'display_name'])
    .where('structure_id', '=', structureId)
    .where('id', '=', userId)
    .executeTakeFirst()

/** The body a partner account is bound to, if any (at most one). */
export const bodyOfUser = (tx: Tx, structureId: string, userId: string) =>
  tx
    .selectFrom('training_body_user')
    .select('body_id')
    .where('structure_id', '=', structureId)
    .where('user_id', '=', userId)
    .executeTakeFirst()

/** Serialises the bindings of one account: two binds of the same user cannot both see it free. */
export const lockUser = (tx: Tx, userId: string) =>
  sql`SELECT pg_advisory_xact_lock(hashtext(${`training-body-user:${userId}`}))`.execute(tx)

export const bindUser = (tx: Tx, structureId: string, bodyId: string, userId: string) =>
  tx
    .insertInto('training_body_user')
    .values({ structure_id: structureId, body_id: bodyId, user_id: userId })
    .onConflict((oc) => oc.doNothing())
    .execute()

export async function unbindUser(tx: Tx, structureId: string, bodyId: string, userId: string) {
  const r = await tx
    .deleteFrom('training_body_user')
    .where('structure_id', '=', structureId)
    .where('body_id', '=', bodyId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return Number(r.numDeletedRows) > 0
}

// ---- actions

export async function listActions(
  tx: Tx,
  structureId: string,
  f: { ids?: string[]; bodyId?: string; funder?: string; active?: boolean } = {},
): Promise<TrainingAction[]> {
  if (f.ids && f.ids.length === 0) return []
  let q = tx
    .selectFrom('training_action as a')
    .innerJoin('training_body as b', (j) =>
      j.onRef('b.structure_id', '=', 'a.structure_id').onRef('b.id', '=', 'a.body_id'),
    )
    .selectAll('a')
    .select('b.name as body_name')
    .select((eb) =>
      eb
        .selectFrom('training_session as s')
        .whereRef('s.structure_id', '=', 'a.structure_id')
        .whereRef('s.action_id', '=', 'a.id')
        .select(eb.fn.countAll<number>().as('n'))
        .as('sessions'),
    )
    .where('a.structure_id', '=', structureId)
  if (f.ids) q = q.where('a.id', 'in', f.ids)
  if (f.bodyId) q = q.where('a.body_id', '=', f.bodyId)
  if (f.funder) q = q.where('a.funder', '=', f.funder as ActionRow['funder'])
  if (f.active !== undefined) q = q.where('a.active', '=', f.active)
  const rows = await q.orderBy('a.title').orderBy('a.id').limit(2000).execute()
  return rows.map((r) => ({
    id: r.id,
    bodyId: r.body_id,
    bodyName: r.body_name,
    code: r.code,
    title: r.title,
    funder: r.funder,
    nsfCode: r.nsf_code,
    nsfLabel: r.nsf_code ? nsfLabel(r.nsf_code) : null,
    formacode: r.formacode,
    situationKind: r.situation_kind,
    level2019: r.level_2019,
    public: r.public,
    prerequisites: r.prerequisites,
    objective: r.objective,
    durationHours: r.duration_hours,
    places: r.places,
    active: r.active,
    sessions: Number(r.sessions ?? 0),
    version: r.version,
  }))
}

export async function insertAction(tx: Tx, structureId: string, i: ActionInput, lheoId: string | null = null) {
  const { id } = await tx
    .insertInto('training_action')
    .values({ structure_id: structureId, ...actionValues(i), lheo_id: lheoId, external_id: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export function updateAction(tx: Tx, structureId: string, id: string, version: number, i: ActionInput) {
  return tx
    .updateTable('training_action')
    .set({ ...actionValues(i), version: version + 1 })
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst()
}

export const actionExists = async (tx: Tx, structureId: string, id: string) =>
  !!(await tx
    .selectFrom('training_action')
    .select('id')
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .executeTakeFirst())

export async function actionHasSessions(tx: Tx, structureId: string, id: string) {
  return !!(await tx
    .selectFrom('training_session')
    .select('id')
    .where('structure_id', '=', structureId)
    .where('action_id', '=', id)
    .limit(1)
    .executeTakeFirst())
}

export const deleteAction = (tx: Tx, structureId: string, id: string, version: number) =>
  tx
    .deleteFrom('training_action')
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst()

// ---- sessions

export async function insertSession(tx: Tx, structureId: string, i: SessionInput, lheoId: string | null = null) {
  const { id } = await tx
    .insertInto('training_session')
    .values({ structure_id: structureId, ...sessionValues(i), lheo_id: lheoId, external_id: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export function updateSession(tx: Tx, structureId: string, id: string, version: number, i: SessionInput) {
  return tx
    .updateTable('training_session')
    .set({ ...sessionValues(i), version: version + 1 })
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst()
}

export async function sessionHasPrescriptions(tx: Tx, structureId: string, id: string) {
  return !!(await tx
    .selectFrom('training_prescription')
    .select('id')
    .where('structure_id', '=', structureId)
    .where('session_id', '=', id)
    .limit(1)
    .executeTakeFirst())
}

export const deleteSession = (tx: Tx, structureId: string, id: string, version: number) =>
  tx
    .deleteFrom('training_session')
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst()

export { actionValues, bodyValues, sessionValues }
