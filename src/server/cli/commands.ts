import { auditCommand, dbGrantsCommand } from '../modules/audit/audit.commands.ts'
import { rotateTotpKeyCommand } from '../modules/auth/auth.commands.ts'
import { exportCommand, importCommand } from '../modules/exchange/exchange.commands.ts'
import { reportCommand } from '../reporting/report.command.ts'
import type { Command } from './command.ts'
import { demoCommand, migrateCommand } from './core.commands.ts'

/** Every `jalon` sub-command; a module adds its own here. */
export const commands: Command[] = [
  migrateCommand,
  demoCommand,
  importCommand,
  exportCommand,
  reportCommand,
  rotateTotpKeyCommand,
  auditCommand,
  dbGrantsCommand,
]
