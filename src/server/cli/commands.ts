import { serverModules } from '../modules/modules.ts'
import type { Command } from './command.ts'
import { demoCommand, migrateCommand, templatesCommand } from './core.commands.ts'

/** Every `jalon` sub-command: the database's own, then each module's (its manifest's `commands`). */
export const commands: Command[] = [
  migrateCommand,
  demoCommand,
  templatesCommand,
  ...serverModules.flatMap((m) => m.commands ?? []),
]
