import { Card, List, Stack, Text, Title } from '@mantine/core'
import type { Me } from '../../../shared/auth/auth.schema.ts'
import { roleLabels } from '../../../shared/auth/roles.ts'

// The home page's cards about the signed-in user, for every role (home.web.ts).

export function RoleCard({ me }: { me: Me }) {
  return (
    <Card withBorder component="section" aria-labelledby="home-role">
      <Stack gap={4}>
        <Title order={2} size="h4" id="home-role">
          Votre rôle
        </Title>
        <Text data-testid="role">{roleLabels[me.role]}</Text>
      </Stack>
    </Card>
  )
}

export function SitesCard({ me }: { me: Me }) {
  return (
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
  )
}

export function ProgrammesCard({ me }: { me: Me }) {
  return (
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
  )
}
