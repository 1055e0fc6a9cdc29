import { defineServerModule } from '../module.ts'
import { programmesEntity, sitesEntity, usersEntity } from './admin.exchange.ts'
import { adminRoutes } from './admin.routes.ts'
import * as m20261130T1400 from './migrations/20261130T1400_programme_type.ts'
import * as m20261130T1600 from './migrations/20261130T1600_structure_time_zone.ts'

/** The organisation: structure, sites and their communes, programmes, users and their sites and programmes. */
export const adminModule = defineServerModule({
  name: 'admin',
  tables: ['structure', 'site', 'site_commune', 'programme', 'app_user', 'user_site', 'user_programme'],
  // configuration, small and read with every structure's rows; app_user too: sign-in finds a user by e-mail across
  // structures, a unique key a distributed table could not keep
  distribution: {
    structure: 'reference',
    site: 'reference',
    site_commune: 'reference',
    programme: 'reference',
    app_user: 'reference',
    user_site: 'reference',
    user_programme: 'reference',
  },
  migrations: {
    '20261130T1400_programme_type': m20261130T1400,
    '20261130T1600_structure_time_zone': m20261130T1600,
  },
  routes: adminRoutes,
  exchange: {
    order: 10,
    entities: [sitesEntity, programmesEntity, usersEntity],
    // the organisation's configuration: the admin may move these files (not person data)
    configuration: [sitesEntity.file, programmesEntity.file, usersEntity.file],
  },
})
