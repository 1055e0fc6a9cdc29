import type { DemoContext } from '../../demo/demo-context.ts'
import type { Tx } from '../../deps.ts'
import { loadClausesDemo } from './employment-demo.clauses.ts'
import { loadEmployersDemo } from './employment-demo.employers.ts'
import { loadImmersionsDemo } from './employment-demo.immersions.ts'
import { loadOffersDemo } from './employment-demo.offers.ts'
import { loadOperationsDemo } from './employment-demo.operations.ts'

/**
 * The employment part of the day's demo (docs/employment/README.md « Demo data »): the employers first (every other
 * part finds them by their external id, `demo-employer-1`…), then offers with their candidates and hires, the
 * operations and pools, the immersions, the clauses.
 */
export async function loadEmploymentDemo(tx: Tx, ctx: DemoContext): Promise<void> {
  await loadEmployersDemo(tx, ctx)
  await loadOffersDemo(tx, ctx)
  await loadOperationsDemo(tx, ctx)
  await loadImmersionsDemo(tx, ctx)
  await loadClausesDemo(tx, ctx)
}
