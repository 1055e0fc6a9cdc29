import { generateSecret, generateURI, verify } from 'otplib'
import type { Me, SignInResult } from '../../../shared/auth/auth.schema.ts'
import type { Role } from '../../../shared/auth/roles.ts'
import type { Deps, Tx } from '../../deps.ts'
import { AppError } from '../../errors.ts'
import { writeAudit } from '../audit/audit.repository.ts'
import { checkPasswordStrength, dummyHash, hashPassword, verifyPassword } from './password.ts'
import { createSession, endSession, loadScopes } from './session.repository.ts'

const WRONG = 'Adresse e-mail ou mot de passe incorrect.'

export function totpRequired(deps: Deps, role: Role) {
  return role === 'admin' || deps.config.totpRequiredForAll
}

interface RequestMeta {
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
  const user = await tx.selectFrom('app_user').selectAll().where('email', '=', input.email).executeTakeFirst()
  const fail = async (reason: string, userId: string | null, structureId: string | null) => {
    await writeAudit(
      tx,
      now,
      { anonymous: input.email, ip: meta.ip, userId, structureId },
      { action: 'signin.failure', entity: 'app_user', entityId: userId, detail: { reason } },
    )
  }
  if (!user?.active) {
    await verifyPassword(await dummyHash(), input.password)
    await fail(user ? 'inactive' : 'unknown_email', user?.id ?? null, user?.structure_id ?? null)
    throw new AppError('unauthenticated', WRONG, [], true)
  }
  // A lock is temporary by construction: an attacker can slow an account down, never shut it for good.
  if (user.locked_until && user.locked_until > now) {
    await fail('locked', user.id, user.structure_id)
    throw new AppError('too_many_requests', 'Trop de tentatives. Réessayez dans quelques minutes.', [], true)
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    const failures = user.failed_signins + 1
    const lock = failures >= deps.config.signin.maxFailures
    await tx
      .updateTable('app_user')
      .set({
        failed_signins: lock ? 0 : failures,
        locked_until: lock ? new Date(now.getTime() + deps.config.signin.lockMinutes * 60_000) : null,
      })
      .where('id', '=', user.id)
      .execute()
    await fail(lock ? 'wrong_password_locked' : 'wrong_password', user.id, user.structure_id)
    throw new AppError('unauthenticated', WRONG, [], true)
  }
  await tx.updateTable('app_user').set({ failed_signins: 0, locked_until: null }).where('id', '=', user.id).execute()
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

/** Second step: a code from the authenticator app turns a pending session into a full one (with a new id). */
export async function verifySecondFactor(
  deps: Deps,
  tx: Tx,
  now: Date,
  pending: { userId: string; sessionId: string },
  code: string,
  meta: RequestMeta,
) {
  const user = await tx.selectFrom('app_user').selectAll().where('id', '=', pending.userId).executeTakeFirstOrThrow()
  const who = { userId: user.id, structureId: user.structure_id, displayName: user.display_name, ip: meta.ip }
  if (!user.totp_secret || !(await acceptCode(tx, user.id, user.totp_secret, user.totp_last_step, code, now))) {
    await writeAudit(tx, now, who, { action: 'signin.totp_failure', entity: 'app_user', entityId: user.id })
    throw new AppError('validation', 'Code incorrect.', [{ field: 'code', message: 'Code incorrect ou expiré.' }], true)
  }
  if (!user.totp_enabled) {
    await tx.updateTable('app_user').set({ totp_enabled: true }).where('id', '=', user.id).execute()
    await writeAudit(tx, now, who, { action: 'totp.enabled', entity: 'app_user', entityId: user.id })
  }
  await endSession(tx, pending.sessionId)
  const token = await createSession(tx, user.id, now, deps.config.session, {
    ...meta,
    pendingTotp: false,
    secondFactorAt: now,
  })
  await writeAudit(tx, now, who, {
    action: 'signin.success',
    entity: 'app_user',
    entityId: user.id,
    detail: { totp: true },
  })
  return { token, result: { status: 'signed_in' as const, me: await loadMe(deps, tx, user.id) } }
}

/**
 * Accepts a code once: the matching time step must be later than the last accepted one (RFC 6238 §5.2),
 * and is then recorded, so a code seen over a shoulder or replayed from a log is refused.
 */
async function acceptCode(tx: Tx, userId: string, secret: string, lastStep: number | null, code: string, now: Date) {
  const epoch = Math.floor(now.getTime() / 1000)
  const result = await verify({
    secret,
    token: code,
    epoch,
    epochTolerance: 30,
    ...(lastStep === null ? {} : { afterTimeStep: lastStep }),
  })
  if (!result.valid) return false
  const step = 'timeStep' in result ? (result.timeStep as number) : Math.floor(epoch / 30) + result.delta
  await tx.updateTable('app_user').set({ totp_last_step: step }).where('id', '=', userId).execute()
  return true
}

/** Starts enrolment: a fresh secret, stored but not active until a first code confirms it. */
export async function startTotpEnrolment(tx: Tx, userId: string) {
  const user = await tx
    .selectFrom('app_user')
    .select(['email', 'totp_enabled'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow()
  if (user.totp_enabled) throw new AppError('conflict', 'La double authentification est déjà activée.')
  const secret = generateSecret()
  await tx.updateTable('app_user').set({ totp_secret: secret }).where('id', '=', userId).execute()
  return { secret, uri: generateURI({ issuer: 'Jalon', label: user.email, secret }) }
}

/** For a user already signed in who turns on the second factor from their profile. */
export async function confirmTotp(tx: Tx, now: Date, userId: string, code: string) {
  const user = await tx
    .selectFrom('app_user')
    .select(['totp_secret', 'totp_last_step'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow()
  if (!user.totp_secret || !(await acceptCode(tx, userId, user.totp_secret, user.totp_last_step, code, now)))
    throw new AppError('validation', 'Code incorrect.', [{ field: 'code', message: 'Code incorrect ou expiré.' }])
  await tx.updateTable('app_user').set({ totp_enabled: true }).where('id', '=', userId).execute()
}

export async function changePassword(tx: Tx, now: Date, userId: string, current: string, next: string) {
  const user = await tx
    .selectFrom('app_user')
    .select(['password_hash'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow()
  if (!(await verifyPassword(user.password_hash, current)))
    throw new AppError('validation', 'Mot de passe actuel incorrect.', [
      { field: 'currentPassword', message: 'Mot de passe actuel incorrect.' },
    ])
  checkPasswordStrength(next, 'newPassword')
  await tx
    .updateTable('app_user')
    .set({ password_hash: await hashPassword(next), password_changed_at: now })
    .where('id', '=', userId)
    .execute()
}

export async function loadMe(deps: Deps, tx: Tx, userId: string): Promise<Me> {
  const user = await tx.selectFrom('app_user').selectAll().where('id', '=', userId).executeTakeFirstOrThrow()
  const scopes = await loadScopes(tx, userId)
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
  }
}
