import { defineServerModule } from '../module.ts'
import { qualityRoutes } from './quality.routes.ts'

/**
 * Data quality (docs/quality.md): the statistics department's data-entry charter as rules declared once
 * (quality.rules.ts, each with its French explanation), counted by site and counsellor, the files to fix, and the
 * counts month by month computed from the dated rows (no table of its own).
 */
export const qualityModule = defineServerModule({
  name: 'quality',
  tables: [],
  routes: qualityRoutes,
})
