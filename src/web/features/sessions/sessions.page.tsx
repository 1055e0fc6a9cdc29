import { Button, Group, Loader, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useNavigate, useSearch } from '@tanstack/react-router'
import { useState } from 'react'
import { FormError } from '../../components/form-error.tsx'
import { formatDate } from '../../components/format.ts'
import { kindLabel } from '../agenda/labels.ts'
import { AnchorLink } from '../persons/anchor-link.tsx'
import { NewSessionModal } from './new-session.tsx'
import { sessionsQuery } from './sessions.api.ts'
import { leadersText, placeText, timeText } from './sessions.labels.ts'

/** « Séances collectives »: the workshops and information sessions to come (or past), with their places. */
export function SessionsPage() {
  const search = useSearch({ strict: false }) as { periode?: string }
  const navigate = useNavigate()
  const period = search.periode === 'passees' ? 'past' : 'upcoming'
  const list = useQuery(sessionsQuery(period))
  const [creating, setCreating] = useState(false)
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Séances collectives</Title>
        <Button onClick={() => setCreating(true)}>Nouvelle séance</Button>
      </Group>
      <SegmentedControl
        w="fit-content"
        aria-label="Période"
        value={period}
        onChange={(v) => navigate({ to: '/seances', search: v === 'past' ? { periode: 'passees' } : {} })}
        data={[
          { value: 'upcoming', label: 'À venir' },
          { value: 'past', label: 'Passées' },
        ]}
      />
      {list.isPending ? (
        <Loader aria-label="Chargement des séances" />
      ) : !list.data ? (
        <FormError error={list.error} title="Chargement impossible" />
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table striped>
            <Table.Caption>
              {period === 'upcoming'
                ? 'Séances à venir, la plus proche d’abord'
                : 'Séances passées, la plus récente d’abord'}
              {list.data.truncated && ' (les 200 premières)'}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th>Horaire</Table.Th>
                <Table.Th>Séance</Table.Th>
                <Table.Th>Lieu</Table.Th>
                <Table.Th>Animation</Table.Th>
                <Table.Th>Inscrits</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text ta="center" py="md">
                      Aucune séance.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {list.data.items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{formatDate(s.date)}</Table.Td>
                  <Table.Td>{timeText(s)}</Table.Td>
                  <Table.Td>
                    <AnchorLink to="/seances/$id" params={{ id: s.id }}>
                      {s.title ?? kindLabel(s.kind)}
                    </AnchorLink>
                    {s.title && (
                      <Text size="sm" c="dimmed">
                        {kindLabel(s.kind)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{placeText(s)}</Table.Td>
                  <Table.Td>{leadersText(s)}</Table.Td>
                  <Table.Td>
                    {s.registered} / {s.capacity}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {creating && <NewSessionModal onClose={() => setCreating(false)} />}
    </Stack>
  )
}
