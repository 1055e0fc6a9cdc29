import { defineServerModule } from '../module.ts'
import { homeRoutes } from './home.routes.ts'
import * as m20261203T0920 from './migrations/20261203T0920_home.ts'

/**
 * The home pages per role (docs/home.md): reception's arrivals (through the agenda's index.ts, the counsellor told
 * through the notifications'), the counsellor's recent changes (from the audit trail), the director's key figures by
 * site against the sites' objectives (through the report engine) and alerts by team (the accompaniment's contact
 * rule), and the person file's summary. Its tables: the sites' objectives, and each user's "seen" mark.
 */
export const homeModule = defineServerModule({
  name: 'home',
  tables: ['site_objective', 'home_seen'],
  distribution: { site_objective: 'reference', home_seen: 'local' },
  migrations: { '20261203T0920_home': m20261203T0920 },
  routes: homeRoutes,
})
