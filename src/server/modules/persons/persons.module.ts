import { defineServerModule } from '../module.ts'
import * as m20261128T1700 from './migrations/20261128T1700_person_search.ts'
import * as m20261130T1830 from './migrations/20261130T1830_person_name_order.ts'
import * as m20261201T1000 from './migrations/20261201T1000_person_keys_by_structure.ts'
import * as m20261201T1020 from './migrations/20261201T1020_person_primary_key_by_structure.ts'
import * as m20261201T1200 from './migrations/20261201T1200_person_search_by_structure.ts'
import * as m20261203T0910 from './migrations/20261203T0910_phone_digits_plpgsql.ts'
import { loadDemoPersons } from './persons.demo.ts'
import { notesEntity, personAttributesEntity, personsEntity, statusesEntity } from './persons.exchange.ts'
import { personRoutes } from './persons.routes.ts'

/** The person file: identity, search and duplicates, situation over time (dated attributes, statuses), notes. */
export const personsModule = defineServerModule({
  name: 'persons',
  tables: ['person', 'person_attribute', 'status_period', 'person_note'],
  distribution: {
    person: 'structure',
    person_attribute: 'structure',
    status_period: 'structure',
    person_note: 'structure',
  },
  migrations: {
    '20261128T1700_person_search': m20261128T1700,
    '20261130T1830_person_name_order': m20261130T1830,
    '20261201T1000_person_keys_by_structure': m20261201T1000,
    '20261201T1020_person_primary_key_by_structure': m20261201T1020,
    '20261201T1200_person_search_by_structure': m20261201T1200,
    '20261203T0910_phone_digits_plpgsql': m20261203T0910,
  },
  routes: personRoutes,
  demo: { order: 10, load: loadDemoPersons },
  exchange: { order: 20, entities: [personsEntity, personAttributesEntity, statusesEntity, notesEntity] },
})
