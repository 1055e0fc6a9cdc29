import type { Generated } from 'kysely'

// Notifications (20261203T0910_notifications, modules/notifications) ---------------------------------------------
export interface NotificationTable {
  structure_id: string
  id: Generated<string>
  recipient_id: string
  text: string
  /** a path of the web app */
  link: string | null
  created_at: Date
  read_at: Date | null
}
declare module '../../db/schema.ts' {
  interface Database {
    notification: NotificationTable
  }
}
