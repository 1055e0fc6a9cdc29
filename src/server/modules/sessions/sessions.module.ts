import { defineServerModule } from '../module.ts'
import { sessionRoutes } from './sessions.routes.ts'

/**
 * Collective sessions (docs/agenda.md, « Séances collectives »): workshops and information sessions are the agenda's
 * group appointments; this module lists them, registers persons within the capacity and prints the sign-in sheet. It
 * owns no table: it writes through the agenda's index.ts.
 */
export const sessionsModule = defineServerModule({
  name: 'sessions',
  tables: [],
  routes: sessionRoutes,
})
