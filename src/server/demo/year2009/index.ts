import { sql } from 'kysely'
import type { Tx } from '../../deps.ts'
import type { BulkWriter } from '../bulk.ts'
import type { DemoContext } from '../demo-context.ts'
import { insertPlan, type RowCounts, YEAR2009_TABLES, type Year2009Base } from './insert.ts'
import { buildPlan } from './plan.ts'

// The 2009 data set (issue 4): a fictitious Mission Locale whose records, run through the indicator engine, give back
// the figures of the 2009 activity report. docs/demo-2009.md lists what is reproduced and what cannot be.

export interface Summary {
  /** rows written, by table (the Mission Locale part) */
  rows: RowCounts
  /** rows written by each department's part (a module's `dataset2009`), by module and table */
  modules: Record<string, RowCounts>
  /** seconds spent writing each table */
  tableSeconds: Record<string, number>
  /** seconds spent building the plan, writing it, and refreshing the planner's statistics */
  planSeconds: number
  insertSeconds: number
  analyzeSeconds: number
}

/**
 * Loads the 2009 data set into the structure of `ctx`, on the caller's transaction, through `bulk` (a writer on that
 * transaction). Deterministic: the same rows on every run (ids aside, which depend on the structure). `scale` is accepted
 * for compatibility and must be 1: the figures are exact only for the full data set. `step(label, rows)` is told each
 * stage before it starts (progress).
 */
export async function loadYear2009(
  tx: Tx,
  bulk: BulkWriter,
  ctx: DemoContext,
  opts: {
    scale?: number
    step?: (label: string, rows?: number) => void
    /** the departments' parts, written after the Mission Locale's (their rows by module; `tables` analysed too) */
    departments?: { tables: readonly string[]; load: (base: Year2009Base) => Promise<Record<string, RowCounts>> }
  } = {},
): Promise<Summary> {
  if ((opts.scale ?? 1) !== 1) throw new Error('loadYear2009: only scale 1 is supported (the figures are exact counts)')
  const step = opts.step ?? (() => {})
  const t0 = performance.now()
  step('plan des données')
  const plan = buildPlan()
  const t1 = performance.now()
  const { counts: rows, base } = await insertPlan(tx, bulk, ctx, plan, step)
  const modules = opts.departments ? await opts.departments.load(base) : {}
  const t2 = performance.now()
  // fresh statistics, or the planner takes the new tables for empty ones and reports crawl; a sample of 9 000 rows a
  // table (target 30, for this transaction only) instead of 30 000: a third of the time, and the annual report runs as fast (bench/report.ts)
  step('statistiques des tables')
  await sql`SET LOCAL default_statistics_target = 30`.execute(tx)
  const analysed = [...YEAR2009_TABLES, ...(opts.departments?.tables ?? [])]
  await sql`ANALYZE ${sql.join(analysed.map((t) => sql.table(t)))}`.execute(tx)
  const t3 = performance.now()
  return {
    rows,
    modules,
    tableSeconds: { ...bulk.seconds },
    planSeconds: (t1 - t0) / 1000,
    insertSeconds: (t2 - t1) / 1000,
    analyzeSeconds: (t3 - t2) / 1000,
  }
}
