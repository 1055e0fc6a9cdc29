import { defineServerModule } from '../module.ts'
import { loadTraining2009, TRAINING_2009_TABLES } from './demo2009/training-2009.ts'
import * as m20261207T0900 from './migrations/20261207T0900_training.ts'
import { trainingCommands } from './training.commands.ts'
import { loadTrainingDemo } from './training.demo.ts'
import { trainingConfiguration, trainingEntities } from './training.exchange.ts'
import { trainingIndicators } from './training.indicators.ts'
import { trainingSections } from './training.report.ts'
import { trainingRoutes } from './training.routes.ts'

/**
 * Training (issue 13, docs/training/): the catalogue (training bodies, actions, sessions and their information
 * sessions, imported from a funder's LHEO or CSV file), the counsellors' prescriptions and every answer to them (the
 * department's, then the training body's through its partner account), the entry that becomes the person's training
 * situation, the professionalisation fund's plans, and the training chapter of the report.
 */
export const trainingModule = defineServerModule({
  name: 'training',
  tables: [
    'training_body',
    'training_body_user',
    'training_action',
    'training_session',
    'training_prescription',
    'training_prescription_event',
    'prof_fund_envelope',
    'prof_plan',
    'prof_plan_cofunding',
  ],
  distribution: {
    training_body: 'reference',
    training_body_user: 'reference',
    training_action: 'reference',
    training_session: 'reference',
    training_prescription: 'structure',
    training_prescription_event: 'structure',
    prof_fund_envelope: 'reference',
    prof_plan: 'structure',
    prof_plan_cofunding: 'structure',
  },
  migrations: { '20261207T0900_training': m20261207T0900 },
  routes: trainingRoutes,
  commands: trainingCommands,
  // after the aids' (60): the demo's persons, their enrolments and the PLIE's subsidised contracts exist
  demo: { order: 70, load: loadTrainingDemo },
  indicatorFamily: { key: 'training', label: 'Formation' },
  indicators: trainingIndicators,
  // after the PLIE's chapter (20): the 2009 report prints the training department after the PLIE
  report: { order: 30, sections: trainingSections },
  // after the aids' (60); the catalogue and the fund's envelopes are configuration
  exchange: { order: 70, entities: trainingEntities, configuration: trainingConfiguration },
  // after the aids' part (20): the catalogue, prescriptions and fund plans of 2008–2009
  dataset2009: { order: 30, tables: [...TRAINING_2009_TABLES], load: loadTraining2009 },
})
