import { AppShell, Box, Burger, Button, Group, NavLink, ScrollArea, Stack, Text } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { createLink, Outlet, useNavigate, useRouter, useRouterState } from '@tanstack/react-router'
import { forwardRef, useEffect, useRef } from 'react'
import { roleLabels } from '../../shared/auth/roles.ts'
import { authApi, meQuery } from '../features/auth/auth.api.ts'
import { NotificationBell } from '../features/notifications/notification-bell.tsx'
import { type NavEntry, navFor, useWebModules } from '../web-module.ts'
import { FormError } from './form-error.tsx'

const MantineLinkAnchor = forwardRef<HTMLAnchorElement, React.ComponentPropsWithoutRef<typeof NavLink<'a'>>>(
  (props, ref) => <NavLink component="a" ref={ref} {...props} />,
)
const RouterNavLink = createLink(MantineLinkAnchor)

function groupBySection(items: NavEntry[]): [string | undefined, NavEntry[]][] {
  const sections = new Map<string | undefined, NavEntry[]>()
  for (const item of items) sections.set(item.section, [...(sections.get(item.section) ?? []), item])
  return [...sections.entries()]
}

/** The frame of every signed-in page: header, navigation by role, main content. */
export function AppLayout() {
  const { data: me } = useQuery(meQuery)
  const modules = useWebModules()
  const [opened, { toggle, close }] = useDisclosure()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const pathname = useRouterState({ select: (s) => s.location.pathname })
  const router = useRouter()
  const signingOut = useRef(false)
  const redirecting = useRef(false)

  const signOut = useMutation({
    mutationFn: authApi.signOut,
    onSuccess: () => {
      signingOut.current = true
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' })
      queryClient.setQueryData(meQuery.queryKey, null)
    },
  })

  // Signed out (here or because the session expired): back to the sign-in page, returning here afterwards.
  // Once only: the location changes while that navigation is pending, and must not be taken as the place to return to.
  useEffect(() => {
    if (me || redirecting.current) return
    redirecting.current = true
    const here = router.state.location.href
    void navigate({ to: '/connexion', search: signingOut.current ? {} : { redirect: here }, replace: true })
  }, [me, navigate, router])

  if (!me) return null
  const entries = navFor(modules, me.role)
  const sections = groupBySection(entries)
  // one entry is current: the longest address the page is under (« /emploi » and « /emploi/entreprises » both match)
  const matches = (to: string) => pathname === to || pathname.startsWith(`${to}/`)
  const current = entries.filter((e) => matches(e.to)).sort((a, b) => b.to.length - a.to.length)[0]?.to

  return (
    <>
      <Box component="a" href="#contenu" className="skip-link">
        Aller au contenu
      </Box>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="lg"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? 'Fermer le menu' : 'Ouvrir le menu'}
              />
              <Text fw={700} size="xl" c="blue.9">
                Jalon
              </Text>
            </Group>
            <Group gap="md" wrap="nowrap">
              <NotificationBell />
              <Box visibleFrom="sm" ta="right">
                <Text size="sm" fw={600} lh={1.2}>
                  {me.displayName}
                </Text>
                <Text size="xs" c="dimmed" lh={1.2}>
                  {roleLabels[me.role]}
                </Text>
              </Box>
              <Button variant="default" size="sm" onClick={() => signOut.mutate()} loading={signOut.isPending}>
                Se déconnecter
              </Button>
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar p="sm" aria-label="Navigation principale">
          <ScrollArea>
            <Stack gap="md">
              {sections.map(([section, items]) => (
                <Stack gap={2} key={section ?? 'main'}>
                  {section && (
                    <Text size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" py={4}>
                      {section}
                    </Text>
                  )}
                  {items.map((item) => (
                    <RouterNavLink
                      key={item.to}
                      to={item.to}
                      label={item.label}
                      active={item.to === current}
                      onClick={close}
                    />
                  ))}
                </Stack>
              ))}
            </Stack>
          </ScrollArea>
        </AppShell.Navbar>

        <AppShell.Main id="contenu" tabIndex={-1} style={{ outline: 'none' }}>
          <FormError error={signOut.error} title="Déconnexion impossible" />
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </>
  )
}
