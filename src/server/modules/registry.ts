import type { Tx } from '../deps.ts'
import type { PersonCreated, ServerModule } from './module.ts'

// The modules the process runs with. `modules.ts` (the one list) installs them when it is first imported; the parts
// that read every module's declarations (import/export, indicator catalogue, report, person-created reactions) read
// them here, so that they need not import the list, which imports them back through the modules' routes.

let installed: readonly ServerModule[] | undefined

export function installModules(list: readonly ServerModule[]) {
  const names = new Set(list.map((m) => m.name))
  if (names.size !== list.length) throw new Error('Deux modules portent le même nom.')
  installed = list
}

export function installedModules(): readonly ServerModule[] {
  if (!installed) throw new Error('Aucun module installé : importer src/server/modules/modules.ts au démarrage.')
  return installed
}

/** Tells every module that a person's file was created, inside the creating transaction. */
export async function personCreated(tx: Tx, event: PersonCreated) {
  for (const m of installedModules()) await m.on?.personCreated?.(tx, event)
}
