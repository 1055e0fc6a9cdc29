import { z } from 'zod'

// In-app notifications: the bell of the header reads the count and the latest lines; a line opens its link.

export const NOTIFICATIONS_SHOWN = 20

export const notificationSchema = z.object({
  id: z.string(),
  text: z.string(),
  /** a path of the web app ('/personnes/…'), or none */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
})
export type Notification = z.infer<typeof notificationSchema>

/** GET /api/notifications: how many are unread, and the latest ones (read or not). */
export const notificationListSchema = z.object({
  unread: z.number().int(),
  items: z.array(notificationSchema),
})
export type NotificationList = z.infer<typeof notificationListSchema>

export const notificationParams = z.object({ id: z.uuid('Identifiant invalide.') })
