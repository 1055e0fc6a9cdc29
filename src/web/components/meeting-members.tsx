import { Button, Checkbox, Group, Select, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { counsellorsQuery } from '../features/persons/persons.api.ts'
import { FormError } from './form-error.tsx'

/** A member as the meeting's API gives it back: a user of the structure (named from the account) or someone from outside. */
export interface MeetingMember {
  userId: string | null
  name: string
  organisation: string | null
  present: boolean
}

/**
 * The members of a meeting that decides on persons (the PLIE's committee, an aid commission): users of the structure
 * or people from outside, and who was present; saved all at once by `save` (the list again, with the version read).
 */
export function MeetingMembers({
  members,
  editable,
  save: send,
  refresh,
  id,
  tableLabel,
}: {
  members: readonly MeetingMember[]
  editable: boolean
  save: (members: MeetingMember[]) => Promise<unknown>
  /** reloads what the save changed */
  refresh: () => Promise<unknown> | undefined
  /** the section's heading id, unique on the page */
  id: string
  /** the table's accessible name: « Membres du comité » */
  tableLabel: string
}) {
  const users = useQuery({ ...counsellorsQuery, enabled: editable })
  const [userId, setUserId] = useState<string | null>(null)
  const [name, setName] = useState('')
  const [organisation, setOrganisation] = useState('')
  const save = useMutation({
    mutationFn: (list: MeetingMember[]) => send(list),
    onSuccess: () => {
      setUserId(null)
      setName('')
      setOrganisation('')
    },
    onSettled: () => refresh(),
  })
  const taken = new Set(members.map((m) => m.userId))
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="xs">
        Membres
      </Title>
      <FormError error={save.error} title="Membres non enregistrés" />
      {members.length === 0 ? (
        <Text>Aucun membre enregistré.</Text>
      ) : (
        <Table aria-label={tableLabel}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Nom</Table.Th>
              <Table.Th>Structure</Table.Th>
              <Table.Th>Présent</Table.Th>
              {editable && (
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((m, i) => (
              <Table.Tr key={m.userId ?? `ext-${m.name}-${m.organisation ?? ''}`}>
                <Table.Td>{m.name}</Table.Td>
                <Table.Td>{m.organisation ?? (m.userId ? 'Jalon' : '—')}</Table.Td>
                <Table.Td>
                  <Checkbox
                    aria-label={`${m.name} présent`}
                    checked={m.present}
                    disabled={!editable || save.isPending}
                    onChange={(e) =>
                      save.mutate(members.map((x, j) => (j === i ? { ...x, present: e.currentTarget.checked } : x)))
                    }
                  />
                </Table.Td>
                {editable && (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      disabled={save.isPending}
                      onClick={() => save.mutate(members.filter((_, j) => j !== i))}
                    >
                      Retirer<VisuallyHidden> {m.name}</VisuallyHidden>
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editable && (
        <Stack gap="xs" mt="sm">
          <Group align="flex-end">
            <Select
              label="Ajouter un utilisateur"
              searchable
              w={320}
              nothingFoundMessage="Aucun utilisateur de ce nom"
              data={(users.data ?? [])
                .filter((c) => !taken.has(c.id))
                .map((c) => ({ value: c.id, label: c.displayName }))}
              value={userId}
              onChange={setUserId}
            />
            <Button
              variant="default"
              disabled={!userId}
              loading={save.isPending}
              onClick={() => {
                const c = users.data?.find((x) => x.id === userId)
                if (c)
                  save.mutate([...members, { userId: c.id, name: c.displayName, organisation: null, present: true }])
              }}
            >
              Ajouter le membre
            </Button>
          </Group>
          <Group align="flex-end">
            <TextInput
              label="Ou une personne extérieure"
              maxLength={120}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
            />
            <TextInput
              label="Sa structure"
              maxLength={120}
              value={organisation}
              onChange={(e) => setOrganisation(e.currentTarget.value)}
            />
            <Button
              variant="default"
              disabled={name.trim() === ''}
              loading={save.isPending}
              onClick={() =>
                save.mutate([
                  ...members,
                  { userId: null, name: name.trim(), organisation: organisation.trim() || null, present: true },
                ])
              }
            >
              Ajouter la personne
            </Button>
          </Group>
        </Stack>
      )}
    </section>
  )
}
