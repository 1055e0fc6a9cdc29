import type { Generated, Insertable, Selectable } from 'kysely'

// Table types, one interface per table. A feature module adds its tables here in a block of its own.

export interface StructureTable {
  id: string
  name: string
  created_at: Generated<Date>
}

export interface SiteTable {
  id: Generated<string>
  structure_id: string
  code: string
  name: string
  kind: 'antenna' | 'desk'
  address: string | null
  active: Generated<boolean>
  version: Generated<number>
}

export interface SiteCommuneTable {
  site_id: string
  commune_code: string
  commune_name: string
}

export interface ProgrammeTable {
  id: Generated<string>
  structure_id: string
  code: string
  name: string
  active: Generated<boolean>
  version: Generated<number>
}

export interface AppUserTable {
  id: Generated<string>
  structure_id: string
  email: string
  display_name: string
  role: string
  password_hash: string
  active: Generated<boolean>
  totp_secret: string | null
  totp_enabled: Generated<boolean>
  failed_signins: Generated<number>
  locked_until: Date | null
  password_changed_at: Generated<Date>
  created_at: Generated<Date>
  version: Generated<number>
}

export interface UserSiteTable {
  user_id: string
  site_id: string
}

export interface UserProgrammeTable {
  user_id: string
  programme_id: string
}

export interface SessionTable {
  id: string
  user_id: string
  created_at: Date
  last_seen_at: Date
  expires_at: Date
  /** signed in with a password, second factor still to give */
  pending_totp: Generated<boolean>
  ip: string | null
  user_agent: string | null
}

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
}

export interface Database {
  structure: StructureTable
  site: SiteTable
  site_commune: SiteCommuneTable
  programme: ProgrammeTable
  app_user: AppUserTable
  user_site: UserSiteTable
  user_programme: UserProgrammeTable
  session: SessionTable
  audit_event: AuditEventTable
}

export type AppUserRow = Selectable<AppUserTable>
export type NewAuditEvent = Insertable<AuditEventTable>
