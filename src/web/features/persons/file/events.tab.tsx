import { Badge, Button, Group, Loader, Select, Table, Text, VisuallyHidden } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { Event } from '../../../../shared/accompaniment/accompaniment.schema.ts'
import { attendances, eventKinds } from '../../../../shared/nomenclatures/accompaniment.ts'
import type { PersonDetail } from '../../../../shared/persons/person.schema.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatDate, formatNumber } from '../../../components/format.ts'
import { TablePagination } from '../../../components/table.tsx'
import { eventKindOptions, labelOf } from '../labels.ts'
import { eventsQuery } from '../record.api.ts'
import { EventFormModal } from './event-form.tsx'
import type { FileSearch } from './file-search.ts'

const kinds = new Set<string>(eventKinds.codes)

/** Events, latest first, filterable by type; planned appointments marked. */
export function EventsTab({
  person,
  search,
  setSearch,
}: {
  person: PersonDetail
  search: FileSearch
  setSearch: (patch: Partial<FileSearch>) => void
}) {
  const kind = search.kind && kinds.has(search.kind) ? (search.kind as Event['kind']) : undefined
  const params = { page: search.page ?? 1, pageSize: search.pageSize ?? 25, kind }
  const events = useQuery(eventsQuery(person.id, params))
  const [editing, setEditing] = useState<{ event?: Event } | null>(null)

  return (
    <>
      <Group justify="space-between" align="flex-end" mb="md">
        <Select
          label="Type d’événement"
          data={eventKindOptions}
          value={kind ?? null}
          onChange={(v) => setSearch({ kind: v ?? undefined, page: undefined })}
          clearable
          clearButtonProps={{ 'aria-label': 'Tous les types' }}
          placeholder="Tous les types"
          w={280}
        />
        {person.can.write && <Button onClick={() => setEditing({})}>Nouvel événement</Button>}
      </Group>
      <FormError error={events.error} title="Chargement impossible" />
      {events.isPending ? (
        <Loader aria-label="Chargement des événements" />
      ) : (
        <Table.ScrollContainer minWidth={850}>
          <Table striped aria-busy={events.isFetching}>
            <Table.Caption>Événements, du plus récent au plus ancien</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Lieu</Table.Th>
                <Table.Th>Conseiller</Table.Th>
                <Table.Th>Durée</Table.Th>
                <Table.Th>Présence</Table.Th>
                <Table.Th>Note</Table.Th>
                {person.can.write && (
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {events.data?.items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={8}>
                    <Text ta="center" py="md">
                      Aucun événement{kind ? ' de ce type' : ''}.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {events.data?.items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(e.date)}</Table.Td>
                  <Table.Td>
                    {labelOf(eventKinds.labels, e.kind)}
                    {e.planned && (
                      <Badge ml="xs" size="sm" variant="light">
                        à venir
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{e.siteName}</Table.Td>
                  <Table.Td>{e.counsellorName}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {e.durationMinutes != null ? `${formatNumber(e.durationMinutes)} min` : ''}
                  </Table.Td>
                  <Table.Td>{labelOf(attendances.labels, e.attendance)}</Table.Td>
                  <Table.Td maw={320}>
                    <Text size="sm" lineClamp={3}>
                      {e.note}
                    </Text>
                  </Table.Td>
                  {person.can.write && (
                    <Table.Td>
                      <Button size="xs" variant="light" onClick={() => setEditing({ event: e })}>
                        Modifier
                        <VisuallyHidden>
                          {` : ${labelOf(eventKinds.labels, e.kind)} du ${formatDate(e.date)}`}
                        </VisuallyHidden>
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {events.data && events.data.total > 0 && (
        <TablePagination
          total={events.data.total}
          page={params.page}
          pageSize={params.pageSize}
          onChange={(next) => setSearch(next)}
        />
      )}
      <EventFormModal
        person={person}
        event={editing?.event}
        opened={editing !== null}
        onClose={() => setEditing(null)}
      />
    </>
  )
}
