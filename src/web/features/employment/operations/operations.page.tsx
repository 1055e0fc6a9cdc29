import { Badge, Loader, Select, Table, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { can } from '../../../../shared/auth/roles.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatDate, formatNumber } from '../../../components/format.ts'
import { Page } from '../../../components/page.tsx'
import { useMe } from '../../auth/auth.api.ts'
import { AnchorLink, ButtonLink } from '../../persons/anchor-link.tsx'
import { operationsQuery } from './operations.api.ts'
import { operationStatusColor, operationStatusLabel, operationStatusOptions, percentText } from './operations.labels.ts'

// « Opérations de recrutement » (docs/employment/operations.md): every operation with its funnel's figures, live.

export function OperationsPage() {
  const me = useMe()
  const [status, setStatus] = useState<string | null>('running')
  const list = useQuery(operationsQuery(status ?? undefined))
  const items = list.data ?? []
  return (
    <Page
      title="Opérations de recrutement"
      actions={
        can(me.role, 'employmentManage') && <ButtonLink to="/emploi/operations/nouvelle">Nouvelle opération</ButtonLink>
      }
    >
      <Select
        label="Statut"
        data={operationStatusOptions}
        value={status}
        onChange={setStatus}
        clearable
        clearButtonProps={{ 'aria-label': 'Tous les statuts' }}
        w={200}
      />
      <FormError error={list.error} title="Chargement impossible" />
      {list.isPending ? (
        <Loader aria-label="Chargement des opérations" />
      ) : items.length === 0 ? (
        <Text>Aucune opération.</Text>
      ) : (
        <Table.ScrollContainer minWidth={960}>
          <Table striped highlightOnHover aria-label="Opérations de recrutement">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Opération</Table.Th>
                <Table.Th>Entreprise</Table.Th>
                <Table.Th>Dates</Table.Th>
                <Table.Th ta="right">Postes</Table.Th>
                <Table.Th ta="right">Candidatures</Table.Th>
                <Table.Th ta="right">Présents</Table.Th>
                <Table.Th ta="right">Entretiens</Table.Th>
                <Table.Th ta="right">Recrutés</Table.Th>
                <Table.Th ta="right">Part locale</Table.Th>
                <Table.Th>Statut</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Th scope="row" fw={500}>
                    <AnchorLink to="/emploi/operations/$id" params={{ id: o.id }}>
                      {o.title}
                    </AnchorLink>
                  </Table.Th>
                  <Table.Td>{o.employer.name}</Table.Td>
                  <Table.Td>
                    {formatDate(o.startsOn)}
                    {o.endsOn ? ` – ${formatDate(o.endsOn)}` : ''}
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(o.positions)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(o.funnel.applications)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(o.funnel.attended)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(o.funnel.interviewed)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(o.funnel.hired)}</Table.Td>
                  <Table.Td ta="right">{percentText(o.funnel.localPercent)}</Table.Td>
                  <Table.Td>
                    <Badge color={operationStatusColor(o.status)} variant="light">
                      {operationStatusLabel(o.status)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Page>
  )
}
