// What other modules may use of notifications: tell a user something, inside the caller's transaction (the line
// exists if and only if what it tells was committed).

import type { Tx } from '../../deps.ts'
import { deleteUnread, insertNotification, type NewNotification } from './notifications.repository.ts'

export type { NewNotification } from './notifications.repository.ts'

/** A notification for one user of the structure; `link` is a path of the web app. */
export const notify = (tx: Tx, notification: NewNotification, at: Date) => insertNotification(tx, notification, at)

/**
 * Takes back what was told at `sentAt` (the same recipient and link): withdrawn while unread — the user never saw
 * it —, else followed by `correction`. Says which.
 */
export async function withdrawOrCorrect(
  tx: Tx,
  sent: { structureId: string; recipientId: string; link: string | null; sentAt: Date },
  correction: string,
  at: Date,
): Promise<'withdrawn' | 'corrected'> {
  const withdrawn = await deleteUnread(tx, { ...sent, createdAt: sent.sentAt })
  if (withdrawn > 0) return 'withdrawn'
  await insertNotification(tx, { ...sent, text: correction }, at)
  return 'corrected'
}
