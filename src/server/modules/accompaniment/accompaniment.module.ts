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
import { onPersonCreated } from './events.repository.ts'
import * as m20261130T1830 from './migrations/20261130T1830_enrolment_referent.ts'
import * as m20261201T1010 from './migrations/20261201T1010_accompaniment_keys_by_structure.ts'
import * as m20261204T0955 from './migrations/20261204T0955_enrolment_planned_end.ts'

/**
 * The Mission Locale's follow-up of a person: events (interviews, workshops…), propositions, situations, programme
 * enrolments, and the counsellor's caseload.
 */
export const accompanimentModule = defineServerModule({
  name: 'accompaniment',
  tables: ['event', 'proposition_theme', 'proposition', 'situation', 'enrolment'],
  distribution: {
    event: 'structure',
    proposition_theme: 'reference',
    proposition: 'structure',
    situation: 'structure',
    enrolment: 'structure',
  },
  migrations: {
    '20261130T1830_enrolment_referent': m20261130T1830,
    '20261201T1010_accompaniment_keys_by_structure': m20261201T1010,
    '20261204T0955_enrolment_planned_end': m20261204T0955,
  },
  routes: accompanimentRoutes,
  demo: { order: 20, load: loadAccompanimentDemo },
  exchange: {
    order: 30,
    entities: [themesEntity, eventsEntity, propositionsEntity, situationsEntity, enrolmentsEntity],
    lookups: [themeLookup],
    configuration: [themesEntity.file],
  },
  on: { personCreated: onPersonCreated },
})
