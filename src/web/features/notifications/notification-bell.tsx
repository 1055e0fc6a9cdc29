import { Badge, Button, Group, Popover, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useRouter } from '@tanstack/react-router'
import { useEffect, useRef, useState } from 'react'
import type { Notification } from '../../../shared/notifications/notification.schema.ts'
import { formatDateTime } from '../../components/format.ts'
import { notificationsApi, notificationsQuery } from './notifications.api.ts'

function BellIcon() {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  )
}

const plural = (n: number) => (n > 1 ? 's' : '')

/**
 * The header's bell: how many notifications are unread (polled every 30 s and on focus), the latest ones in a panel;
 * a line opens its link and is marked read. A new one is announced to screen readers.
 */
export function NotificationBell() {
  const queryClient = useQueryClient()
  const router = useRouter()
  const [opened, setOpened] = useState(false)
  const { data } = useQuery(notificationsQuery)
  const unread = data?.unread ?? 0
  const [announce, setAnnounce] = useState('')
  const previous = useRef<number | null>(null)
  useEffect(() => {
    if (data === undefined) return
    if (previous.current !== null && unread > previous.current && data.items[0])
      setAnnounce(`Nouvelle notification : ${data.items[0].text}`)
    previous.current = unread
  }, [data, unread])

  const refresh = (list: unknown) => queryClient.setQueryData(notificationsQuery.queryKey, list as never)
  const readAll = useMutation({ mutationFn: notificationsApi.readAll, onSuccess: refresh })
  const read = useMutation({
    mutationFn: notificationsApi.read,
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsQuery.queryKey }),
  })
  const open = (n: Notification) => {
    setOpened(false)
    if (!n.readAt) read.mutate(n.id)
    if (n.link) router.history.push(n.link)
  }

  const label = unread ? `Notifications : ${unread} non lue${plural(unread)}` : 'Notifications : aucune non lue'
  return (
    <>
      <Popover
        opened={opened}
        onChange={setOpened}
        position="bottom-end"
        width={360}
        withinPortal
        trapFocus
        shadow="md"
      >
        <Popover.Target>
          <Button
            variant="default"
            size="sm"
            px="xs"
            aria-label={label}
            aria-haspopup="dialog"
            aria-expanded={opened}
            onClick={() => setOpened((o) => !o)}
            leftSection={<BellIcon />}
          >
            {unread > 0 ? (
              <Badge color="red.9" size="sm" circle aria-hidden="true">
                {unread > 99 ? '99+' : unread}
              </Badge>
            ) : null}
          </Button>
        </Popover.Target>
        <Popover.Dropdown role="dialog" aria-labelledby="notifications-title">
          <Stack gap="xs">
            <Group justify="space-between" wrap="nowrap">
              <Text fw={700} id="notifications-title">
                Notifications
              </Text>
              <Button
                variant="subtle"
                size="compact-sm"
                disabled={!unread}
                loading={readAll.isPending}
                onClick={() => readAll.mutate()}
              >
                Tout marquer comme lu
              </Button>
            </Group>
            {!data?.items.length ? (
              <Text size="sm" c="dimmed">
                Aucune notification.
              </Text>
            ) : (
              <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
                {data.items.map((n) => (
                  <li key={n.id}>
                    <UnstyledButton
                      onClick={() => open(n)}
                      p={6}
                      w="100%"
                      style={{ borderRadius: 4 }}
                      bg={n.readAt ? undefined : 'blue.0'}
                    >
                      <Text size="sm" fw={n.readAt ? 400 : 700}>
                        {n.readAt ? null : <VisuallyHidden>Non lue : </VisuallyHidden>}
                        {n.text}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {formatDateTime(n.createdAt)}
                      </Text>
                    </UnstyledButton>
                  </li>
                ))}
              </Stack>
            )}
          </Stack>
        </Popover.Dropdown>
      </Popover>
      <VisuallyHidden role="status" aria-live="polite">
        {announce}
      </VisuallyHidden>
    </>
  )
}
