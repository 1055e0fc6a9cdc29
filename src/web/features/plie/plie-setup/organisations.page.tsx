import { Alert, Button, Group, Loader, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { can } from '../../../../shared/auth/roles.ts'
import type { Organisation } from '../../../../shared/plie/organisations.schema.ts'
import { organisationKinds } from '../../../../shared/plie/plie.nomenclature.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatNumber } from '../../../components/format.ts'
import { Page } from '../../../components/page.tsx'
import { StatusBadge } from '../../../components/status-badge.tsx'
import { useMe } from '../../auth/auth.api.ts'
import { OrganisationFormModal } from './organisation-form.tsx'
import { PartnerAccountsModal } from './partner-accounts.tsx'
import { organisationsQuery } from './setup.api.ts'

// « Structures et partenaires » (docs/plie.md « Setup and partners »): the PLIE's hosts and partners by kind, with
// their agreement and places, the steps they host and the exits credited to them, and the partner accounts linked to
// them. The admin and the director keep them; only the admin links accounts (the users' list is the admin's).

const accounts = (n: number) => (n === 0 ? 'aucun' : n === 1 ? '1 compte' : `${formatNumber(n)} comptes`)

function KindTable({
  kind,
  list,
  onEdit,
  onAccounts,
}: {
  kind: Organisation['kind']
  list: Organisation[]
  onEdit: (o: Organisation) => void
  onAccounts?: (o: Organisation) => void
}) {
  const id = `plie-kind-${kind}`
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="xs">
        {organisationKinds.labels[kind]} ({formatNumber(list.length)})
      </Title>
      <Table.ScrollContainer minWidth={760}>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Nom</Table.Th>
              <Table.Th>Conventionnement</Table.Th>
              <Table.Th>Places</Table.Th>
              <Table.Th>Étapes accueillies</Table.Th>
              <Table.Th>Sorties créditées</Table.Th>
              <Table.Th>Comptes partenaires</Table.Th>
              <Table.Th>Statut</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Th scope="row" fw={500}>
                  {o.name}
                </Table.Th>
                <Table.Td>{o.agreement ?? '—'}</Table.Td>
                <Table.Td>{o.places === null ? '—' : formatNumber(o.places)}</Table.Td>
                <Table.Td>{formatNumber(o.stepsHosted)}</Table.Td>
                <Table.Td>{formatNumber(o.exitsCredited)}</Table.Td>
                <Table.Td>{accounts(o.userIds.length)}</Table.Td>
                <Table.Td>
                  <StatusBadge active={o.active} on="Active" off="Inactive" />
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button size="xs" variant="light" onClick={() => onEdit(o)}>
                      Modifier<VisuallyHidden> {o.name}</VisuallyHidden>
                    </Button>
                    {onAccounts && (
                      <Button size="xs" variant="subtle" onClick={() => onAccounts(o)}>
                        Comptes<VisuallyHidden> partenaires de {o.name}</VisuallyHidden>
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  )
}

export function OrganisationsPage() {
  const me = useMe()
  const organisations = useQuery(organisationsQuery)
  const [editing, setEditing] = useState<{ organisation?: Organisation } | null>(null)
  const [linking, setLinking] = useState<Organisation>()
  const admin = can(me.role, 'administration')
  const list = organisations.data ?? []

  return (
    <Page
      title="Structures et partenaires"
      actions={<Button onClick={() => setEditing({})}>Nouvelle structure</Button>}
    >
      <Text>
        Les structures qui accueillent les étapes des parcours PLIE (insertion par l’activité économique, formation,
        emploi) et les partenaires des relations entreprises auxquels les sorties sont créditées.
      </Text>
      <FormError error={organisations.error} title="Chargement impossible" />
      {organisations.isPending ? (
        <Loader aria-label="Chargement des structures" />
      ) : list.length === 0 ? (
        <Alert color="gray">Aucune structure pour l’instant.</Alert>
      ) : (
        <Stack gap="xl">
          {organisationKinds.codes.map((kind) => {
            const ofKind = list.filter((o) => o.kind === kind)
            return ofKind.length === 0 ? null : (
              <KindTable
                key={kind}
                kind={kind}
                list={ofKind}
                onEdit={(organisation) => setEditing({ organisation })}
                onAccounts={admin ? setLinking : undefined}
              />
            )
          })}
        </Stack>
      )}
      <OrganisationFormModal
        organisation={editing?.organisation}
        opened={editing !== null}
        onClose={() => setEditing(null)}
      />
      <PartnerAccountsModal organisation={linking} onClose={() => setLinking(undefined)} />
    </Page>
  )
}
