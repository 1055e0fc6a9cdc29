import { queryOptions } from '@tanstack/react-query'
import type { Notification, NotificationList } from '../../../shared/notifications/notification.schema.ts'
import { api } from '../../api.ts'

const url = '/api/notifications'

/** The bell's count and lines: polled every 30 s, and again when the window gets the focus back. */
export const notificationsQuery = queryOptions({
  queryKey: ['notifications'],
  queryFn: ({ signal }) => api.get<NotificationList>(url, undefined, signal),
  refetchInterval: 30_000,
  refetchOnWindowFocus: true,
})

export const notificationsApi = {
  read: (id: string) => api.post<Notification>(`${url}/${encodeURIComponent(id)}/read`),
  readAll: () => api.post<NotificationList>(`${url}/read-all`),
}
