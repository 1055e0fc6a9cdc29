import { type Config, loadConfig } from './config.ts'
import { type Db, openDatabase, openPostgres } from './db/database.ts'
import { migrate } from './db/migrate.ts'
import { type Deps, systemClock } from './deps.ts'
import { createMailer } from './mail/mailer.ts'

/** Opens the configured database, migrates it and wires the dependencies: shared by the server and the CLI. */
export async function startRuntime(config: Config = loadConfig(), log: (msg: string) => void = console.log) {
  // a PGlite folder is locked until db.close() or the process ends; a second process gets FolderHeldError here
  const db: Db = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir })
  let applied: string[]
  try {
    // MIGRATION_DATABASE_URL: the owner migrates; the application's role (DATABASE_URL) only reads and writes rows
    applied = config.migrationDatabaseUrl ? await migrateAsOwner(config.migrationDatabaseUrl) : await migrate(db)
  } catch (error) {
    await db.close()
    throw error
  }
  if (applied.length) log(`Migrations appliquées : ${applied.join(', ')}`)
  const deps: Deps = {
    db,
    config,
    clock: systemClock,
    mailer: createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, log }),
  }
  return deps
}

async function migrateAsOwner(url: string) {
  const owner = await openPostgres(url)
  try {
    return await migrate(owner)
  } finally {
    await owner.close()
  }
}
