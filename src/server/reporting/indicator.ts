import type { Kysely, SelectQueryBuilder } from 'kysely'
import type { Figure, Period, ResultTable, Scope } from '../../shared/reporting/reporting.schema.ts'
import type { Database } from '../db/schema.ts'

/** A transaction or the database itself: indicators only read. */
export type Q = Kysely<Database>

export interface IndicatorContext {
  q: Q
  /** the structure whose report this is (its objectives, its name) */
  structureId: string
  /**
   * the structures whose persons are counted: the structure alone, or every structure of a network for a network's
   * report (bench/national.ts), where persons are counted once in the structure that holds their file
   */
  structureIds: readonly string[]
  period: Period
  scope: Scope
  /**
   * May read the facts a module keeps per person and year (docs/ARCHITECTURE.md, "Facts") for a calendar year whose
   * facts are built; false: always the raw rows (a database without the facts' tables, a check of the facts)
   */
  facts: boolean
  /**
   * Shares one computation between the indicators of a run (two indicators over the same population read it once).
   * The key must name everything the computation depends on besides the context's period and scope.
   */
  memo<T>(key: string, compute: () => Promise<T>): Promise<T>
}

/** What an indicator's query gives back before objectives and secrecy are applied. */
export interface Computed {
  value: number | null
  figures: Figure[]
  tables: ResultTable[]
}

/**
 * An indicator, declared as data: its id (docs/indicators.md and the report name it), its definition in French words
 * (shown under each table and in the catalogue), its population, breakdowns, and the query that computes it.
 */
export interface IndicatorDeclaration {
  id: string
  /** the key of a family a module declares (its manifest's `indicatorFamily`): ml, org, plie… */
  family: string
  label: string
  /** what the headline value counts, when the label names the indicator rather than its unit */
  valueLabel?: string
  definition: string
  population: string
  breakdowns: string[]
  /** choices made where a definition is ambiguous, and how they are resolved */
  notes?: string[]
  /** every table crosses health, justice or welfare status (higher secrecy threshold); a table can also say it */
  sensitive?: boolean
  /** figures a yearly objective can be set on (none: the headline value) */
  objectiveKeys?: { key: string; label: string }[]
  /** the indicator's persons with their breakdowns, for crossing any two of them (reporting/cross.ts) */
  cross?: CrossSpec
  compute(ctx: IndicatorContext): Promise<Computed>
}

/**
 * A breakdown that can be crossed with another: its values' labels come from a code list (`values`, in display
 * order; a value not listed shows as itself) or from the structure's sites. Never a sensitive element (welfare,
 * health, justice): a cell opens on persons, and such a cell would disclose it.
 */
export interface CrossDimension {
  key: string
  label: string
  values?: { key: string; label: string }[]
  from?: 'site'
}

/** The persons an indicator counts, one row each: `person_id` and every dimension as a non-null text. */
export interface CrossSpec {
  dimensions: CrossDimension[]
  rows(ctx: IndicatorContext): SelectQueryBuilder<any, any, any>
}

export function createMemo() {
  const cache = new Map<string, Promise<unknown>>()
  return <T>(key: string, compute: () => Promise<T>): Promise<T> => {
    let hit = cache.get(key) as Promise<T> | undefined
    if (!hit) {
      hit = compute()
      cache.set(key, hit)
    }
    return hit
  }
}

/** Memo key of a context: a computation depends on the period and the scope. */
export const contextKey = (ctx: Pick<IndicatorContext, 'period' | 'scope' | 'structureIds'>) =>
  JSON.stringify([ctx.structureIds, ctx.period, ctx.scope])
