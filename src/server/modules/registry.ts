import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { Tx } from '../deps.ts'
import type { ModuleFacts, PersonCreated, ServerModule } from './module.ts'

// The modules the process runs with. `modules.ts` (the one list) installs them when it is first imported; the parts
// that read every module's declarations (import/export, indicator catalogue, report, person-created reactions) read
// them here, so that they need not import the list, which imports them back through the modules' routes.

let installed: readonly ServerModule[] | undefined

export function installModules(list: readonly ServerModule[]) {
  const names = new Set(list.map((m) => m.name))
  if (names.size !== list.length) throw new Error('Deux modules portent le même nom.')
  installed = list
}

export function installedModules(): readonly ServerModule[] {
  if (!installed) throw new Error('Aucun module installé : importer src/server/modules/modules.ts au démarrage.')
  return installed
}

/** Tells every module that a person's file was created, inside the creating transaction. */
export async function personCreated(tx: Tx, event: PersonCreated) {
  for (const m of installedModules()) await m.on?.personCreated?.(tx, event)
}

export interface FactsRebuilt {
  module: string
  year: number
  ms: number
}

const withFacts = (modules?: readonly string[]) =>
  installedModules().flatMap((m) =>
    m.facts && (!modules || modules.includes(m.name)) ? [{ name: m.name, facts: m.facts }] : [],
  )

/** in q's transaction, or in a transaction of its own when q is the database */
const inTransaction = <T>(q: Kysely<Database>, work: (tx: Kysely<Database>) => Promise<T>) =>
  q.isTransaction ? work(q) : q.transaction().execute(work)

/**
 * Builds the facts of every module that keeps some (its manifest's `facts`), year by year: `years`, or else the years
 * already built and those with rows to count. Each year of each module in one transaction (q's own when q is one);
 * a rebuild holds the writes of the tables it reads until it commits. The facts' statistics are refreshed at the end.
 */
export async function rebuildFacts(
  q: Kysely<Database>,
  opts: {
    years?: readonly number[]
    modules?: readonly string[]
    /** only the active years not built yet (the triggers keep the built ones) */
    unbuiltOnly?: boolean
    /** false: keep the facts' planner statistics (a few rows added to tables already analysed) */
    analyze?: boolean
    log?: (r: FactsRebuilt) => void
  } = {},
): Promise<FactsRebuilt[]> {
  const done: FactsRebuilt[] = []
  for (const { name, facts } of withFacts(opts.modules)) {
    const built = await facts.builtYears(q)
    const active = await facts.activeYears(q)
    const years =
      opts.years ??
      (opts.unbuiltOnly ? active.filter((y) => !built.includes(y)) : [...new Set([...built, ...active])]).sort(
        (a, b) => a - b,
      )
    for (const year of years) {
      const started = performance.now()
      await inTransaction(q, (tx) => facts.rebuild(tx, year))
      const r = { module: name, year, ms: Math.round(performance.now() - started) }
      done.push(r)
      opts.log?.(r)
    }
    if (years.length && opts.analyze !== false) await analyzeFacts(q, facts)
  }
  return done
}

/** fresh statistics for the facts' tables (the planner would take freshly filled tables for empty ones) */
async function analyzeFacts(q: Kysely<Database>, facts: ModuleFacts) {
  await sql`ANALYZE ${sql.join(facts.tables.map((t) => sql.table(t)))}`.execute(q)
}

/** The built years of every module keeping facts. */
export async function builtFactYears(q: Kysely<Database>): Promise<{ module: string; years: number[] }[]> {
  const out: { module: string; years: number[] }[] = []
  for (const { name, facts } of withFacts()) out.push({ module: name, years: await facts.builtYears(q) })
  return out
}

/**
 * Runs a bulk load (`work`, in the transaction tx) with the facts' triggers set aside, then builds again the years
 * that were built: once at the end instead of once per statement. The setting is the transaction's own
 * (set_config(…, true)), so nothing outside it ever skips the triggers.
 */
export async function withFactsDeferred<T>(tx: Kysely<Database>, work: () => Promise<T>): Promise<T> {
  if (!tx.isTransaction) throw new Error('withFactsDeferred: à appeler dans une transaction')
  const built = await builtFactYears(tx)
  await sql`SELECT set_config('jalon.facts_deferred', 'on', true)`.execute(tx)
  let result: T
  try {
    result = await work()
  } finally {
    // whatever runs after the load keeps the facts again (after a database error the transaction only rolls back)
    await sql`SELECT set_config('jalon.facts_deferred', 'off', true)`.execute(tx).catch(() => undefined)
  }
  for (const { module, years } of built) if (years.length) await rebuildFacts(tx, { years, modules: [module] })
  return result
}

/** the triggers' mode in tx: '' or 'off' (recompute at each statement), 'on' (skip), 'note' (note, recompute later) */
async function factsMode(tx: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{
    mode: string | null
  }>`SELECT current_setting('jalon.facts_deferred', true) AS mode`.execute(tx)
  return rows[0]?.mode ?? ''
}

/**
 * Runs a batch of writes (`work`, in the transaction tx: an import) with the facts' triggers noting the persons and
 * years their statements bear on instead of recomputing them statement by statement, then recomputes those, set-based
 * (each module's `refreshNoted`): a person written by several files or batches is recomputed once, and only the
 * persons written are. The setting is the transaction's own (set_config(…, true)): every other writer keeps the
 * immediate refresh. Inside a bulk load that rebuilds at its end (withFactsDeferred) or another noted batch, `work`
 * simply runs in theirs. `refresh: false` leaves the notes (a dry run, rolled back anyway).
 */
export async function withFactsNoted<T>(
  tx: Kysely<Database>,
  work: () => Promise<T>,
  opts: { refresh?: boolean; progress?: (module: string, done: number) => void } = {},
): Promise<T> {
  if (!tx.isTransaction) throw new Error('withFactsNoted: à appeler dans une transaction')
  const mode = await factsMode(tx)
  if (mode === 'on' || mode === 'note') return work()
  const noting = withFacts().filter(({ facts }) => facts.noteWrites && facts.refreshNoted)
  if (!noting.length) return work()
  for (const { facts } of noting) await facts.noteWrites!(tx)
  await sql`SELECT set_config('jalon.facts_deferred', 'note', true)`.execute(tx)
  let result: T
  try {
    result = await work()
  } finally {
    // whatever runs after the batch keeps the facts again (after a database error the transaction only rolls back)
    await sql`SELECT set_config('jalon.facts_deferred', ${mode || 'off'}, true)`.execute(tx).catch(() => undefined)
  }
  if (opts.refresh !== false)
    for (const { name, facts } of noting) await facts.refreshNoted!(tx, (done) => opts.progress?.(name, done))
  return result
}
