import { defineServerModule } from '../module.ts'
import { exportCommand, importCommand } from './exchange.commands.ts'
import { programmesEntity, sitesEntity, usersEntity } from './exchange.organisation.ts'
import { exchangeRoutes } from './exchange.routes.ts'
import * as m20261129T1130 from './migrations/20261129T1130_exchange_external_ids.ts'

/**
 * Import and export of a whole organisation as a bundle of CSV files (each module declares its own files); the
 * organisation's own files (sites, programmes, users) are declared here until the admin module takes them.
 */
export const exchangeModule = defineServerModule({
  name: 'exchange',
  tables: [],
  migrations: { '20261129T1130_exchange_external_ids': m20261129T1130 },
  routes: exchangeRoutes,
  commands: [importCommand, exportCommand],
  exchange: {
    order: 10,
    entities: [sitesEntity, programmesEntity, usersEntity],
    configuration: [sitesEntity.file, programmesEntity.file, usersEntity.file],
  },
})
