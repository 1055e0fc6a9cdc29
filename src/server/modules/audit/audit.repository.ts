import type { Kysely } from 'kysely'
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
