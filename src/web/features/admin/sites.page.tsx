import { Alert, Button, Loader, Table, Text, VisuallyHidden } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { Site } from '../../../shared/admin/admin.schema.ts'
import { FormError } from '../../components/form-error.tsx'
import { Page } from '../../components/page.tsx'
import { StatusBadge } from '../../components/status-badge.tsx'
import { siteKindLabels, sitesQuery } from './admin.api.ts'
import { SiteFormModal } from './site-form.tsx'

const MAX_COMMUNES_SHOWN = 4

function communesSummary(site: Site): string {
  if (site.communes.length === 0) return '—'
  const names = site.communes.slice(0, MAX_COMMUNES_SHOWN).map((c) => c.name)
  const rest = site.communes.length - names.length
  return rest > 0 ? `${names.join(', ')} et ${rest} autre${rest > 1 ? 's' : ''}` : names.join(', ')
}

export function SitesPage() {
  const sites = useQuery(sitesQuery)
  const [editing, setEditing] = useState<{ site?: Site } | null>(null)

  return (
    <Page title="Sites" actions={<Button onClick={() => setEditing({})}>Nouveau site</Button>}>
      <Text>Les antennes et permanences de la structure, et les communes que chacune dessert.</Text>
      <FormError error={sites.error} title="Chargement impossible" />
      {sites.isPending ? (
        <Loader aria-label="Chargement des sites" />
      ) : sites.data?.length === 0 ? (
        <Alert color="gray">Aucun site pour l'instant.</Alert>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table striped highlightOnHover>
            <Table.Caption>Sites de la structure</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Code</Table.Th>
                <Table.Th>Nom</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Communes desservies</Table.Th>
                <Table.Th>Statut</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sites.data?.map((site) => (
                <Table.Tr key={site.id}>
                  <Table.Td>{site.code}</Table.Td>
                  <Table.Td>
                    <Text fw={600} size="sm">
                      {site.name}
                    </Text>
                    {site.address && (
                      <Text size="xs" c="dimmed">
                        {site.address}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{siteKindLabels[site.kind]}</Table.Td>
                  <Table.Td>{communesSummary(site)}</Table.Td>
                  <Table.Td>
                    <StatusBadge active={site.active} />
                  </Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="light" onClick={() => setEditing({ site })}>
                      Modifier<VisuallyHidden> le site {site.name}</VisuallyHidden>
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <SiteFormModal site={editing?.site} opened={editing !== null} onClose={() => setEditing(null)} />
    </Page>
  )
}
