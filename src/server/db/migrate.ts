import { type Migration, type MigrationProvider, Migrator } from 'kysely'
import type { Db } from './database.ts'
import * as m20261128T1500 from './migrations/20261128T1500_foundation.ts'
import * as m20261128T1600 from './migrations/20261128T1600_person_file.ts'
import * as m20261128T1700 from './migrations/20261128T1700_person_search.ts'
import * as m20261129T0900 from './migrations/20261129T0900_objectives.ts'
import * as m20261129T1130 from './migrations/20261129T1130_exchange_external_ids.ts'
import * as m20261129T1200 from './migrations/20261129T1200_totp_replay.ts'
import * as m20261130T1000 from './migrations/20261130T1000_auth_hardening.ts'
import * as m20261130T1010 from './migrations/20261130T1010_audit_chain.ts'
import * as m20261130T1030 from './migrations/20261130T1030_exchange_rights.ts'
import * as m20261130T1400 from './migrations/20261130T1400_programme_type.ts'
import * as m20261130T1600 from './migrations/20261130T1600_structure_time_zone.ts'

// Listed by hand so that the same list works under tsx, Vitest and a bundle. Append new migrations at the end.
const migrations: Record<string, Migration> = {
  '20261128T1500_foundation': m20261128T1500,
  '20261128T1600_person_file': m20261128T1600,
  '20261128T1700_person_search': m20261128T1700,
  '20261129T0900_objectives': m20261129T0900,
  '20261129T1130_exchange_external_ids': m20261129T1130,
  '20261129T1200_totp_replay': m20261129T1200,
  '20261130T1000_auth_hardening': m20261130T1000,
  '20261130T1010_audit_chain': m20261130T1010,
  '20261130T1030_exchange_rights': m20261130T1030,
  '20261130T1400_programme_type': m20261130T1400,
  '20261130T1600_structure_time_zone': m20261130T1600,
}

const provider: MigrationProvider = { getMigrations: async () => migrations }

export async function migrate(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db: db.kysely, provider })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw error
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
