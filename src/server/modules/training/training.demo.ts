import type { DemoContext } from '../../demo/demo-context.ts'
import type { Tx } from '../../deps.ts'

/** placeholder: the training part of the day's demo (docs/training.md « Demo data ») */
export async function loadTrainingDemo(_tx: Tx, _ctx: DemoContext): Promise<void> {}
