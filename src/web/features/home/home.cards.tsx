import { Card, List, Stack, Text, Title } from '@mantine/core'
import type { Me } from '../../../shared/auth/auth.schema.ts'
import { type Role, roleLabels } from '../../../shared/auth/roles.ts'

// The home page's card about the signed-in user, for every role (home.web.ts): who they are, where, on which
// programmes; and, for a role whose department has no module yet (the partner's exchanges), what to do meanwhile.

/** Roles whose department's screens are still to come (docs/home.md): what they can do meanwhile. */
const awaiting: Partial<Record<Role, string>> = {
  partner:
    'Les échanges avec les partenaires (orientations, fiches de liaison) arriveront avec leur module. Pour toute demande, contactez la structure.',
}

export function ProfileCard({ me }: { me: Me }) {
  const pending = awaiting[me.role]
  return (
    <Card withBorder component="section" aria-labelledby="home-profile" h="100%">
      <Stack gap="xs">
        <Title order={2} size="h4" id="home-profile">
          Votre profil
        </Title>
        <Text data-testid="role">{roleLabels[me.role]}</Text>
        <Text size="sm" fw={600}>
          {me.sites.length > 1 ? 'Vos sites' : 'Votre site'}
        </Text>
        {me.sites.length === 0 ? (
          <Text size="sm" c="dimmed">
            Aucun site
          </Text>
        ) : (
          <List size="sm">
            {me.sites.slice(0, 6).map((site) => (
              <List.Item key={site.id}>{site.name}</List.Item>
            ))}
            {me.sites.length > 6 && <List.Item>et {me.sites.length - 6} autres sites</List.Item>}
          </List>
        )}
        <Text size="sm" fw={600}>
          Vos programmes
        </Text>
        <Text size="sm" c={me.programmes.length ? undefined : 'dimmed'}>
          {me.programmes.length ? me.programmes.map((p) => `${p.name} (${p.code})`).join(', ') : 'Aucun programme'}
        </Text>
        {pending && (
          <Text size="sm" mt="xs">
            {pending}
          </Text>
        )}
      </Stack>
    </Card>
  )
}
