import type { z } from 'zod'
import { siretError } from '../../../shared/siret.ts'
import type {
  ActionInput,
  BodyInput,
  SessionInput,
  sessionSearchQuery,
} from '../../../shared/training/catalogue.schema.ts'
import { ensureUpdated } from '../../db/versioning.ts'
import { AppError, declareConstraintConflict, notFound } from '../../errors.ts'
import {
  actionExists,
  actionHasSessions,
  bindUser,
  bodyExists,
  bodyHasDependants,
  bodyOfUser,
  deleteAction,
  deleteBody,
  deleteSession,
  findUser,
  insertAction,
  insertBody,
  insertSession,
  listActions,
  listBodies,
  lockUser,
  sessionHasPrescriptions,
  unbindUser,
  updateAction,
  updateBody,
  updateSession,
} from './catalogue.repository.ts'
import { findSession, findSessions, lockSession, placesTaken } from './sessions.repository.ts'
import { conflict, invalid, type TrainingCtx } from './training-ctx.ts'

// The catalogue's rules (docs/training/catalogue.md): SIRET checked and unique, versions, a body or an action others
// rest on is deactivated rather than deleted, a session never offers fewer places than it has given.

const siretTaken = 'Un organisme de formation porte déjà ce SIRET.'
declareConstraintConflict('training_body_siret_key', siretTaken, [{ field: 'siret', message: siretTaken }])
const bodyInUse = 'Cet organisme a des actions ou des plans de formation : désactivez-le plutôt que de le supprimer.'
declareConstraintConflict('training_action_structure_id_body_id_fkey', bodyInUse)
declareConstraintConflict('prof_plan_structure_id_body_id_fkey', bodyInUse)
const actionInUse = 'Cette action a des sessions : désactivez-la plutôt que de la supprimer.'
declareConstraintConflict('training_session_structure_id_action_id_fkey', actionInUse)
const sessionInUse =
  'Cette session a des prescriptions : passez-la « annulée » ou « close » plutôt que de la supprimer.'
declareConstraintConflict('training_prescription_structure_id_session_id_fkey', sessionInUse)

const sid = (ctx: TrainingCtx) => ctx.actor.structureId

// ---- bodies

export async function oneBody(ctx: TrainingCtx, id: string) {
  const body = (await listBodies(ctx.tx, sid(ctx), [id]))[0]
  if (!body) throw notFound('Cet organisme de formation')
  return body
}
export const bodyList = (ctx: TrainingCtx) => listBodies(ctx.tx, sid(ctx))

function checkSiret(siret: string | null) {
  const wrong = siret ? siretError(siret) : null
  if (wrong) throw invalid('siret', wrong)
}

export async function createBody(ctx: TrainingCtx, input: BodyInput) {
  checkSiret(input.siret)
  const id = await insertBody(ctx.tx, sid(ctx), input)
  await ctx.audit({ action: 'create', entity: 'training_body', entityId: id, detail: { ...input } })
  return oneBody(ctx, id)
}

export async function changeBody(ctx: TrainingCtx, id: string, input: BodyInput & { version: number }) {
  const { version, ...v } = input
  checkSiret(v.siret)
  await ensureUpdated(
    await updateBody(ctx.tx, sid(ctx), id, version, v),
    () => bodyExists(ctx.tx, sid(ctx), id),
    'Cet organisme de formation',
  )
  await ctx.audit({ action: 'update', entity: 'training_body', entityId: id, detail: { ...v } })
  return oneBody(ctx, id)
}

export async function removeBody(ctx: TrainingCtx, id: string, version: number) {
  const before = await oneBody(ctx, id)
  if (await bodyHasDependants(ctx.tx, sid(ctx), id)) throw new AppError('conflict', bodyInUse)
  await ensureUpdated(
    await deleteBody(ctx.tx, sid(ctx), id, version),
    () => bodyExists(ctx.tx, sid(ctx), id),
    'Cet organisme de formation',
  )
  await ctx.audit({ action: 'delete', entity: 'training_body', entityId: id, detail: { name: before.name } })
}

/** Binds an active partner account of the structure to a body (one body per account). */
export async function bindBodyUser(ctx: TrainingCtx, bodyId: string, userId: string) {
  await oneBody(ctx, bodyId)
  const user = await findUser(ctx.tx, sid(ctx), userId)
  if (user?.role !== 'partner' || !user.active)
    throw invalid('userId', 'Choisissez un compte partenaire actif de la structure.')
  await lockUser(ctx.tx, userId)
  const bound = await bodyOfUser(ctx.tx, sid(ctx), userId)
  if (bound && bound.body_id !== bodyId)
    throw conflict('userId', 'Ce compte est déjà rattaché à un autre organisme de formation.')
  await bindUser(ctx.tx, sid(ctx), bodyId, userId)
  await ctx.audit({ action: 'bind_user', entity: 'training_body', entityId: bodyId, detail: { userId } })
  return oneBody(ctx, bodyId)
}

export async function unbindBodyUser(ctx: TrainingCtx, bodyId: string, userId: string) {
  await oneBody(ctx, bodyId)
  if (!(await unbindUser(ctx.tx, sid(ctx), bodyId, userId))) throw notFound('Ce rattachement')
  await ctx.audit({ action: 'unbind_user', entity: 'training_body', entityId: bodyId, detail: { userId } })
  return oneBody(ctx, bodyId)
}

