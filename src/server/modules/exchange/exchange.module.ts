import { defineServerModule } from '../module.ts'
import { exportCommand, importCommand } from './exchange.commands.ts'
import { exchangeRoutes } from './exchange.routes.ts'
import * as m20261129T1130 from './migrations/20261129T1130_exchange_external_ids.ts'

/** Import and export of a whole organisation as a bundle of CSV files; each module declares its own files. */
export const exchangeModule = defineServerModule({
  name: 'exchange',
  tables: [],
  migrations: { '20261129T1130_exchange_external_ids': m20261129T1130 },
  routes: exchangeRoutes,
  commands: [importCommand, exportCommand],
})
