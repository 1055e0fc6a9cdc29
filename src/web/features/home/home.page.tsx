import { Card, List, SimpleGrid } from '@mantine/core'
import { Page } from '../../components/page.tsx'
import { homeCardsFor, homeLinksFor, useWebModules } from '../../web-module.ts'
import { useMe } from '../auth/auth.api.ts'
import { AnchorLink } from '../persons/anchor-link.tsx'

/** The quick links and the cards every module offers this role (their manifests' `home`). */
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
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {cards.map(({ key, component: Block }) => (
          <Block key={key} me={me} />
        ))}
      </SimpleGrid>
    </Page>
  )
}
