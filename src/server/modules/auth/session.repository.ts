import { createHash, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'
import type { Actor } from '../../deps.ts'

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

export async function findActiveSession(db: Kysely<Database>, token: string, now: Date, limits: SessionLimits) {
  const row = await db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .innerJoin('structure', 'structure.id', 'app_user.structure_id')
    .select([
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
    ])
    .where('session.id', '=', tokenId(token))
    .executeTakeFirst()
  if (!row?.active) return undefined
  const idleLimit = new Date(row.last_seen_at.getTime() + limits.idleMinutes * 60_000)
  if (row.expires_at <= now || idleLimit <= now) {
    await db.deleteFrom('session').where('id', '=', row.session_id).execute()
    return undefined
  }
  // Touch at most once a minute: a page load makes several calls.
  if (now.getTime() - row.last_seen_at.getTime() > 60_000)
    await db.updateTable('session').set({ last_seen_at: now }).where('id', '=', row.session_id).execute()
  return row
}

export async function loadScopes(db: Kysely<Database>, userId: string) {
  const [sites, programmes] = await Promise.all([
    db.selectFrom('user_site').select('site_id').where('user_id', '=', userId).execute(),
    db.selectFrom('user_programme').select('programme_id').where('user_id', '=', userId).execute(),
  ])
  return { siteIds: sites.map((s) => s.site_id), programmeIds: programmes.map((p) => p.programme_id) }
}

export const endSession = (db: Kysely<Database>, sessionId: string) =>
  db.deleteFrom('session').where('id', '=', sessionId).execute()

export const endUserSessions = (db: Kysely<Database>, userId: string) =>
  db.deleteFrom('session').where('user_id', '=', userId).executeTakeFirst()

/** After a password change: every other device signs in again with the new password. */
export const endOtherSessions = (db: Kysely<Database>, userId: string, keepSessionId: string) =>
  db.deleteFrom('session').where('user_id', '=', userId).where('id', '!=', keepSessionId).executeTakeFirst()

/** Sessions half-way through sign-in (password given, code not yet). */
export const endPendingSessions = (db: Kysely<Database>, userId: string) =>
  db.deleteFrom('session').where('user_id', '=', userId).where('pending_totp', '=', true).executeTakeFirst()

export type ActorRow = NonNullable<Awaited<ReturnType<typeof findActiveSession>>>
export function toActor(
  row: ActorRow,
  scopes: { siteIds: string[]; programmeIds: string[] },
  ip: string | null,
): Actor {
  return {
    userId: row.user_id,
    structureId: row.structure_id,
    timeZone: row.time_zone,
    role: row.role as Actor['role'],
    displayName: row.display_name,
    email: row.email,
    sessionId: row.session_id,
    ip,
    ...scopes,
  }
}
