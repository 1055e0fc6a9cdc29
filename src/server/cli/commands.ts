import { serverModules } from '../modules/modules.ts'
import type { Command } from './command.ts'
import { demoCommand, migrateCommand } from './core.commands.ts'

/** Every `jalon` sub-command: the database's own, then each module's (its manifest's `commands`). */
export const commands: Command[] = [migrateCommand, demoCommand, ...serverModules.flatMap((m) => m.commands ?? [])]
