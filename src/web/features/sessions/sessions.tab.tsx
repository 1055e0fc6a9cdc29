import { Button, Group, Loader, Select, Stack, Table, Text, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { FormError } from '../../components/form-error.tsx'
import { formatDate } from '../../components/format.ts'
import type { FileTabProps } from '../../web-module.ts'
import { attendanceLabel, kindLabel } from '../agenda/labels.ts'
import { AnchorLink } from '../persons/anchor-link.tsx'
import { refreshSessions, sessionsApi, sessionsQuery } from './sessions.api.ts'
import { timeText } from './sessions.labels.ts'

/**
 * The person file's « Séances » tab: « Inscrire à une séance » (the upcoming sessions with a place, that the reader may
 * fill), and the sessions the person is registered to, with their attendance.
 */
export function SessionsTab({ person }: FileTabProps) {
  const client = useQueryClient()
  const upcoming = useQuery(sessionsQuery('upcoming'))
  const past = useQuery(sessionsQuery('past'))
  const [choice, setChoice] = useState<string | null>(null)
  const register = useMutation({
    mutationFn: (id: string) => {
      const s = upcoming.data?.items.find((x) => x.id === id)
      return sessionsApi.register(id, person.id, s?.version ?? 0)
    },
    onSuccess: () => setChoice(null),
    onSettled: () => refreshSessions(client),
  })
  if (upcoming.isPending || past.isPending) return <Loader aria-label="Chargement des séances" />
  const all = [...(upcoming.data?.items ?? []), ...(past.data?.items ?? [])]
  const mine = all.filter((s) => s.persons.some((p) => p.personId === person.id))
  const open = (upcoming.data?.items ?? []).filter(
    (s) => s.canEdit && s.placesLeft > 0 && !s.persons.some((p) => p.personId === person.id),
  )
  return (
    <Stack gap="lg">
      <FormError error={upcoming.error ?? past.error} title="Chargement impossible" />
      {person.can.write && (
        <section aria-labelledby="seance-inscrire">
          <Title order={2} size="h4" id="seance-inscrire" mb="xs">
            Inscrire à une séance
          </Title>
          {open.length === 0 ? (
            <Text>Aucune séance à venir n’a de place.</Text>
          ) : (
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault()
                if (choice) register.mutate(choice)
              }}
            >
              <Group align="flex-end">
                <Select
                  label="Séance"
                  placeholder="Choisissez une séance"
                  w={420}
                  value={choice}
                  onChange={setChoice}
                  data={open.map((s) => ({
                    value: s.id,
                    label: `${formatDate(s.date)} ${timeText(s)} — ${s.title ?? kindLabel(s.kind)} (${s.placesLeft} place${s.placesLeft > 1 ? 's' : ''})`,
                  }))}
                />
                <Button type="submit" disabled={!choice} loading={register.isPending}>
                  Inscrire à une séance
                </Button>
              </Group>
              <FormError error={register.error} title="Inscription impossible" />
            </form>
          )}
        </section>
      )}
      <section aria-labelledby="seance-liste">
        <Title order={2} size="h4" id="seance-liste" mb="xs">
          Séances de la personne
        </Title>
        {mine.length === 0 ? (
          <Text>Aucune séance.</Text>
        ) : (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th>Séance</Table.Th>
                <Table.Th>Présence</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {mine.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    {formatDate(s.date)} {timeText(s)}
                  </Table.Td>
                  <Table.Td>
                    <AnchorLink to="/seances/$id" params={{ id: s.id }}>
                      {s.title ?? kindLabel(s.kind)}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>
                    {attendanceLabel(s.persons.find((p) => p.personId === person.id)?.attendance ?? null)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>
    </Stack>
  )
}
