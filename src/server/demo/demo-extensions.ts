import type { Tx } from '../deps.ts'
import type { BulkWriter } from './bulk.ts'
import { loadAccompanimentDemo } from './demo-accompaniment.ts'
import { loadDemoPersons } from './demo-persons.ts'

export interface DemoContext {
  structureId: string
  /** by site code (demo-organisation.ts) */
  siteIds: Map<string, string>
  /** by programme code */
  programmeIds: Map<string, string>
  /** by e-mail */
  userIds: Map<string, string>
  now: Date
  /** writes many rows at once on the demo's transaction (COPY on PGlite): for data sets of thousands of rows */
  bulk: BulkWriter
}

/** Each feature module adds its demo data here, run in order inside the demo's transaction. */
export const demoExtensions: ((tx: Tx, ctx: DemoContext) => Promise<void>)[] = [loadDemoPersons, loadAccompanimentDemo]
