import { defineServerModule } from '../module.ts'
import { loadAccompanimentDemo } from './accompaniment.demo.ts'
import {
  enrolmentsEntity,
  eventsEntity,
  propositionsEntity,
  situationsEntity,
  themeLookup,
  themesEntity,
} from './accompaniment.exchange.ts'
import { accompanimentRoutes } from './accompaniment.routes.ts'
import { recordFirstReception } from './events.repository.ts'
import * as m20261130T1830 from './migrations/20261130T1830_enrolment_referent.ts'

/**
 * The Mission Locale's follow-up of a person: events (interviews, workshops…), propositions, situations, programme
 * enrolments, and the counsellor's caseload.
 */
export const accompanimentModule = defineServerModule({
  name: 'accompaniment',
  tables: ['event', 'proposition_theme', 'proposition', 'situation', 'enrolment'],
  migrations: { '20261130T1830_enrolment_referent': m20261130T1830 },
  routes: accompanimentRoutes,
  demo: { order: 20, load: loadAccompanimentDemo },
  exchange: {
    order: 30,
    entities: [themesEntity, eventsEntity, propositionsEntity, situationsEntity, enrolmentsEntity],
    lookups: [themeLookup],
    configuration: [themesEntity.file],
  },
  on: { personCreated: recordFirstReception },
})
