import { defineServerModule } from '../module.ts'
import { EMPLOYMENT_2009_TABLES, loadEmployment2009 } from './demo2009/employment-2009.ts'
import { employmentCommands } from './employment.commands.ts'
import { loadEmploymentDemo } from './employment.demo.ts'
import { employmentConfiguration, employmentEntities } from './employment.exchange.ts'
import { employmentIndicators } from './employment.indicators.ts'
import { employmentSections } from './employment.report.ts'
import { employmentRoutes } from './employment.routes.ts'
import * as m20261208T0900 from './migrations/20261208T0900_employment.ts'
import * as m20261209T1000 from './migrations/20261209T1000_employer_trade_name.ts'
import * as m20261210T0900 from './migrations/20261210T0900_clause_statement_period.ts'

/**
 * Employment (issue 14, docs/employment/): employers and every contact with them, the shared offer form broadcast to
 * the sites, the people positioned on offers (by counsellors, or by the officer from the matching list), hires that
 * become the person's employment situation with their follow-up at 1, 3 and 6 months, recruitment operations run as a
 * funnel, candidate pools, work immersions (PMSMP) and the procurement social clauses with the companies' monthly
 * statements; the employment chapter of the report.
 */
export const employmentModule = defineServerModule({
  name: 'employment',
  tables: [
    'employer',
    'employer_contact',
    'employer_interaction',
    'job_project',
    'job_offer',
    'job_offer_site',
    'recruitment_operation',
    'candidate_pool',
    'placement',
    'placement_follow_up',
    'offer_candidate',
    'offer_candidate_event',
    'operation_info_session',
    'operation_application',
    'pool_info_session',
    'pool_member',
    'immersion_programme',
    'immersion_module',
    'immersion',
    'clause_operation',
    'clause_lot',
    'clause_participant',
    'clause_contract',
    'clause_statement',
    'clause_hours',
  ],
  distribution: {
    employer: 'structure',
    employer_contact: 'structure',
    employer_interaction: 'structure',
    job_project: 'structure',
    job_offer: 'structure',
    job_offer_site: 'structure',
    placement: 'structure',
    placement_follow_up: 'structure',
    offer_candidate: 'structure',
    offer_candidate_event: 'structure',
    recruitment_operation: 'structure',
    operation_info_session: 'structure',
    operation_application: 'structure',
    candidate_pool: 'structure',
    pool_info_session: 'structure',
    pool_member: 'structure',
    immersion_programme: 'reference',
    immersion_module: 'reference',
    immersion: 'structure',
    clause_operation: 'structure',
    clause_lot: 'structure',
    clause_participant: 'structure',
    clause_contract: 'structure',
    clause_statement: 'structure',
    clause_hours: 'structure',
  },
  migrations: {
    '20261208T0900_employment': m20261208T0900,
    '20261209T1000_employer_trade_name': m20261209T1000,
    '20261210T0900_clause_statement_period': m20261210T0900,
  },
  routes: employmentRoutes,
  commands: employmentCommands,
  // after the training's (70): the demo's persons, sites and counsellors exist
  demo: { order: 80, load: loadEmploymentDemo },
  indicatorFamily: { key: 'employment', label: 'Emploi' },
  indicators: employmentIndicators,
  // after the training's chapter (30): the 2009 report prints the employment department after the training
  report: { order: 40, sections: employmentSections },
  // after the training's (70); the immersion programmes are configuration
  exchange: { order: 80, entities: employmentEntities, configuration: employmentConfiguration },
  // after the training's part (30)
  dataset2009: { order: 40, tables: [...EMPLOYMENT_2009_TABLES], load: loadEmployment2009 },
})
