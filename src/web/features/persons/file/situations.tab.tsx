import { Badge, Button, Group, Loader, Table, Text, VisuallyHidden } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { Situation } from '../../../../shared/accompaniment/situations.schema.ts'
import { situationGroups } from '../../../../shared/nomenclatures/accompaniment.ts'
import type { PersonDetail } from '../../../../shared/persons/person.schema.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatDate, formatNumber } from '../../../components/format.ts'
import { labelOf } from '../labels.ts'
import { situationsQuery } from '../record.api.ts'
import { SituationFormModal } from './situation-form.tsx'

/** Jobs, work-study, training courses…: the open ones first and highlighted, then the past ones. */
export function SituationsTab({ person }: { person: PersonDetail }) {
  const situations = useQuery(situationsQuery(person.id))
  const [editing, setEditing] = useState<{ situation?: Situation } | null>(null)
  const rows = [...(situations.data ?? [])].sort((a, b) => Number(b.open) - Number(a.open))
  const open = rows.filter((s) => s.open).length

  return (
    <>
      <Group justify="space-between" align="center" mb="md">
        <Text>
          {rows.length > 0 &&
            (open === 0 ? 'Aucune situation en cours.' : `${open} situation${open > 1 ? 's' : ''} en cours.`)}
        </Text>
        {person.can.write && <Button onClick={() => setEditing({})}>Nouvelle situation</Button>}
      </Group>
      <FormError error={situations.error} title="Chargement impossible" />
      {situations.isPending ? (
        <Loader aria-label="Chargement des situations" />
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table>
            <Table.Caption>Situations : en cours d’abord, puis les plus récentes</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Situation</Table.Th>
                <Table.Th>Catégorie</Table.Th>
                <Table.Th>Début</Table.Th>
                <Table.Th>Fin prévue</Table.Th>
                <Table.Th>Fin réelle</Table.Th>
                <Table.Th>Employeur ou organisme</Table.Th>
                <Table.Th>Heures / semaine</Table.Th>
                {person.can.write && (
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={8}>
                    <Text ta="center" py="md">
                      Aucune situation enregistrée.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {rows.map((s) => (
                <Table.Tr key={s.id} bg={s.open ? 'green.0' : undefined}>
                  <Table.Td>
                    <Text fw={s.open ? 700 : 400} size="sm" span>
                      {s.kindLabel}
                    </Text>
                    {s.open && (
                      <Badge ml="xs" size="sm" color="green" variant="light">
                        En cours
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{labelOf(situationGroups.labels, s.group)}</Table.Td>
                  <Table.Td>{formatDate(s.startDate)}</Table.Td>
                  <Table.Td>{formatDate(s.plannedEndDate) || '—'}</Table.Td>
                  <Table.Td>{formatDate(s.endDate) || '—'}</Table.Td>
                  <Table.Td>{s.organisationName}</Table.Td>
                  <Table.Td>{s.hoursPerWeek != null ? formatNumber(s.hoursPerWeek) : ''}</Table.Td>
                  {person.can.write && (
                    <Table.Td>
                      <Button size="xs" variant="light" onClick={() => setEditing({ situation: s })}>
                        Modifier
                        <VisuallyHidden>{` : ${s.kindLabel} du ${formatDate(s.startDate)}`}</VisuallyHidden>
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <SituationFormModal
        person={person}
        situation={editing?.situation}
        opened={editing !== null}
        onClose={() => setEditing(null)}
      />
    </>
  )
}
