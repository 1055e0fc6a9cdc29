import type { BulkWriter } from '../../../demo/bulk.ts'
import type { DemoContext } from '../../../demo/demo-context.ts'
import type { RowCounts, Year2009Base } from '../../../demo/year2009/insert.ts'
import type { Tx } from '../../../deps.ts'
import { buildPliePlan } from './plan.ts'
import { writePliePlan } from './write.ts'

// The PLIE's part of the 2009 data set (docs/demo-2009.md, "The PLIE"): the manifest's `dataset2009`, run by the demo
// right after the Mission Locale part, in its transaction and keys-and-indexes window.

/** the PLIE tables written in bulk (their keys and indexes set aside with the data set's) */
export const PLIE_2009_TABLES = ['plie_pathway', 'plie_referent', 'plie_step', 'esf_answer'] as const

export async function loadPlie2009(tx: Tx, ctx: DemoContext, bulk: BulkWriter, base: Year2009Base): Promise<RowCounts> {
  return writePliePlan(tx, bulk, ctx, base, buildPliePlan(base.plan))
}
