import { Badge, Button, Group, Loader, Table, Text, VisuallyHidden } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import {
  type Enrolment,
  enrolmentExitReasons,
  positiveExitReasons,
} from '../../../../shared/accompaniment/situations.schema.ts'
import { cejPlannedEnd } from '../../../../shared/lists/list.schema.ts'
import type { PersonDetail } from '../../../../shared/persons/person.schema.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatDate } from '../../../components/format.ts'
import { labelOf } from '../labels.ts'
import { enrolmentsQuery } from '../record.api.ts'
import { EnrolmentFormModal } from './enrolment-form.tsx'

/** Programme enrolments (CIVIS/CEJ, PLIE, mentoring…): entry, exit and its reason, reinforced follow-up. */
export function EnrolmentsTab({ person }: { person: PersonDetail }) {
  const enrolments = useQuery(enrolmentsQuery(person.id))
  const [editing, setEditing] = useState<{ enrolment?: Enrolment } | null>(null)

  return (
    <>
      <Group justify="flex-end" mb="md">
        {person.can.write && <Button onClick={() => setEditing({})}>Nouvelle inscription</Button>}
      </Group>
      <FormError error={enrolments.error} title="Chargement impossible" />
      {enrolments.isPending ? (
        <Loader aria-label="Chargement des programmes" />
      ) : (
        <Table.ScrollContainer minWidth={850}>
          <Table>
            <Table.Caption>Inscriptions dans les programmes, les plus récentes d’abord</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Programme</Table.Th>
                <Table.Th>Entrée</Table.Th>
                <Table.Th>Sortie</Table.Th>
                <Table.Th>Fin prévue</Table.Th>
                <Table.Th>Motif de sortie</Table.Th>
                <Table.Th>Renforcé</Table.Th>
                <Table.Th>Référent</Table.Th>
                {person.can.write && (
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {enrolments.data?.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={8}>
                    <Text ta="center" py="md">
                      Aucune inscription.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {enrolments.data?.map((e) => (
                <Table.Tr key={e.id} bg={e.open ? 'green.0' : undefined}>
                  <Table.Td>
                    <Text fw={700} size="sm" span>
                      {e.programmeCode}
                    </Text>{' '}
                    <Text size="sm" span>
                      {e.programmeName}
                    </Text>
                    {e.open && (
                      <Badge ml="xs" size="sm" color="green" variant="light">
                        En cours
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{formatDate(e.entryDate)}</Table.Td>
                  <Table.Td>{formatDate(e.exitDate) || '—'}</Table.Td>
                  <Table.Td>
                    {e.plannedEndDate
                      ? formatDate(e.plannedEndDate)
                      : e.programmeType === 'cej'
                        ? `${formatDate(cejPlannedEnd(e.entryDate))} (12 mois)`
                        : '—'}
                  </Table.Td>
                  <Table.Td>
                    {labelOf(enrolmentExitReasons.labels, e.exitReason)}
                    {e.exitReason && positiveExitReasons.includes(e.exitReason) && (
                      <Badge ml="xs" size="sm" color="teal" variant="light">
                        sortie positive
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{e.reinforced ? 'Oui' : 'Non'}</Table.Td>
                  <Table.Td>{e.referentName}</Table.Td>
                  {person.can.write && (
                    <Table.Td>
                      <Button size="xs" variant="light" onClick={() => setEditing({ enrolment: e })}>
                        {e.open ? 'Sortie ou modification' : 'Modifier'}
                        <VisuallyHidden>{` : ${e.programmeCode} du ${formatDate(e.entryDate)}`}</VisuallyHidden>
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <EnrolmentFormModal
        person={person}
        enrolment={editing?.enrolment}
        opened={editing !== null}
        onClose={() => setEditing(null)}
      />
    </>
  )
}
