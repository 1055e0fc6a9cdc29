import { createHash } from 'node:crypto'
import type { Config } from '../../config.ts'
import type { Tx } from '../../deps.ts'

/**
 * Failure counters and the temporary lock, per e-mail, known account or not: both follow the same path and get the same
 * answers, so the answers do not tell which e-mails have an account. The key is the SHA-256 of the lowercased e-mail
 * (the table holds no address typed by a stranger).
 *
 * Atomicity: `claim` upserts the row, which locks it until the request's transaction ends. A concurrent attempt on the
 * same e-mail waits for it and then reads the counter it left, so at most `maxFailures` attempts are ever checked
 * before the lock, whatever the number of parallel requests (on PGlite, transactions already run one at a time).
 */
export const throttleKey = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('hex')

export interface Throttle {
  key: string
  failures: number
  totpFailures: number
  lockedUntil: Date | null
}

/** Counters forget failures after a day without one; the lock always ends by itself. */
const FORGET_AFTER_MS = 24 * 3600_000

export async function claim(tx: Tx, key: string, now: Date): Promise<Throttle> {
  const row = await tx
    .insertInto('signin_throttle')
    .values({ key, last_failure_at: now })
    // an update that changes nothing, for its row lock
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ failures: eb.ref('signin_throttle.failures') })))
    .returning(['failures', 'totp_failures', 'locked_until', 'last_failure_at'])
    .executeTakeFirstOrThrow()
  const stale = row.last_failure_at.getTime() < now.getTime() - FORGET_AFTER_MS
  return {
    key,
    failures: stale ? 0 : row.failures,
    totpFailures: stale ? 0 : row.totp_failures,
    lockedUntil: row.locked_until,
  }
}

export const isLocked = (t: Throttle, now: Date) => !!t.lockedUntil && t.lockedUntil > now

/** Counts one failure (a password or a TOTP code); at the limit, locks for a while. Returns true when it locked. */
export async function recordFailure(
  tx: Tx,
  t: Throttle,
  kind: 'password' | 'totp',
  now: Date,
  limits: Config['signin'],
): Promise<boolean> {
  const count = (kind === 'password' ? t.failures : t.totpFailures) + 1
  const lock = count >= limits.maxFailures
  await tx
    .updateTable('signin_throttle')
    .set(
      lock
        ? {
            failures: 0,
            totp_failures: 0,
            locked_until: new Date(now.getTime() + limits.lockMinutes * 60_000),
            last_failure_at: now,
          }
        : {
            failures: kind === 'password' ? count : t.failures,
            totp_failures: kind === 'totp' ? count : t.totpFailures,
            last_failure_at: now,
          },
    )
    .where('key', '=', t.key)
    .execute()
  await prune(tx, now)
  return lock
}

/**
 * A right password clears the password count but not the TOTP one: otherwise signing in again would give a fresh
 * series of code guesses. A right code (or a new password) clears everything.
 */
export async function clearFailures(tx: Tx, t: Throttle, kind: 'password' | 'all') {
  if (kind === 'all' || t.totpFailures === 0) await tx.deleteFrom('signin_throttle').where('key', '=', t.key).execute()
  else await tx.updateTable('signin_throttle').set({ failures: 0 }).where('key', '=', t.key).execute()
}

export const forgetEmail = (tx: Tx, email: string) =>
  tx.deleteFrom('signin_throttle').where('key', '=', throttleKey(email)).execute()

/** Rows of e-mails quiet for a day and not locked go; rows another attempt holds are skipped, never waited for. */
async function prune(tx: Tx, now: Date) {
  const cutoff = new Date(now.getTime() - FORGET_AFTER_MS)
  await tx
    .deleteFrom('signin_throttle')
    .where('key', 'in', (eb) =>
      eb
        .selectFrom('signin_throttle')
        .select('key')
        .where('last_failure_at', '<', cutoff)
        .where((w) => w.or([w('locked_until', 'is', null), w('locked_until', '<', now)]))
        .limit(100)
        .forUpdate()
        .skipLocked(),
    )
    .execute()
}
