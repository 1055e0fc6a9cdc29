import type { Command } from '../../cli/command.ts'
import type { Deps } from '../../deps.ts'
import { deleteOld } from './notifications.repository.ts'

// Notifications are short-lived messages ("she is at the desk"), not the file's history (the audit trail and the
// file keep that): kept `keepReadDays` (90 by default) once read, `keepUnreadDays` (a year) when never read, counted
// from when they were written. Purged by the server itself every `purgeSeconds` (an hour by default), like the
// agenda's reminders, or by `jalon notifications purge`.

const DAY_MS = 86_400_000

/** Deletes the notifications past their keeping at `now`; how many. */
export function purgeNotifications(deps: Pick<Deps, 'db' | 'config'>, now: Date): Promise<number> {
  const { keepReadDays, keepUnreadDays } = deps.config.notifications
  return deps.db.kysely
    .transaction()
    .execute((tx) =>
      deleteOld(tx, new Date(now.getTime() - keepReadDays * DAY_MS), new Date(now.getTime() - keepUnreadDays * DAY_MS)),
    )
}

/** The purge inside the server: a plain interval, one run at a time, stopped when the app closes. */
export function schedulePurge(deps: Pick<Deps, 'db' | 'config' | 'clock' | 'log'>, seconds: number) {
  let running = false
  const timer = setInterval(() => {
    if (running) return
    running = true
    purgeNotifications(deps, deps.clock.now())
      .then((n) => n && deps.log?.info({ deleted: n }, 'notifications : anciennes notifications supprimées'))
      .catch((error) => deps.log?.error({ err: error }, 'notifications : purge en échec'))
      .finally(() => {
        running = false
      })
  }, seconds * 1000)
  timer.unref()
  return { stop: () => clearInterval(timer) }
}

export const notificationsCommand: Command = {
  name: 'notifications',
  summary: 'purge : supprime les notifications lues depuis longtemps et les non lues trop anciennes',
  usage: 'jalon notifications purge',
  run: async ({ deps, positionals, log }) => {
    if (positionals[0] !== 'purge') {
      log('Usage : jalon notifications purge')
      return 2
    }
    const { keepReadDays, keepUnreadDays } = deps.config.notifications
    const deleted = await purgeNotifications(deps, deps.clock.now())
    log(
      `${deleted} notification${deleted > 1 ? 's' : ''} supprimée${deleted > 1 ? 's' : ''} (lues depuis plus de ${keepReadDays} jours, non lues depuis plus de ${keepUnreadDays} jours).`,
    )
    return 0
  },
}
