import { queryOptions } from '@tanstack/react-query'
import type { Notification, NotificationList } from '../../../shared/notifications/notification.schema.ts'
import { api } from '../../api.ts'

const url = '/api/notifications'

/**
 * The bell's count and lines: polled every 30 s, and read again as soon as the window gets the focus back (even if
 * read less than 30 s ago: the counsellor back from the desk wants the arrival now).
 */
export const notificationsQuery = queryOptions({
  queryKey: ['notifications'],
  queryFn: ({ signal }) => api.get<NotificationList>(url, undefined, signal),
  refetchInterval: 30_000,
  refetchOnWindowFocus: 'always',
})

export const notificationsApi = {
  read: (id: string) => api.post<Notification>(`${url}/${encodeURIComponent(id)}/read`),
  readAll: () => api.post<NotificationList>(`${url}/read-all`),
}
