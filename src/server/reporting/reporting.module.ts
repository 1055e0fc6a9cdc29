import { defineServerModule } from '../modules/module.ts'
import { orgIndicators } from './indicators/org.ts'
import * as m20261129T0900 from './migrations/20261129T0900_objectives.ts'
import { organisationSections } from './report/sections.ts'
import { reportCommand } from './report.command.ts'
import { reportingRoutes } from './reporting.routes.ts'

/**
 * The reporting engine (indicators, objectives, the annual report and its outputs) and the whole structure's own
 * indicators; every other module brings its indicators and its chapter through its manifest.
 */
export const reportingModule = defineServerModule({
  name: 'reporting',
  tables: ['funder_agreement', 'objective'],
  distribution: { funder_agreement: 'reference', objective: 'reference' },
  migrations: { '20261129T0900_objectives': m20261129T0900 },
  routes: reportingRoutes,
  commands: [reportCommand],
  indicatorFamily: { key: 'org', label: 'Toute la structure' },
  indicators: orgIndicators,
  report: { order: 1000, sections: organisationSections },
})
