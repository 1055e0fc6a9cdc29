import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { type Config, loadConfig } from './config.ts'
import { type Db, openPglite, openPostgres } from './db/database.ts'
import { allMigrations, migrate } from './db/migrate.ts'
import { pgliteTemplate } from './db/pglite-template.ts'
import { type Deps, systemClock } from './deps.ts'
import { createMailer } from './mail/mailer.ts'

/**
 * Opens the configured database, migrates it and wires the dependencies: shared by the server and the CLI.
 * `templateCache`: where migrated PGlite templates are kept (pglite-template.ts; tests give their own folder).
 */
export async function startRuntime(
  config: Config = loadConfig(),
  log: (msg: string) => void = console.log,
  opts: { templateCache?: string } = {},
) {
  // a PGlite folder is locked until db.close() or the process ends; a second process gets FolderHeldError here
  const db: Db = config.databaseUrl
    ? await openPostgres(config.databaseUrl)
    : await openPgliteFolder(config.pgliteDir, config.pgliteSharedBuffers, log, opts.templateCache)
  let applied: string[]
  try {
    // MIGRATION_DATABASE_URL: the owner migrates; the application's role (DATABASE_URL) only reads and writes rows
    applied = config.migrationDatabaseUrl ? await migrateAsOwner(config.migrationDatabaseUrl) : await migrate(db)
  } catch (error) {
    await db.close()
    throw error
  }
  if (applied.length) log(`Migrations appliquées : ${applied.join(', ')}`)
  // a replica is never migrated: it replays the primary's migrations; read-only, so a wrong URL cannot write either
  const reportDb = config.reportDatabaseUrl ? await openPostgres(config.reportDatabaseUrl, { readOnly: true }) : db
  if (reportDb !== db) log('Rapports et indicateurs lus sur REPORT_DATABASE_URL (réplica en lecture seule).')
  const deps: Deps = {
    db,
    reportDb,
    config,
    clock: systemClock,
    mailer: createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, log }),
  }
  return deps
}

/** Closes the report database (when it is a replica of its own), then the database: every stop goes through it. */
export async function closeDeps(deps: Pick<Deps, 'db' | 'reportDb'>) {
  try {
    if (deps.reportDb && deps.reportDb !== deps.db) await deps.reportDb.close()
  } finally {
    await deps.db.close()
  }
}

async function migrateAsOwner(url: string) {
  const owner = await openPostgres(url)
  try {
    return await migrate(owner)
  } finally {
    await owner.close()
  }
}

/**
 * A PGlite folder without a database is filled from the migrated template (pglite-template.ts), built first when the
 * cache lacks it: PGlite's initdb and the migrations run once per state of the migrations, not at every first start.
 */
async function openPgliteFolder(
  dir: string,
  sharedBuffers: string,
  log: (msg: string) => void,
  templateCache?: string,
): Promise<Db> {
  if (existsSync(join(dir, 'PG_VERSION'))) return openPglite(dir, undefined, { sharedBuffers })
  const template = pgliteTemplate(allMigrations(), templateCache)
  if (!template.exists()) {
    log('Création de la base PGlite (initdb et migrations ; gardée en modèle pour les prochains premiers démarrages)…')
    await template.build(async (folder) => {
      const db = await openPglite(folder)
      try {
        const applied = await migrate(db)
        if (applied.length) log(`Migrations appliquées : ${applied.join(', ')}`)
      } finally {
        await db.close()
      }
    })
  }
  const db = await openPglite(dir, undefined, {
    template: template.exists() ? template.dir : undefined,
    sharedBuffers,
  })
  if (db.fromTemplate)
    log(`Base PGlite créée depuis le modèle migré (${Object.keys(allMigrations()).length} migrations).`)
  return db
}
