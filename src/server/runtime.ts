import { type Config, loadConfig } from './config.ts'
import { type Db, openDatabase } from './db/database.ts'
import { migrate } from './db/migrate.ts'
import { type Deps, systemClock } from './deps.ts'
import { createMailer } from './mail/mailer.ts'

/** Opens the configured database, migrates it and wires the dependencies: shared by the server and the CLI. */
export async function startRuntime(config: Config = loadConfig(), log: (msg: string) => void = console.log) {
  const db: Db = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir })
  const applied = await migrate(db)
  if (applied.length) log(`Migrations appliquées : ${applied.join(', ')}`)
  const deps: Deps = {
    db,
    config,
    clock: systemClock,
    mailer: createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, log }),
  }
  return deps
}
