import type { Me, SignInResult } from '../../../shared/auth/auth.schema.ts'
import { can, type Role } from '../../../shared/auth/roles.ts'
import type { Deps, Tx } from '../../deps.ts'
import { AppError } from '../../errors.ts'
import { writeAudit } from '../audit/audit.repository.ts'
import { checkPasswordStrength, dummyHash, hashPassword, verifyPassword } from './password.ts'
import { createSession, endOtherSessions, endSession, loadScopes } from './session.repository.ts'
import { claim, clearFailures, isLocked, recordFailure, throttleKey } from './signin-throttle.ts'

const WRONG = 'Adresse e-mail ou mot de passe incorrect.'
const LOCKED = 'Trop de tentatives. Réessayez dans quelques minutes.'

export function totpRequired(deps: Deps, role: Role) {
  return can(role, 'secondFactorRequired') || deps.config.totpRequiredForAll
}

export interface RequestMeta {
  ip: string | null
  userAgent: string | null
  previousSessionId?: string
}

export async function signIn(
  deps: Deps,
  tx: Tx,
  now: Date,
  input: { email: string; password: string },
  meta: RequestMeta,
): Promise<{ token: string; result: SignInResult }> {
  // Known e-mail or not, the same steps and the same answers (401, then 429 once locked): they tell nobody which
  // e-mails have an account. The throttle row stays locked until this attempt ends (see signin-throttle.ts).
  const throttle = await claim(tx, throttleKey(input.email), now)
  const user = await tx.selectFrom('app_user').selectAll().where('email', '=', input.email).executeTakeFirst()
  const fail = async (reason: string, detail: Record<string, unknown> = {}) => {
    await writeAudit(
      tx,
      now,
      { anonymous: input.email, ip: meta.ip, userId: user?.id ?? null, structureId: user?.structure_id ?? null },
      { action: 'signin.failure', entity: 'app_user', entityId: user?.id ?? null, detail: { reason, ...detail } },
    )
  }
  // A lock is temporary by construction: an attacker can slow an account down, never shut it for good.
  if (isLocked(throttle, now)) {
    await fail('locked')
    throw new AppError('too_many_requests', LOCKED, [], true)
  }
  const known = !!user?.active
  // Unknown e-mails cost the same argon2 verification as wrong passwords.
  const verified = await verifyPassword(known ? user.password_hash : await dummyHash(), input.password)
  if (!known || !verified) {
    const locked = await recordFailure(tx, throttle, 'password', now, deps.config.signin)
    const reason = !user ? 'unknown_email' : !user.active ? 'inactive' : 'wrong_password'
    await fail(locked ? `${reason}_locked` : reason)
    throw new AppError('unauthenticated', WRONG, [], true)
  }
  await clearFailures(tx, throttle, 'password')
  // A new session id at every sign-in: a session fixed before sign-in is thrown away.
  if (meta.previousSessionId) await endSession(tx, meta.previousSessionId)
  const needsSecondFactor = user.totp_enabled || totpRequired(deps, user.role as Role)
  const token = await createSession(tx, user.id, now, deps.config.session, { ...meta, pendingTotp: needsSecondFactor })
  const actor = { userId: user.id, structureId: user.structure_id, displayName: user.display_name, ip: meta.ip }
  if (needsSecondFactor) {
    await writeAudit(tx, now, actor, { action: 'signin.password_ok', entity: 'app_user', entityId: user.id })
    return { token, result: { status: user.totp_enabled ? 'totp_required' : 'totp_enrolment_required' } }
  }
  await writeAudit(tx, now, actor, { action: 'signin.success', entity: 'app_user', entityId: user.id })
  return { token, result: { status: 'signed_in', me: await loadMe(deps, tx, user.id) } }
}

/** A password change ends the user's other sessions (a stolen one included) and keeps the one that made it. */
export async function changePassword(
  tx: Tx,
  now: Date,
  actor: { userId: string; sessionId: string },
  current: string,
  next: string,
) {
  const user = await tx
    .selectFrom('app_user')
    .select(['password_hash', 'email'])
    .where('id', '=', actor.userId)
    .forNoKeyUpdate()
    .executeTakeFirstOrThrow()
  if (!(await verifyPassword(user.password_hash, current)))
    throw new AppError('validation', 'Mot de passe actuel incorrect.', [
      { field: 'currentPassword', message: 'Mot de passe actuel incorrect.' },
    ])
  checkPasswordStrength(next, 'newPassword', user.email)
  await tx
    .updateTable('app_user')
    .set({ password_hash: await hashPassword(next), password_changed_at: now })
    .where('id', '=', actor.userId)
    .execute()
  const ended = await endOtherSessions(tx, actor.userId, actor.sessionId)
  return { otherSessionsEnded: Number(ended.numDeletedRows) }
}

export async function loadMe(deps: Deps, tx: Tx, userId: string): Promise<Me> {
  const user = await tx.selectFrom('app_user').selectAll().where('id', '=', userId).executeTakeFirstOrThrow()
  const scopes = await loadScopes(tx, userId)
  const structure = await tx
    .selectFrom('structure')
    .select('time_zone')
    .where('id', '=', user.structure_id)
    .executeTakeFirstOrThrow()
  const sites = scopes.siteIds.length
    ? await tx.selectFrom('site').select(['id', 'name']).where('id', 'in', scopes.siteIds).orderBy('name').execute()
    : []
  const programmes = scopes.programmeIds.length
    ? await tx
        .selectFrom('programme')
        .select(['id', 'code', 'name'])
        .where('id', 'in', scopes.programmeIds)
        .orderBy('code')
        .execute()
    : []
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    role: user.role as Role,
    sites,
    programmes,
    totpEnabled: user.totp_enabled,
    totpRequired: totpRequired(deps, user.role as Role),
    timeZone: structure.time_zone,
  }
}
