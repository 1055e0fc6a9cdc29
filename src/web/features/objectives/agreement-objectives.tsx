import { Alert, Button, Group, Loader, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { Agreement, Objective } from '../../../shared/reporting/reporting.schema.ts'
import { FormError } from '../../components/form-error.tsx'
import { formatNumber } from '../../components/format.ts'
import { ObjectiveFormModal } from './objective-form.tsx'
import { catalogueQuery, objectivesQuery } from './objectives.api.ts'
import { figureLabel, periodLabel } from './objectives.bodies.ts'

/** One agreement's yearly objectives: the indicator (title and id), the figure, the year and the target. */
export function AgreementObjectives({ agreement, manage }: { agreement: Agreement; manage: boolean }) {
  const objectives = useQuery(objectivesQuery(agreement.id))
  const catalogue = useQuery(catalogueQuery)
  const [editing, setEditing] = useState<{ objective?: Objective } | null>(null)
  const entryOf = (id: string) => catalogue.data?.find((e) => e.id === id)

  return (
    <Stack gap="sm" component="section" aria-labelledby="objectives-title">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} id="objectives-title">
            Objectifs — {agreement.name}
          </Title>
          <Text size="sm" c="dimmed">
            {agreement.funder}, {periodLabel(agreement)}
          </Text>
        </div>
        {manage && (
          <Button onClick={() => setEditing({})} disabled={!catalogue.data}>
            Nouvel objectif
          </Button>
        )}
      </Group>
      <FormError error={objectives.error ?? catalogue.error} title="Chargement impossible" />
      {objectives.isPending ? (
        <Loader aria-label="Chargement des objectifs" />
      ) : objectives.data?.length === 0 ? (
        <Alert color="gray">Aucun objectif fixé pour cette convention.</Alert>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover>
            <Table.Caption>Objectifs annuels de la convention {agreement.name}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Année</Table.Th>
                <Table.Th>Indicateur</Table.Th>
                <Table.Th>Chiffre</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>Objectif</Table.Th>
                {manage && (
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {objectives.data?.map((objective) => {
                const entry = entryOf(objective.indicatorId)
                const figure = figureLabel(entry, objective.subKey)
                return (
                  <Table.Tr key={objective.id}>
                    <Table.Td>{objective.year}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{entry?.label ?? objective.indicatorId}</Text>
                      <Text size="xs" c="dimmed">
                        {objective.indicatorId}
                      </Text>
                    </Table.Td>
                    <Table.Td>{figure}</Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>{formatNumber(objective.target)}</Table.Td>
                    {manage && (
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="light"
                          disabled={!catalogue.data}
                          onClick={() => setEditing({ objective })}
                        >
                          Modifier
                          <VisuallyHidden>
                            {' '}
                            l’objectif {objective.year} {entry?.label ?? objective.indicatorId}, {figure}
                          </VisuallyHidden>
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {catalogue.data && (
        <ObjectiveFormModal
          agreement={agreement}
          objective={editing?.objective}
          catalogue={catalogue.data}
          opened={editing !== null}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  )
}
