import { sql } from 'kysely'
import type { Tx } from '../../deps.ts'
import type { DemoContext } from '../demo-extensions.ts'
import { insertPlan, type RowCounts } from './insert.ts'
import { buildPlan } from './plan.ts'

// The 2009 data set (issue 4): a fictitious Mission Locale whose records, run through the indicator engine, give back
// the figures of the 2009 activity report. docs/demo-2009.md lists what is reproduced and what cannot be.

export interface Summary {
  /** rows written, by table */
  rows: RowCounts
  /** seconds spent writing each table */
  tableSeconds: Record<string, number>
  /** seconds spent building the plan and writing it */
  planSeconds: number
  insertSeconds: number
}

/**
 * Loads the 2009 data set into the structure of `ctx`, on the caller's transaction. Deterministic: the same rows on
 * every run (ids aside, which depend on the structure). `scale` is accepted for compatibility and must be 1: the
 * figures are exact only for the full data set.
 */
export async function loadYear2009(tx: Tx, ctx: DemoContext, opts: { scale?: number } = {}): Promise<Summary> {
  if ((opts.scale ?? 1) !== 1) throw new Error('loadYear2009: only scale 1 is supported (the figures are exact counts)')
  const t0 = performance.now()
  const plan = buildPlan()
  const t1 = performance.now()
  const { rows, seconds } = await insertPlan(tx, ctx, plan)
  // fresh statistics, or the planner takes the new tables for empty ones and reports crawl
  await sql`ANALYZE person, person_attribute, event, proposition, situation, enrolment, status_period`.execute(tx)
  const t2 = performance.now()
  return { rows, tableSeconds: seconds, planSeconds: (t1 - t0) / 1000, insertSeconds: (t2 - t1) / 1000 }
}
