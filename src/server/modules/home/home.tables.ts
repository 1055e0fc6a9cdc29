import type { Generated } from 'kysely'

// Home pages (20261203T0920_home, modules/home) -------------------------------------------------------------------
/** a site's yearly objective on one of the key figures (shared/home/key-figures.ts) */
export interface SiteObjectiveTable {
  id: Generated<string>
  structure_id: string
  site_id: string
  year: number
  figure: string
  target: number
  updated_at: Date
  updated_by: string | null
  version: Generated<number>
}
/** when the user last marked the changes on their files as seen */
export interface HomeSeenTable {
  user_id: string
  structure_id: string
  changes_seen_at: Date
}
declare module '../../db/schema.ts' {
  interface Database {
    site_objective: SiteObjectiveTable
    home_seen: HomeSeenTable
  }
}
