import { defineServerModule } from '../module.ts'
import { loadAidsDemo } from './aids.demo.ts'
import { aidsConfiguration, aidsEntities } from './aids.exchange.ts'
import { aidsIndicators } from './aids.indicators.ts'
import { aidsSections } from './aids.report.ts'
import { aidsRoutes } from './aids.routes.ts'
import { AIDS_2009_TABLES, loadAids2009 } from './demo2009/aids-2009.ts'
import * as m20261206T0900 from './migrations/20261206T0900_aids.ts'

/**
 * Financial aids (issue 12, docs/aids.md): the funds and their envelopes, a person's requests on their tracks
 * (emergency within 48 hours, ordinary, reinforced), decisions by an officer or a commission, payments and the
 * allowance's monthly runs, the youth projects (CLAP) and holiday aids, and the aids' part of the report.
 */
export const aidsModule = defineServerModule({
  name: 'aids',
  tables: [
    'aid_fund',
    'aid_envelope',
    'aid_commission',
    'aid_commission_member',
    'aid_project',
    'aid_project_holder',
    'aid_request',
    'aid_contract',
    'aid_payment_run',
    'aid_payment',
    'aid_indirect',
  ],
  distribution: {
    aid_fund: 'reference',
    aid_envelope: 'reference',
    aid_commission: 'structure',
    aid_commission_member: 'structure',
    aid_project: 'structure',
    aid_project_holder: 'structure',
    aid_request: 'structure',
    aid_contract: 'structure',
    aid_payment_run: 'structure',
    aid_payment: 'structure',
    aid_indirect: 'structure',
  },
  migrations: { '20261206T0900_aids': m20261206T0900 },
  routes: aidsRoutes,
  // after the accompaniment's (20: enrolments in the CIVIS/CEJ programmes) and the PLIE's (50)
  demo: { order: 60, load: loadAidsDemo },
  indicatorFamily: { key: 'aid', label: 'Aides financières' },
  indicators: aidsIndicators,
  // after the Mission Locale's chapter (10), before the PLIE's (20): the 2009 report prints the aids with the Mission Locale
  report: { order: 15, sections: aidsSections },
  // after the enrolments (30) and the PLIE's (50); the funds and envelopes are configuration
  exchange: { order: 60, entities: aidsEntities, configuration: aidsConfiguration },
  // after the PLIE's part (10): the aids' funds, requests, payments, contracts and projects of 2008–2009
  dataset2009: { order: 20, tables: [...AIDS_2009_TABLES], load: loadAids2009 },
})
