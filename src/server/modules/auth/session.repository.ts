import { createHash, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'
import type { Actor } from '../../deps.ts'
import { SessionCache } from './session.cache.ts'

// The cookie carries a random token; the table keeps only its hash, so a leaked table opens no session.
export const newToken = () => randomBytes(32).toString('base64url')
export const tokenId = (token: string) => createHash('sha256').update(token).digest('hex')

export interface SessionLimits {
  idleMinutes: number
  maxHours: number
}

export async function createSession(
  db: Kysely<Database>,
  userId: string,
  now: Date,
  limits: SessionLimits,
  meta: { ip: string | null; userAgent: string | null; pendingTotp: boolean; secondFactorAt?: Date },
): Promise<string> {
  const token = newToken()
  await db
    .insertInto('session')
    .values({
      id: tokenId(token),
      user_id: userId,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + limits.maxHours * 3600_000),
      pending_totp: meta.pendingTotp,
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
      second_factor_at: meta.secondFactorAt ?? null,
    })
    .execute()
  return token
}

/**
 * The session of this token with its user (role, structure and its time zone, sites, programmes), if it is still
 * alive: one query. An expired one is deleted. Touched at most once a minute (touchIfDue).
 */
export async function findActiveSession(db: Kysely<Database>, token: string, now: Date, limits: SessionLimits) {
  const row = await db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .innerJoin('structure', 'structure.id', 'app_user.structure_id')
    .select((eb) => [
      'session.id as session_id',
      'session.last_seen_at',
      'session.expires_at',
      'session.pending_totp',
      'app_user.id as user_id',
      'app_user.structure_id',
      'app_user.role',
      'app_user.display_name',
      'app_user.email',
      'app_user.active',
      'structure.time_zone',
      eb
        .fn<string[]>('array', [
          eb.selectFrom('user_site').select('site_id').whereRef('user_site.user_id', '=', 'app_user.id'),
        ])
        .as('site_ids'),
      eb
        .fn<string[]>('array', [
          eb.selectFrom('user_programme').select('programme_id').whereRef('user_programme.user_id', '=', 'app_user.id'),
        ])
        .as('programme_ids'),
    ])
    .where('session.id', '=', tokenId(token))
    .executeTakeFirst()
  if (!row?.active) return undefined
  if (sessionExpired(row, now, limits)) {
    await db.deleteFrom('session').where('id', '=', row.session_id).execute()
    return undefined
  }
  await touchIfDue(db, row, now)
  return row
}
export type ActiveSession = NonNullable<Awaited<ReturnType<typeof findActiveSession>>>

/** Past its absolute lifetime, or idle too long. */
export function sessionExpired(s: { last_seen_at: Date; expires_at: Date }, now: Date, limits: SessionLimits) {
  const idleLimit = new Date(s.last_seen_at.getTime() + limits.idleMinutes * 60_000)
  return s.expires_at <= now || idleLimit <= now
}

/** Touch at most once a minute: a page load makes several calls. */
export async function touchIfDue(db: Kysely<Database>, s: { session_id: string; last_seen_at: Date }, now: Date) {
  if (now.getTime() - s.last_seen_at.getTime() <= 60_000) return
  await db.updateTable('session').set({ last_seen_at: now }).where('id', '=', s.session_id).execute()
  s.last_seen_at = now
}

/** The sessions this process has just looked up (session.cache.ts: at most 5 s; dropped here when one ends). */
export const sessionCache = new SessionCache<ActiveSession>()

export async function loadScopes(db: Kysely<Database>, userId: string) {
  const [sites, programmes] = await Promise.all([
    db.selectFrom('user_site').select('site_id').where('user_id', '=', userId).execute(),
    db.selectFrom('user_programme').select('programme_id').where('user_id', '=', userId).execute(),
  ])
  return { siteIds: sites.map((s) => s.site_id), programmeIds: programmes.map((p) => p.programme_id) }
}

export async function endSession(db: Kysely<Database>, sessionId: string) {
  sessionCache.forget(sessionId)
  await db.deleteFrom('session').where('id', '=', sessionId).execute()
}

export function endUserSessions(db: Kysely<Database>, userId: string) {
  sessionCache.forgetUser(userId)
  return db.deleteFrom('session').where('user_id', '=', userId).executeTakeFirst()
}

/** After a password change: every other device signs in again with the new password. */
export function endOtherSessions(db: Kysely<Database>, userId: string, keepSessionId: string) {
  sessionCache.forgetUser(userId)
  return db.deleteFrom('session').where('user_id', '=', userId).where('id', '!=', keepSessionId).executeTakeFirst()
}

/** Sessions half-way through sign-in (password given, code not yet). */
export function endPendingSessions(db: Kysely<Database>, userId: string) {
  sessionCache.forgetUser(userId)
  return db.deleteFrom('session').where('user_id', '=', userId).where('pending_totp', '=', true).executeTakeFirst()
}

export function toActor(row: ActiveSession, ip: string | null): Actor {
  return {
    userId: row.user_id,
    structureId: row.structure_id,
    timeZone: row.time_zone,
    role: row.role as Actor['role'],
    displayName: row.display_name,
    email: row.email,
    sessionId: row.session_id,
    ip,
    // copies: a policy that changed the actor's lists would otherwise change the cached session's
    siteIds: [...row.site_ids],
    programmeIds: [...row.programme_ids],
  }
}
