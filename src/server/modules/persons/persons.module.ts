import { defineServerModule } from '../module.ts'
import * as m20261128T1700 from './migrations/20261128T1700_person_search.ts'
import * as m20261130T1830 from './migrations/20261130T1830_person_name_order.ts'
import * as m20261201T1200 from './migrations/20261201T1200_person_search_by_structure.ts'
import { loadDemoPersons } from './persons.demo.ts'
import { notesEntity, personAttributesEntity, personsEntity, statusesEntity } from './persons.exchange.ts'
import { personRoutes } from './persons.routes.ts'

/** The person file: identity, search and duplicates, situation over time (dated attributes, statuses), notes. */
export const personsModule = defineServerModule({
  name: 'persons',
  tables: ['person', 'person_attribute', 'status_period', 'person_note'],
  migrations: {
    '20261128T1700_person_search': m20261128T1700,
    '20261130T1830_person_name_order': m20261130T1830,
    '20261201T1200_person_search_by_structure': m20261201T1200,
  },
  routes: personRoutes,
  demo: { order: 10, load: loadDemoPersons },
  exchange: { order: 20, entities: [personsEntity, personAttributesEntity, statusesEntity, notesEntity] },
})
