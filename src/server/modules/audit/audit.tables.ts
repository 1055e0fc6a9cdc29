import type { Generated, Insertable } from 'kysely'

// The audit module's tables (audit.module.ts): the audit trail and the head of its hash chain.

export interface AuditEventTable {
  id: Generated<number>
  at: Date
  structure_id: string | null
  actor_id: string | null
  actor_label: string
  action: string
  entity: string
  entity_id: string | null
  detail: unknown
  ip: string | null
  /** the chain (migration 20261130T1010): set by the audit_event_chain trigger, whatever the insert says */
  seq: Generated<number>
  prev_hash: Generated<string>
  hash: Generated<string>
}

/** one row: the last line of the audit chain (modules/audit/audit.chain.ts) */
export interface AuditChainHeadTable {
  singleton: Generated<boolean>
  seq: number
  hash: string
}

export type NewAuditEvent = Insertable<AuditEventTable>

declare module '../../db/schema.ts' {
  interface Database {
    audit_event: AuditEventTable
    audit_chain_head: AuditChainHeadTable
  }
}
