import { type Kysely, sql } from 'kysely'
import type { Database } from '../../db/schema.ts'
import type { Actor } from '../../deps.ts'

export interface AuditEntry {
  action: string
  entity: string
  entityId?: string | null
  detail?: Record<string, unknown>
}

/** Written in the caller's transaction: a change and its audit line commit or roll back together. */
export async function writeAudit(
  tx: Kysely<Database>,
  at: Date,
  actor:
    | Pick<Actor, 'userId' | 'structureId' | 'displayName' | 'ip'>
    | { anonymous: string; ip: string | null; structureId?: string | null; userId?: string | null },
  entry: AuditEntry,
): Promise<void> {
  const who =
    'anonymous' in actor
      ? { actor_id: actor.userId ?? null, actor_label: actor.anonymous, structure_id: actor.structureId ?? null }
      : { actor_id: actor.userId, actor_label: actor.displayName, structure_id: actor.structureId }
  await tx
    .insertInto('audit_event')
    .values({
      at,
      ...who,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId ?? null,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
      ip: actor.ip,
    })
    .execute()
}

/**
 * Whether this user already has a line of this action about this person since `since`: the plain opening of a file
 * is written at most once per reader, person and quarter hour (persons/file-read.ts). The condition is the
 * expression of the index audit_event_person_idx (audit/migrations/20261203T0900_audit_by_person.ts), so it reads
 * only this person's lines.
 */
export async function hasRecentPersonLine(
  tx: Kysely<Database>,
  q: { structureId: string; actorId: string; personId: string; action: string; since: Date },
): Promise<boolean> {
  const row = await tx
    .selectFrom('audit_event')
    .select('id')
    .where('structure_id', '=', q.structureId)
    .where(sql<string>`(CASE WHEN entity = 'person' THEN entity_id ELSE detail->>'personId' END)`, '=', q.personId)
    .where('entity', '=', 'person')
    .where('action', '=', q.action)
    .where('actor_id', '=', q.actorId)
    .where('at', '>', q.since)
    .limit(1)
    .executeTakeFirst()
  return !!row
}
