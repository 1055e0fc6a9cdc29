import type { DemoContext } from '../../demo/demo-context.ts'
import type { Tx } from '../../deps.ts'

/** placeholder: the immersions part of the day's demo (docs/employment/, « Demo data ») */
export async function loadImmersionsDemo(_tx: Tx, _ctx: DemoContext): Promise<void> {}
