import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { type Config, loadConfig } from './config.ts'
import { type Db, openPglite, openPostgres } from './db/database.ts'
import { allMigrations, migrate } from './db/migrate.ts'
import { pgliteTemplate } from './db/pglite-template.ts'
import { type Deps, systemClock } from './deps.ts'
import { createMailer } from './mail/mailer.ts'

export interface RuntimeOptions {
  /** where PGlite templates are kept (pglite-template.ts; tests give their own folder) */
  templateCache?: string
  /**
   * A new PGlite folder is filled from the demo template (demo/demo-template.ts: the demo organisation and, with
   * `year2009`, the 2009 data set), built first when the cache lacks it; `progress` is told the steps of that build.
   */
  demoBase?: { year2009: boolean; progress: (line: string) => void }
}

/** Opens the configured database, migrates it and wires the dependencies: shared by the server and the CLI. */
export async function startRuntime(
  config: Config = loadConfig(),
  log: (msg: string) => void = console.log,
  opts: RuntimeOptions = {},
) {
  // a PGlite folder is locked until db.close() or the process ends; a second process gets FolderHeldError here
  const db: Db = config.databaseUrl
    ? await openPostgres(config.databaseUrl)
    : await openPgliteFolder(config.pgliteDir, config.pgliteSharedBuffers, log, opts)
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
 * With `demoBase`, from the demo template instead (built from the migrated one when missing).
 */
async function openPgliteFolder(
  dir: string,
  sharedBuffers: string,
  log: (msg: string) => void,
  opts: RuntimeOptions,
): Promise<Db> {
  if (existsSync(join(dir, 'PG_VERSION'))) return openPglite(dir, undefined, { sharedBuffers })
  const template = await preparePgliteTemplates(log, opts)
  const db = await openPglite(dir, undefined, { template: template?.dir, sharedBuffers })
  if (db.fromTemplate && template) log(`Base PGlite créée depuis ${template.what}.`)
  return db
}

/**
 * Builds what the cache lacks of the migrated template and, with `demoBase`, of the demo template; gives the folder a
 * new database is copied from (undefined when the cache cannot be written). `jalon templates` runs it alone.
 */
export async function preparePgliteTemplates(
  log: (msg: string) => void,
  opts: RuntimeOptions,
): Promise<{ dir: string; what: string } | undefined> {
  const migrated = pgliteTemplate(allMigrations(), opts.templateCache)
  if (!migrated.exists()) {
    log('Création de la base PGlite (initdb et migrations ; gardée en modèle pour les prochains premiers démarrages)…')
    await migrated.build(async (folder) => {
      const db = await openPglite(folder)
      try {
        const applied = await migrate(db)
        if (applied.length) log(`Migrations appliquées : ${applied.join(', ')}`)
      } finally {
        await db.close()
      }
    })
  }
  if (!migrated.exists()) return undefined
  const found = { dir: migrated.dir, what: `le modèle migré (${Object.keys(allMigrations()).length} migrations)` }
  if (!opts.demoBase) return found
  const { buildDemoTemplate, demoTemplate } = await import('./demo/demo-template.ts')
  const demo = demoTemplate(opts.demoBase.year2009, opts.templateCache)
  if (!demo.exists()) {
    log(
      'Création du modèle de démonstration (organisation et données 2009 ; gardé pour les prochains premiers démarrages)…',
    )
    await buildDemoTemplate(demo, migrated.dir, opts.demoBase)
  }
  if (!demo.exists()) return found
  const what = `le modèle de démonstration (organisation${opts.demoBase.year2009 ? ' et données 2009' : ''})`
  return { dir: demo.dir, what }
}
