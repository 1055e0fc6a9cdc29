import { sql } from 'kysely'
import type { AuditEvent } from '../../../shared/admin/admin.schema.ts'
import { can } from '../../../shared/auth/roles.ts'
import type { Actor, Tx } from '../../deps.ts'

// Which person an audit line is about, and their name for the readers who may see it (issue 10: the trail in words).

/**
 * The person a line is about: its entity for lines about the person itself (identity, statuses, attributes, notes,
 * sensitive reads), else the `personId` its detail names (events, propositions, situations, enrolments…). The very
 * expression of the index audit_event_person_idx (audit/migrations/20261203T0900_audit_by_person.ts): change both.
 */
export const personOfLine = sql<
  string | null
>`(CASE WHEN audit_event.entity = 'person' THEN audit_event.entity_id ELSE audit_event.detail->>'personId' END)`

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export const personName = (p: { last_name: string; first_name: string }) =>
  `${p.last_name.toUpperCase()} ${p.first_name}`

/** Names of the persons of these lines, for a reader allowed to see them all (personAudit); else none. */
export async function personNames(tx: Tx, actor: Actor, ids: (string | null)[]): Promise<Map<string, string>> {
  if (!can(actor.role, 'personAudit')) return new Map()
  // a detail is free-form: only what can be a person's id is looked up (else PostgreSQL refuses the uuid)
  const wanted = [...new Set(ids.filter((id): id is string => !!id && UUID.test(id)))]
  if (!wanted.length) return new Map()
  const rows = await tx
    .selectFrom('person')
    .select(['id', 'last_name', 'first_name'])
    .where('structure_id', '=', actor.structureId)
    .where('id', 'in', wanted)
    .execute()
  return new Map(rows.map((p) => [p.id, personName(p)]))
}

export interface AuditLineRow {
  id: number
  at: Date
  actor_id: string | null
  actor_label: string
  action: string
  entity: string
  entity_id: string | null
  detail: unknown
  ip: string | null
  person_id: string | null
}

export const toAuditEvent = (r: AuditLineRow, names: Map<string, string>): AuditEvent => ({
  id: r.id,
  at: r.at.toISOString(),
  actorId: r.actor_id,
  actorLabel: r.actor_label,
  action: r.action,
  entity: r.entity,
  entityId: r.entity_id,
  detail: r.detail,
  ip: r.ip,
  personId: r.person_id,
  personName: (r.person_id && names.get(r.person_id)) ?? null,
})
