// What other modules may use of notifications: tell a user something, inside the caller's transaction (the line
// exists if and only if what it tells was committed).

import type { Tx } from '../../deps.ts'
import { insertNotification, type NewNotification } from './notifications.repository.ts'

export type { NewNotification } from './notifications.repository.ts'

/** A notification for one user of the structure; `link` is a path of the web app. */
export const notify = (tx: Tx, notification: NewNotification, at: Date) => insertNotification(tx, notification, at)
