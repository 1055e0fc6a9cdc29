import type { DemoContext } from '../../demo/demo-context.ts'
import type { Tx } from '../../deps.ts'

/** The demo organisation's aids (docs/aids.md, « Demo »). Being built: nothing yet. */
export async function loadAidsDemo(_tx: Tx, _ctx: DemoContext): Promise<void> {}
