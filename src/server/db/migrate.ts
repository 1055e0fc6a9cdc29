import { type Migration, type MigrationProvider, Migrator } from 'kysely'
import { serverModules } from '../modules/modules.ts'
import type { Db } from './database.ts'
import * as m20261128T1500 from './migrations/20261128T1500_foundation.ts'
import * as m20261128T1600 from './migrations/20261128T1600_person_file.ts'

// The migrations that ran before the modules had manifests and that create the tables of several modules at once
// (the organisation, the person file). Every later migration belongs to a module and is declared in its manifest.
const platformMigrations: Record<string, Migration> = {
  '20261128T1500_foundation': m20261128T1500,
  '20261128T1600_person_file': m20261128T1600,
}

/** Every migration, platform and modules, by name; the names sort in the order they run (yyyymmddThhmm_what). */
export function allMigrations(): Record<string, Migration> {
  const all: Record<string, Migration> = { ...platformMigrations }
  for (const m of serverModules)
    for (const [name, migration] of Object.entries(m.migrations ?? {})) {
      if (all[name]) throw new Error(`Migration déclarée deux fois : ${name}`)
      all[name] = migration
    }
  return all
}

const provider: MigrationProvider = { getMigrations: async () => allMigrations() }

export async function migrate(db: Db): Promise<string[]> {
  // Unordered: a migration whose name sorts before one a database already ran still runs there (after it). Work
  // written side by side takes names in ranges given in advance (issue 9's keys by structure, 20261201T1000…, came
  // after 20261201T1200 had shipped), and Kysely would otherwise refuse to start such a database ("corrupted
  // migrations"). A fresh database still runs them in name order; a migration must not rely on a later-named one.
  const migrator = new Migrator({ db: db.kysely, provider, allowUnorderedMigrations: true })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw error
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
