import type { FastifyBaseLogger } from 'fastify'
import type { Transaction } from 'kysely'
import type { Role } from '../shared/auth/roles.ts'
import type { Config } from './config.ts'
import type { Db } from './db/database.ts'
import type { Database } from './db/schema.ts'
import type { Mailer } from './mail/mailer.ts'

export interface Clock {
  now(): Date
}
export const systemClock: Clock = { now: () => new Date() }

/** What services receive: one object, wired in buildApp, so tests can fix the clock or catch mail. */
export interface Deps {
  db: Db
  /**
   * Where the reports and indicators read (reporting/report-db.ts): a read-only read replica when REPORT_DATABASE_URL
   * is set, else absent or `db` itself. Never migrated, never written: sessions, audit lines and objectives go to `db`.
   */
  reportDb?: Db
  config: Config
  clock: Clock
  mailer: Mailer
  log?: FastifyBaseLogger
}

export type Tx = Transaction<Database>

/** The signed-in user as every policy sees them. */
export interface Actor {
  userId: string
  structureId: string
  /** the structure's IANA time zone: its calendar days, "today" (src/shared/dates.ts) */
  timeZone: string
  role: Role
  displayName: string
  email: string
  siteIds: string[]
  programmeIds: string[]
  sessionId: string
  ip: string | null
}
