import { Button, Checkbox, Group, Select, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { Commission } from '../../../../shared/aids/commissions.schema.ts'
import { FormError } from '../../../components/form-error.tsx'
import { counsellorsQuery } from '../../persons/persons.api.ts'
import { refreshAids } from '../aids.api.ts'
import { setupApi } from '../setup.api.ts'

type Member = Commission['members'][number]

/** The commission's members: users of the structure or people from outside, and who was present. Saved all at once. */
export function CommissionMembers({ commission, editable }: { commission: Commission; editable: boolean }) {
  const client = useQueryClient()
  const users = useQuery({ ...counsellorsQuery, enabled: editable })
  const [userId, setUserId] = useState<string | null>(null)
  const [name, setName] = useState('')
  const [organisation, setOrganisation] = useState('')
  const save = useMutation({
    mutationFn: (members: Member[]) => setupApi.setMembers(commission.id, { members, version: commission.version }),
    onSuccess: () => {
      setUserId(null)
      setName('')
      setOrganisation('')
    },
    onSettled: () => refreshAids(client),
  })
  const members = commission.members
  const taken = new Set(members.map((m) => m.userId))
  return (
    <section aria-labelledby="commission-membres">
      <Title order={2} size="h3" id="commission-membres" mb="xs">
        Membres
      </Title>
      <FormError error={save.error} title="Membres non enregistrés" />
      {members.length === 0 ? (
        <Text>Aucun membre enregistré.</Text>
      ) : (
        <Table aria-label="Membres de la commission">
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
