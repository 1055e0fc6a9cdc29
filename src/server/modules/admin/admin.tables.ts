import type { Generated, Selectable } from 'kysely'
import type { ProgrammeType } from '../../../shared/admin/admin.schema.ts'

// The admin module's tables (admin.module.ts): the structure, its sites, programmes and users.

export interface StructureTable {
  id: string
  name: string
  created_at: Generated<Date>
  /** IANA zone of the structure's calendar days ("today", the day of an instant) */
  time_zone: Generated<string>
  version: Generated<number>
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
  /** 'service': a department that follows people (ML, PLIE), scopes users; 'scheme': an enrolment (CIVIS, CEJ…) */
  kind: Generated<'service' | 'scheme'>
  /**
   * What the programme is, whatever its code (src/shared/admin/admin.schema.ts programmeTypes): the report finds its
   * populations by it. Omitted on insert: guessed once from the code by the programme_type trigger.
   */
  type: Generated<ProgrammeType>
  /** the contact rule for the caseload alert: days without contact, and during a step */
  contact_days: number | null
  contact_days_during_step: number | null
}

export interface AppUserTable {
  id: Generated<string>
  structure_id: string
  email: string
  display_name: string
  role: string
  password_hash: string
  active: Generated<boolean>
  /** AES-256-GCM sealed ('totp1:<key id>:…', modules/auth/totp-crypto.ts); a value without prefix is a clear legacy one */
  totp_secret: string | null
  totp_enabled: Generated<boolean>
  /** the last accepted TOTP time step: a code is never accepted twice */
  totp_last_step: number | null
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

export type AppUserRow = Selectable<AppUserTable>

declare module '../../db/schema.ts' {
  interface Database {
    structure: StructureTable
    site: SiteTable
    site_commune: SiteCommuneTable
    programme: ProgrammeTable
    app_user: AppUserTable
    user_site: UserSiteTable
    user_programme: UserProgrammeTable
  }
}
