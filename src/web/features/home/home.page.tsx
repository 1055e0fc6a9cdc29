import { Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { can, roleLabels } from '../../../shared/auth/roles.ts'
import { Page } from '../../components/page.tsx'
import { useMe } from '../auth/auth.api.ts'
import { AnchorLink } from '../persons/anchor-link.tsx'

export function HomePage() {
  const me = useMe()
  return (
    <Page title={`Bonjour ${me.displayName}`}>
      {can(me.role, 'persons') && (
        <Card withBorder component="nav" aria-label="Accès rapides">
          <List>
            {can(me.role, 'caseload') && (
              <List.Item>
                <AnchorLink to="/portefeuille">Mon portefeuille</AnchorLink> : les personnes que vous suivez et les
                alertes de contact
              </List.Item>
            )}
            <List.Item>
              <AnchorLink to="/personnes">Rechercher une personne</AnchorLink> par son nom, sa date de naissance ou son
              téléphone
            </List.Item>
            {can(me.role, 'personCreate') && (
              <List.Item>
                <AnchorLink to="/personnes/nouvelle">Créer un dossier</AnchorLink> au premier accueil
              </List.Item>
            )}
          </List>
        </Card>
      )}
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Card withBorder component="section" aria-labelledby="home-role">
          <Stack gap={4}>
            <Title order={2} size="h4" id="home-role">
              Votre rôle
            </Title>
            <Text data-testid="role">{roleLabels[me.role]}</Text>
          </Stack>
        </Card>
        <Card withBorder component="section" aria-labelledby="home-sites">
          <Stack gap={4}>
            <Title order={2} size="h4" id="home-sites">
              {me.sites.length > 1 ? 'Vos sites' : 'Votre site'}
            </Title>
            {me.sites.length === 0 ? (
              <Text c="dimmed">Aucun site</Text>
            ) : (
              <List>
                {me.sites.map((site) => (
                  <List.Item key={site.id}>{site.name}</List.Item>
                ))}
              </List>
            )}
          </Stack>
        </Card>
        <Card withBorder component="section" aria-labelledby="home-programmes">
          <Stack gap={4}>
            <Title order={2} size="h4" id="home-programmes">
              Vos programmes
            </Title>
            {me.programmes.length === 0 ? (
              <Text c="dimmed">Aucun programme</Text>
            ) : (
              <List>
                {me.programmes.map((programme) => (
                  <List.Item key={programme.id}>
                    {programme.name} ({programme.code})
                  </List.Item>
                ))}
              </List>
            )}
          </Stack>
        </Card>
      </SimpleGrid>
    </Page>
  )
}
