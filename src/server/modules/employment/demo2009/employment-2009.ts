import type { BulkWriter } from '../../../demo/bulk.ts'
import type { DemoContext } from '../../../demo/demo-context.ts'
import type { RowCounts, Year2009Base } from '../../../demo/year2009/insert.ts'
import type { Tx } from '../../../deps.ts'

/** the employment tables written in bulk by the 2009 data set */
export const EMPLOYMENT_2009_TABLES = [] as const

/** placeholder: the employment department's part of the 2009 data set (docs/demo-2009.md « Employment ») */
export async function loadEmployment2009(
  _tx: Tx,
  _ctx: DemoContext,
  _bulk: BulkWriter,
  _base: Year2009Base,
): Promise<RowCounts> {
  return {}
}
