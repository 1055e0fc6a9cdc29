import { sql } from 'kysely'
import { NOTIFICATIONS_SHOWN, type Notification } from '../../../shared/notifications/notification.schema.ts'
import type { Tx } from '../../deps.ts'

// All the SQL of notifications. Every read and write names the recipient: a user only ever reaches their own lines.

export interface NewNotification {
  structureId: string
  recipientId: string
  text: string
  link: string | null
}

export async function insertNotification(tx: Tx, n: NewNotification, at: Date) {
  await tx
    .insertInto('notification')
    .values({
      structure_id: n.structureId,
      recipient_id: n.recipientId,
      text: n.text.slice(0, 500),
      link: n.link,
      created_at: at,
    })
    .execute()
}

/**
 * Deletes the recipient's unread notifications with this link written at `createdAt` (the writer's transaction time:
 * a writer finds its own line again by what it wrote, no key of its own); how many.
 */
export async function deleteUnread(
  tx: Tx,
  n: { structureId: string; recipientId: string; link: string | null; createdAt: Date },
): Promise<number> {
  const rows = await tx
    .deleteFrom('notification')
    .where('structure_id', '=', n.structureId)
    .where('recipient_id', '=', n.recipientId)
    .where('created_at', '=', n.createdAt)
    .where((eb) => (n.link === null ? eb('link', 'is', null) : eb('link', '=', n.link)))
    .where('read_at', 'is', null)
    .returning('id')
    .execute()
  return rows.length
}

const present = (r: { id: string; text: string; link: string | null; created_at: Date; read_at: Date | null }) => ({
  id: r.id,
  text: r.text,
  link: r.link,
  createdAt: r.created_at.toISOString(),
  readAt: r.read_at ? r.read_at.toISOString() : null,
})

export async function listNotifications(tx: Tx, structureId: string, userId: string) {
  const mine = tx.selectFrom('notification').where('structure_id', '=', structureId).where('recipient_id', '=', userId)
  const { unread } = await mine
    .select(sql<number>`count(*) FILTER (WHERE read_at IS NULL)`.as('unread'))
    .executeTakeFirstOrThrow()
  const rows = await mine
    .select(['id', 'text', 'link', 'created_at', 'read_at'])
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(NOTIFICATIONS_SHOWN)
    .execute()
  return { unread: Number(unread), items: rows.map(present) }
}

/** Marks one of the user's notifications read (again: no change); undefined when it is not theirs. */
export async function markRead(
  tx: Tx,
  structureId: string,
  userId: string,
  id: string,
  at: Date,
): Promise<Notification | undefined> {
  const row = await tx
    .updateTable('notification')
    .set({ read_at: sql`coalesce(read_at, ${at})` })
    .where('structure_id', '=', structureId)
    .where('recipient_id', '=', userId)
    .where('id', '=', id)
    .returning(['id', 'text', 'link', 'created_at', 'read_at'])
    .executeTakeFirst()
  return row && present(row)
}

export async function markAllRead(tx: Tx, structureId: string, userId: string, at: Date) {
  await tx
    .updateTable('notification')
    .set({ read_at: at })
    .where('structure_id', '=', structureId)
    .where('recipient_id', '=', userId)
    .where('read_at', 'is', null)
    .execute()
}

/**
 * The purge (notifications.purge.ts): deletes, across every structure, the read notifications written before
 * `readBefore` and any written before `unreadBefore`; how many.
 */
export async function deleteOld(tx: Tx, readBefore: Date, unreadBefore: Date): Promise<number> {
  const r = await tx
    .deleteFrom('notification')
    .where((eb) =>
      eb.or([
        eb.and([eb('read_at', 'is not', null), eb('created_at', '<', readBefore)]),
        eb('created_at', '<', unreadBefore),
      ]),
    )
    .executeTakeFirst()
  return Number(r.numDeletedRows)
}
