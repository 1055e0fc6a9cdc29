import type { Tx } from '../deps.ts'
import { accompanimentModule } from '../modules/accompaniment/accompaniment.module.ts'
import type { DemoContext } from './demo-context.ts'
import { loadDemoPersons } from './demo-persons.ts'

/** Each feature module adds its demo data here, run in order inside the demo's transaction. */
export const demoExtensions: ((tx: Tx, ctx: DemoContext) => Promise<void>)[] = [
  loadDemoPersons,
  accompanimentModule.demo,
]
