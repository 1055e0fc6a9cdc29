import { Badge, Group, Loader, Select, Table, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useSearch } from '@tanstack/react-router'
import { useState } from 'react'
import { FormError } from '../../../components/form-error.tsx'
import { formatDate } from '../../../components/format.ts'
import { Page } from '../../../components/page.tsx'
import { AnchorLink } from '../../persons/anchor-link.tsx'
import { personName } from '../employment.labels.ts'
import { immersionsQuery, programmesQuery } from './immersions.api.ts'
import { objectiveLabel, statusColor, statusLabel, statusOptions, validatedText } from './immersions.labels.ts'

// « Immersions » (docs/employment/immersions.md « Screens »): the work immersions the reader sees (the employment
// officer: the structure's; a counsellor: their people's), filtered by status, programme and module; the programmes
// with a link to their figures. A new immersion is prepared from the person file.

export function ImmersionsPage() {
  const search = useSearch({ strict: false }) as { status?: string; programmeId?: string; moduleNumber?: number }
  const [status, setStatus] = useState<string | null>(search.status ?? null)
  const [programmeId, setProgrammeId] = useState<string | null>(search.programmeId ?? null)
  const [moduleNumber, setModuleNumber] = useState<string | null>(
    search.moduleNumber ? String(search.moduleNumber) : null,
  )
  const programmes = useQuery(programmesQuery)
  const list = useQuery(
    immersionsQuery({
      status: status ?? undefined,
      programmeId: programmeId ?? undefined,
      moduleNumber: moduleNumber ? Number(moduleNumber) : undefined,
    }),
  )
  const programme = programmes.data?.find((p) => p.id === programmeId)
  const items = list.data ?? []
  return (
    <Page title="Immersions en entreprise">
      {(programmes.data ?? []).length > 0 && (
        <Group gap="md" mb="sm">
          <Text fw={500}>Programmes :</Text>
          {programmes.data!.map((p) => (
            <AnchorLink key={p.id} to="/emploi/immersions/programmes/$id" params={{ id: p.id }}>
              {p.name}
            </AnchorLink>
          ))}
        </Group>
      )}
      <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label="Filtrer les immersions">
        <Select
          label="Statut"
          data={statusOptions}
          value={status}
          onChange={setStatus}
          clearable
          clearButtonProps={{ 'aria-label': 'Tous les statuts' }}
          w={200}
        />
        <Select
          label="Programme"
          data={(programmes.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={programmeId}
          onChange={(v) => {
            setProgrammeId(v)
            setModuleNumber(null)
          }}
          clearable
          clearButtonProps={{ 'aria-label': 'Tous les programmes' }}
          w={240}
        />
        <Select
          label="Module"
          data={(programme?.modules ?? []).map((m) => ({ value: String(m.number), label: `Module ${m.number}` }))}
          value={moduleNumber}
          onChange={setModuleNumber}
          disabled={!programme}
          clearable
          clearButtonProps={{ 'aria-label': 'Tous les modules' }}
          w={150}
        />
      </Group>
      <FormError error={list.error ?? programmes.error} title="Chargement impossible" />
      {list.isPending ? (
        <Loader aria-label="Chargement des immersions" />
      ) : items.length === 0 ? (
        <Text mt="md">Aucune immersion ne répond à ces critères.</Text>
      ) : (
        <Table.ScrollContainer minWidth={900} mt="md">
          <Table striped highlightOnHover aria-label="Immersions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Personne</Table.Th>
                <Table.Th>Entreprise d’accueil</Table.Th>
                <Table.Th>Poste</Table.Th>
                <Table.Th>Dates</Table.Th>
                <Table.Th>Objet, module</Table.Th>
                <Table.Th>Évaluation</Table.Th>
                <Table.Th>Statut</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Th scope="row" fw={500}>
                    <AnchorLink to="/emploi/immersions/$id" params={{ id: i.id }}>
                      {personName(i.person)}
                    </AnchorLink>
                  </Table.Th>
                  <Table.Td>{i.employer.name}</Table.Td>
                  <Table.Td>{i.jobTitle}</Table.Td>
                  <Table.Td>
                    du {formatDate(i.startsOn)} au {formatDate(i.endsOn)}
                  </Table.Td>
                  <Table.Td>
                    {objectiveLabel(i.objective)}
                    {i.moduleNumber && (
                      <Text size="xs" c="dimmed">
                        {i.programme?.name}, module {i.moduleNumber}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{validatedText(i.validated)}</Table.Td>
                  <Table.Td>
                    <Badge color={statusColor(i.status)} variant="light">
                      {statusLabel(i.status)}
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
