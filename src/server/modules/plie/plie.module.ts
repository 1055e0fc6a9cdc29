import { defineServerModule } from '../module.ts'
import { loadPlie2009, PLIE_2009_TABLES } from './demo2009/plie-2009.ts'
import * as m20261205T0900 from './migrations/20261205T0900_plie.ts'
import { loadPlieDemo } from './plie.demo.ts'
import { plieConfiguration, plieEntities } from './plie.exchange.ts'
import { plieIndicators } from './plie.indicators.ts'
import { plieSections } from './plie.report.ts'
import { plieRoutes } from './plie.routes.ts'

/**
 * The PLIE (issue 11, docs/plie.md): adults' integration pathways, from the proposal and its eligibility through the
 * site's committee to the steps and the exit, positive or not; the host organisations and partners; the funding; the
 * ESF+ participant data; the PLIE part of the report. A pathway is the person's enrolment in the PLIE programme
 * (the accompaniment's table, written through its index.ts); the tables below keep what only the PLIE needs.
 */
export const plieModule = defineServerModule({
  name: 'plie',
  tables: [
    'plie_commune',
    'plie_organisation',
    'plie_organisation_user',
    'plie_proposal',
    'plie_committee',
    'plie_committee_member',
    'plie_committee_case',
    'plie_pathway',
    'plie_referent',
    'plie_step',
    'plie_funding',
    'esf_answer',
  ],
  distribution: {
    plie_commune: 'reference',
    plie_organisation: 'reference',
    plie_organisation_user: 'reference',
    plie_funding: 'reference',
    plie_proposal: 'structure',
    plie_committee: 'structure',
    plie_committee_member: 'structure',
    plie_committee_case: 'structure',
    plie_pathway: 'structure',
    plie_referent: 'structure',
    plie_step: 'structure',
    esf_answer: 'structure',
  },
  migrations: { '20261205T0900_plie': m20261205T0900 },
  routes: plieRoutes,
  // after the accompaniment's (20: the PLIE enrolments) and the agenda's (40)
  demo: { order: 50, load: loadPlieDemo },
  indicatorFamily: { key: 'plie', label: 'PLIE' },
  indicators: plieIndicators,
  report: { order: 20, sections: plieSections },
  // after the enrolments and situations (30) a pathway and its steps are; the configuration the admin moves
  exchange: { order: 50, entities: plieEntities, configuration: plieConfiguration },
  dataset2009: { order: 10, tables: [...PLIE_2009_TABLES], load: loadPlie2009 },
})
