import type { FastifyInstance } from 'fastify'
import type { Kysely, Migration } from 'kysely'
import type { ReportSection } from '../../shared/reporting/reporting.schema.ts'
import type { Command } from '../cli/command.ts'
import type { Database } from '../db/schema.ts'
import type { BulkWriter } from '../demo/bulk.ts'
import type { DemoContext } from '../demo/demo-context.ts'
import type { RowCounts, Year2009Base } from '../demo/year2009/insert.ts'
import type { Deps, Tx } from '../deps.ts'
import type { IndicatorDeclaration } from '../reporting/indicator.ts'
import type { EntitySpec, LookupTarget } from './exchange/index.ts'

/** What a new person's file holds when the persons module has created it: other modules add their part. */
export interface PersonCreated {
  structureId: string
  personId: string
  firstReception: { date: string; siteId: string }
  /** the service programme the file enters at its first reception (null: the structure has none) */
  programmeId: string | null
  /** the person's referent, who follows the enrolment too */
  referentId: string | null
  /** the user who received the person */
  userId: string
  now: Date
}

/**
 * Facts a module keeps per person and year so that its indicators for a calendar year read a few rows instead of the
 * raw history (docs/ARCHITECTURE.md, "Facts"). A year is built by `rebuild` (`jalon facts rebuild`, the demo's load,
 * the test kit's data sets) and from then on kept in step on every write by the module's own triggers, in the writing
 * transaction: never stale. The transaction's setting `jalon.facts_deferred` changes what the triggers do: 'on', they
 * skip (registry.ts `withFactsDeferred`, for bulk loads, rebuilds the built years at the end); 'note', they only note
 * the persons and years to recompute, and `refreshNoted` recomputes them at the end (`withFactsNoted`, for imports).
 * The indicators fall back to the raw queries for a year that is not built, or built under an older definition of the
 * facts (`staleYears`), any other period, or when the run asks for it (`facts: false`).
 */
export interface ModuleFacts {
  /** the tables that hold them (among the module's `tables`) */
  tables: (keyof Database)[]
  /** the years whose facts are built (kept in step on write) */
  builtYears(q: Kysely<Database>): Promise<number[]>
  /** the built years computed by an older definition of the facts than the code's: to rebuild (`jalon facts status`) */
  staleYears(q: Kysely<Database>): Promise<number[]>
  /** the years worth building when none is named: those with rows to count */
  activeYears(q: Kysely<Database>): Promise<number[]>
  /** builds (again) one year from the source rows, in q's transaction; from then on the year is kept in step */
  rebuild(q: Kysely<Database>, year: number): Promise<void>
  /** stops keeping a year and drops its facts */
  drop(q: Kysely<Database>, year: number): Promise<void>
  /**
   * Prepares q's transaction for noted writes (a temporary table): while `jalon.facts_deferred` is 'note', the
   * triggers note the persons and years a statement bears on instead of recomputing them. Without it a module's
   * triggers recompute at each statement, also during an import.
   */
  noteWrites?(q: Kysely<Database>): Promise<void>
  /** recomputes the noted persons and years, set-based, and forgets them; returns how many persons were recomputed */
  refreshNoted?(q: Kysely<Database>, progress?: (done: number) => void): Promise<number>
}

/**
 * Where a table lives on a national deployment distributed with Citus (docs/operations.md, "National deployment on
 * Citus"; the decision in docs/ARCHITECTURE.md):
 * - 'structure': split by structure_id, co-located with `person` — a person's file, or rows written per structure at
 *   volume. structure_id is NOT NULL and in every primary and unique key; a foreign key to another such table joins on it.
 * - 'reference': small configuration or code lists, copied whole to every node; a distributed table may point to it.
 * - 'local': on the coordinator only — not about one structure and not wanted on the workers (sessions, the audit chain).
 * `src/server/db/distribution.test.ts` checks the rules on the migrated database and that every table is classified.
 */
export type TableDistribution = 'structure' | 'reference' | 'local'

/**
 * A server module as it declares itself, once (docs/MODULES.md). The app, the CLI, the demo, the migrations, the
 * import/export and the report each read these declarations from the one list `modules.ts`; nothing else lists modules.
 */
export interface ServerModule {
  name: string
  /** the tables the module owns: only its own files write them (src/architecture.unit.test.ts) */
  tables: (keyof Database)[]
  /** where each of `tables` lives on a Citus cluster (TableDistribution); every table of `tables` is named */
  distribution?: Partial<Record<keyof Database, TableDistribution>>
  /** name → migration; names are global and sort in the order they run (yyyymmddThhmm_what) */
  migrations?: Record<string, Migration>
  routes?: (app: FastifyInstance, deps: Deps) => void
  commands?: Command[]
  /** demo data, run inside the demo's transaction by increasing `order` (a module's data after what it refers to) */
  demo?: { order: number; load: (tx: Tx, ctx: DemoContext) => Promise<void> }
  /**
   * the department's part of the 2009 data set (docs/demo-2009.md), run by increasing `order` right after the Mission
   * Locale part, in the demo's transaction and its keys-and-indexes window (`tables` are set aside with the data set's):
   * writes through `bulk`, builds on `base` (what the Mission Locale part wrote), returns the rows written by table
   */
  dataset2009?: {
    order: number
    tables: (keyof Database & string)[]
    load: (tx: Tx, ctx: DemoContext, bulk: BulkWriter, base: Year2009Base) => Promise<RowCounts>
  }
  /** the files this module adds to an exchange bundle; `order` places them in the bundle (a file refers only to earlier ones) */
  exchange?: {
    order: number
    entities: EntitySpec[]
    lookups?: LookupTarget[]
    /** files that are the organisation's configuration, not person data (the admin may move them) */
    configuration?: string[]
  }
  /** indicator family this module computes, with its French title */
  indicatorFamily?: { key: string; label: string }
  indicators?: IndicatorDeclaration[]
  /** the module's chapter of the annual report; `order` places it among the chapters */
  report?: { order: number; sections: ReportSection[] }
  /** facts kept per person and year for the module's indicators */
  facts?: ModuleFacts
  /** reactions, inside the same transaction, to what another module did (the module never writes others' tables) */
  on?: { personCreated?: (tx: Tx, event: PersonCreated) => Promise<void> }
}

export const defineServerModule = <M extends ServerModule>(m: M): M => m
