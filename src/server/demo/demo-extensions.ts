import type { Tx } from '../deps.ts'
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
}

/** Each feature module adds its demo data here, run in order inside the demo's transaction. */
export const demoExtensions: ((tx: Tx, ctx: DemoContext) => Promise<void>)[] = [loadDemoPersons, loadAccompanimentDemo]
