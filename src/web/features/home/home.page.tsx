import { Card, List, Loader, SimpleGrid, Stack } from '@mantine/core'
import { Suspense } from 'react'
import { Page } from '../../components/page.tsx'
import { type HomeCard, homeCardsFor, homeLinksFor, useWebModules } from '../../web-module.ts'
import { useMe } from '../auth/auth.api.ts'
import { AnchorLink } from '../persons/anchor-link.tsx'

const columns = { full: 1, half: 2, third: 3 } as const

function Block({ card }: { card: HomeCard }) {
  const me = useMe()
  const Component = card.component
  return (
    <Suspense fallback={<Loader size="sm" aria-label="Chargement" />}>
      <Component me={me} />
    </Suspense>
  )
}

/**
 * The home page of each role (docs/home.md): the quick links and the cards every module offers this role (their
 * manifests' `home`): the full-width blocks (tables), then the halves, then the thirds, each group by order. A card
 * outside the first load arrives on its own.
 */
export function HomePage() {
  const me = useMe()
  const modules = useWebModules()
  const links = homeLinksFor(modules, me.role)
  const cards = homeCardsFor(modules, me.role)
  return (
    <Page title={`Bonjour ${me.displayName}`}>
      {links.length > 0 && (
        <Card withBorder component="nav" aria-label="Accès rapides">
          <List>
            {links.map((link) => (
              <List.Item key={link.to}>
                <AnchorLink to={link.to}>{link.label}</AnchorLink>
                {link.after}
              </List.Item>
            ))}
          </List>
        </Card>
      )}
      {(['full', 'half', 'third'] as const).map((width) => {
        const row = cards.filter((c) => (c.width ?? 'third') === width)
        if (!row.length) return null
        const blocks = row.map((card) => <Block key={card.key} card={card} />)
        return width === 'full' ? (
          <Stack key={width} gap="lg">
            {blocks}
          </Stack>
        ) : (
          <SimpleGrid key={width} cols={{ base: 1, md: columns[width] }}>
            {blocks}
          </SimpleGrid>
        )
      })}
    </Page>
  )
}