// ---- actions

export async function oneAction(ctx: TrainingCtx, id: string) {
  const action = (await listActions(ctx.tx, sid(ctx), { ids: [id] }))[0]
  if (!action) throw notFound('Cette action de formation')
  return action
}
export const actionList = (ctx: TrainingCtx, q: { bodyId?: string; funder?: string; active?: 'true' | 'false' }) =>
  listActions(ctx.tx, sid(ctx), {
    bodyId: q.bodyId,
    funder: q.funder,
    active: q.active === undefined ? undefined : q.active === 'true',
  })

async function checkBody(ctx: TrainingCtx, bodyId: string) {
  if (!(await bodyExists(ctx.tx, sid(ctx), bodyId))) throw invalid('bodyId', 'Organisme de formation inconnu.')
}

export async function createAction(ctx: TrainingCtx, input: ActionInput) {
  await checkBody(ctx, input.bodyId)
  const id = await insertAction(ctx.tx, sid(ctx), input)
  await ctx.audit({ action: 'create', entity: 'training_action', entityId: id, detail: { ...input } })
  return oneAction(ctx, id)
}

export async function changeAction(ctx: TrainingCtx, id: string, input: ActionInput & { version: number }) {
  const { version, ...v } = input
  await checkBody(ctx, v.bodyId)
  await ensureUpdated(
    await updateAction(ctx.tx, sid(ctx), id, version, v),
    () => actionExists(ctx.tx, sid(ctx), id),
    'Cette action de formation',
  )
  await ctx.audit({ action: 'update', entity: 'training_action', entityId: id, detail: { ...v } })
  return oneAction(ctx, id)
}

export async function removeAction(ctx: TrainingCtx, id: string, version: number) {
  const before = await oneAction(ctx, id)
  if (await actionHasSessions(ctx.tx, sid(ctx), id)) throw new AppError('conflict', actionInUse)
  await ensureUpdated(
    await deleteAction(ctx.tx, sid(ctx), id, version),
    () => actionExists(ctx.tx, sid(ctx), id),
    'Cette action de formation',
  )
  await ctx.audit({ action: 'delete', entity: 'training_action', entityId: id, detail: { title: before.title } })
}

// ---- sessions

export async function oneSession(ctx: TrainingCtx, id: string) {
  const session = await findSession(ctx.tx, sid(ctx), id)
  if (!session) throw notFound('Cette session')
  return session
}

export const sessionSearch = (ctx: TrainingCtx, q: z.output<typeof sessionSearchQuery>) =>
  findSessions(ctx.tx, sid(ctx), {
    q: q.q || undefined,
    nsf: q.nsf || undefined,
    funder: q.funder,
    communeCode: q.communeCode,
    bodyIds: q.bodyId ? [q.bodyId] : undefined,
    actionId: q.actionId,
    from: q.from,
    to: q.to,
    withPlacesLeft: q.withPlacesLeft === 'true',
    status: q.status,
    limit: q.limit,
  })

async function checkAction(ctx: TrainingCtx, actionId: string) {
  if (!(await actionExists(ctx.tx, sid(ctx), actionId))) throw invalid('actionId', 'Action de formation inconnue.')
}

export async function createSession(ctx: TrainingCtx, input: SessionInput) {
  await checkAction(ctx, input.actionId)
  const id = await insertSession(ctx.tx, sid(ctx), input)
  await ctx.audit({ action: 'create', entity: 'training_session', entityId: id, detail: { ...input } })
  return oneSession(ctx, id)
}

export async function changeSession(ctx: TrainingCtx, id: string, input: SessionInput & { version: number }) {
  const { version, ...v } = input
  await checkAction(ctx, v.actionId)
  // the row lock makes the count and the update one step: an answer taking a place waits for it, or it for the answer
  const locked = await lockSession(ctx.tx, sid(ctx), id)
  if (!locked) throw notFound('Cette session')
  if (locked.version !== version) throw new AppError('version_conflict', versionMessage)
  const taken = await placesTaken(ctx.tx, sid(ctx), id)
  if (v.places < taken)
    throw conflict(
      'places',
      `${taken} place${taken > 1 ? 's sont' : ' est'} déjà prise${taken > 1 ? 's' : ''} : pas moins de ${taken} places.`,
    )
  await ensureUpdated(await updateSession(ctx.tx, sid(ctx), id, version, v), async () => true, 'Cette session')
  await ctx.audit({ action: 'update', entity: 'training_session', entityId: id, detail: { ...v } })
  return oneSession(ctx, id)
}
const versionMessage =
  'Cette fiche a été modifiée par quelqu’un d’autre depuis que vous l’avez ouverte. Rechargez-la avant d’enregistrer.'

export async function removeSession(ctx: TrainingCtx, id: string, version: number) {
  const locked = await lockSession(ctx.tx, sid(ctx), id)
  if (!locked) throw notFound('Cette session')
  if (await sessionHasPrescriptions(ctx.tx, sid(ctx), id)) throw new AppError('conflict', sessionInUse)
  await ensureUpdated(await deleteSession(ctx.tx, sid(ctx), id, version), async () => true, 'Cette session')
  await ctx.audit({ action: 'delete', entity: 'training_session', entityId: id, detail: { version } })
}
