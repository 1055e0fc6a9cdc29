import type { Kysely } from 'kysely'
import { generateSecret, generateURI, verify } from 'otplib'
import type { Database } from '../../db/schema.ts'
import type { Deps, Tx } from '../../deps.ts'
import { AppError } from '../../errors.ts'
import { writeAudit } from '../audit/audit.repository.ts'
import { loadMe, type RequestMeta } from './auth.service.ts'
import { createSession, endPendingSessions, endSession } from './session.repository.ts'
import { claim, clearFailures, isLocked, recordFailure, throttleKey } from './signin-throttle.ts'
import { openTotpSecret, sealTotpSecret, TotpKeyError, type TotpKeys } from './totp-crypto.ts'

const TOO_MANY_CODES = 'Trop de codes incorrects : reconnectez-vous dans quelques minutes.'

/** Second step: a code from the authenticator app turns a pending session into a full one (with a new id). */
export async function verifySecondFactor(
  deps: Deps,
  tx: Tx,
  now: Date,
  pending: { userId: string; sessionId: string },
  code: string,
  meta: RequestMeta,
) {
  // The user's row, then the account's throttle row, are locked for the whole attempt: concurrent codes are checked one
  // after another, so neither the failure count nor the last accepted time step can be raced. (NO KEY UPDATE: a
  // concurrent sign-in inserting a session, which takes KEY SHARE on this row while holding the throttle row, must not
  // wait for us, or each would wait for the other.)
  const user = await tx
    .selectFrom('app_user')
    .selectAll()
    .where('id', '=', pending.userId)
    .forNoKeyUpdate()
    .executeTakeFirstOrThrow()
  const who = { userId: user.id, structureId: user.structure_id, displayName: user.display_name, ip: meta.ip }
  const throttle = await claim(tx, throttleKey(user.email), now)
  const refuse = async (reason: string) => {
    // The half-signed-in sessions end: the next try starts again from the password, once the lock is over.
    await endPendingSessions(tx, user.id)
    await writeAudit(tx, now, who, {
      action: 'signin.totp_failure',
      entity: 'app_user',
      entityId: user.id,
      detail: { reason },
    })
    return new AppError('too_many_requests', TOO_MANY_CODES, [], true)
  }
  if (isLocked(throttle, now)) throw await refuse('locked')
  const secret = await readTotpSecret(deps, tx, user.id, user.totp_secret)
  if (!secret || !(await acceptCode(tx, user.id, secret, user.totp_last_step, code, now))) {
    if (await recordFailure(tx, throttle, 'totp', now, deps.config.signin)) throw await refuse('wrong_code_locked')
    await writeAudit(tx, now, who, {
      action: 'signin.totp_failure',
      entity: 'app_user',
      entityId: user.id,
      detail: { reason: 'wrong_code' },
    })
    throw new AppError('validation', 'Code incorrect.', [{ field: 'code', message: 'Code incorrect ou expiré.' }], true)
  }
  await clearFailures(tx, throttle, 'all')
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
 * The clear secret of a stored value. A value sealed with an old key, or stored in clear before encryption existed,
 * is sealed again with the current key on the way.
 */
async function readTotpSecret(deps: Deps, tx: Tx, userId: string, stored: string | null) {
  if (!stored) return null
  const { secret, current } = openTotpSecret(deps.config.totpKeys, userId, stored)
  if (!current)
    await tx
      .updateTable('app_user')
      .set({ totp_secret: sealTotpSecret(deps.config.totpKeys, userId, secret) })
      .where('id', '=', userId)
      .execute()
  return secret
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

/** Starts enrolment: a fresh secret, stored (sealed) but not active until a first code confirms it. */
export async function startTotpEnrolment(deps: Deps, tx: Tx, userId: string) {
  const user = await tx
    .selectFrom('app_user')
    .select(['email', 'totp_enabled'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow()
  if (user.totp_enabled) throw new AppError('conflict', 'La double authentification est déjà activée.')
  const secret = generateSecret()
  await tx
    .updateTable('app_user')
    .set({ totp_secret: sealTotpSecret(deps.config.totpKeys, userId, secret) })
    .where('id', '=', userId)
    .execute()
  return { secret, uri: generateURI({ issuer: 'Jalon', label: user.email, secret }) }
}

/** For a user already signed in who turns on the second factor from their profile. */
export async function confirmTotp(deps: Deps, tx: Tx, now: Date, userId: string, code: string) {
  const user = await tx
    .selectFrom('app_user')
    .select(['totp_secret', 'totp_last_step'])
    .where('id', '=', userId)
    .forNoKeyUpdate()
    .executeTakeFirstOrThrow()
  const secret = await readTotpSecret(deps, tx, userId, user.totp_secret)
  if (!secret || !(await acceptCode(tx, userId, secret, user.totp_last_step, code, now)))
    throw new AppError('validation', 'Code incorrect.', [{ field: 'code', message: 'Code incorrect ou expiré.' }])
  await tx.updateTable('app_user').set({ totp_enabled: true }).where('id', '=', userId).execute()
}

/**
 * `jalon rotate-totp-key`: seals every secret with the current key (those under an old key, and clear legacy values).
 * A value no configured key opens is counted and left as it is.
 */
export async function rotateTotpSecrets(db: Kysely<Database>, keys: TotpKeys) {
  return db.transaction().execute(async (tx) => {
    const rows = await tx
      .selectFrom('app_user')
      .select(['id', 'totp_secret'])
      .where('totp_secret', 'is not', null)
      .forNoKeyUpdate()
      .execute()
    const counts = { total: rows.length, resealed: 0, unreadable: 0 }
    for (const row of rows) {
      try {
        const { secret, current } = openTotpSecret(keys, row.id, row.totp_secret!)
        if (current) continue
        await tx
          .updateTable('app_user')
          .set({ totp_secret: sealTotpSecret(keys, row.id, secret) })
          .where('id', '=', row.id)
          .execute()
        counts.resealed++
      } catch (error) {
        if (!(error instanceof TotpKeyError)) throw error
        counts.unreadable++
      }
    }
    return counts
  })
}
