import type { FastifyInstance } from 'fastify'
import {
  notificationListSchema,
  notificationParams,
  notificationSchema,
} from '../../../shared/notifications/notification.schema.ts'
import type { Deps } from '../../deps.ts'
import { notFound } from '../../errors.ts'
import { defineRoute } from '../../http/route.ts'
import { notificationsPolicy } from './notifications.policy.ts'
import { schedulePurge } from './notifications.purge.ts'
import { listNotifications, markAllRead, markRead } from './notifications.repository.ts'

const tags = ['Notifications']

export function notificationsRoutes(app: FastifyInstance, deps: Deps) {
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/notifications',
    summary: 'Mes notifications : le nombre de non lues et les dernières (la cloche de l’en-tête)',
    tags,
    access: notificationsPolicy.own,
    read: true,
    response: notificationListSchema,
    handler: ({ tx, actor }) => listNotifications(tx, actor.structureId, actor.userId),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/notifications/:id/read',
    summary: 'Marquer une de mes notifications comme lue',
    tags,
    access: notificationsPolicy.own,
    params: notificationParams,
    response: notificationSchema,
    handler: async ({ tx, actor, params, now }) => {
      const row = await markRead(tx, actor.structureId, actor.userId, params.id, now)
      if (!row) throw notFound('Cette notification')
      return row
    },
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/notifications/read-all',
    summary: 'Marquer toutes mes notifications comme lues',
    tags,
    access: notificationsPolicy.own,
    response: notificationListSchema,
    handler: async ({ tx, actor, now }) => {
      await markAllRead(tx, actor.structureId, actor.userId, now)
      return listNotifications(tx, actor.structureId, actor.userId)
    },
  })

  // The purge of old notifications: inside the server, stopped with it
  if (deps.config.notifications.purgeSeconds > 0) {
    let job: { stop(): void } | undefined
    app.addHook('onReady', async () => {
      job = schedulePurge(deps, deps.config.notifications.purgeSeconds)
    })
    app.addHook('onClose', async () => job?.stop())
  }
}
