import { defineServerModule } from '../module.ts'
import * as m20261203T0910 from './migrations/20261203T0910_notifications.ts'
import { notificationsCommand } from './notifications.purge.ts'
import { notificationsRoutes } from './notifications.routes.ts'

/**
 * In-app notifications (docs/home.md): one line of text and a link for one user, read or not; the header's bell
 * polls them. Other modules write them through index.ts (`notify`), inside their own transaction. Old ones are
 * purged (notifications.purge.ts: by the server, or `jalon notifications purge`).
 */
export const notificationsModule = defineServerModule({
  name: 'notifications',
  tables: ['notification'],
  distribution: { notification: 'structure' },
  migrations: { '20261203T0910_notifications': m20261203T0910 },
  routes: notificationsRoutes,
  commands: [notificationsCommand],
})
