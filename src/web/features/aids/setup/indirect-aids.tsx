import {
  Button,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { IndirectAid } from '../../../../shared/aids/indirect.schema.ts'
import { isApiError } from '../../../api.ts'
import { AppModal } from '../../../components/app-modal.tsx'
import { FormActions } from '../../../components/form-actions.tsx'
import { FormError } from '../../../components/form-error.tsx'
import { formatDate, formatEuros } from '../../../components/format.ts'
import { DateField } from '../../persons/date-field.tsx'
import { fundsQuery, refreshAids } from '../aids.api.ts'
import { indirectQuery, setupApi } from '../setup.api.ts'
import { eurosForInput, type IndirectValues, indirectBody, serverErrors } from './setup.bodies.ts'

/** The indirect aids of a year (an action a fund pays without a person's request), with their total; the aid officer records them. */
export function IndirectAids({ year, manager }: { year: number; manager: boolean }) {
  const [fundId, setFundId] = useState<string | null>(null)
  const funds = useQuery(fundsQuery())
  const list = useQuery(indirectQuery(year, fundId ?? undefined))
  const [editing, setEditing] = useState<{ aid?: IndirectAid } | null>(null)
  const fundOptions = (funds.data ?? []).map((f) => ({ value: f.id, label: `${f.code} — ${f.name}` }))
  return (
    <section aria-labelledby="aides-indirectes">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h3" id="aides-indirectes">
            Aides indirectes {year}
          </Title>
          {manager && <Button onClick={() => setEditing({})}>Nouvelle aide indirecte</Button>}
        </Group>
        <Select
          label="Fonds des aides indirectes"
          placeholder="Tous les fonds"
          clearable
          w={420}
          data={fundOptions}
          value={fundId}
          onChange={setFundId}
        />
        <FormError error={list.error} title="Chargement impossible" />
        {list.isPending ? (
          <Loader aria-label="Chargement des aides indirectes" />
        ) : list.data && list.data.items.length === 0 ? (
          <Text>Aucune aide indirecte en {year}.</Text>
        ) : list.data ? (
          <Table striped aria-label={`Aides indirectes ${year}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th>Action</Table.Th>
                <Table.Th>Fonds</Table.Th>
                <Table.Th ta="right">Participants</Table.Th>
                <Table.Th ta="right">Montant</Table.Th>
                {manager && (
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{formatDate(a.spentOn)}</Table.Td>
                  <Table.Th scope="row" fw={500}>
                    {a.label}
                  </Table.Th>
                  <Table.Td>{a.fundCode}</Table.Td>
                  <Table.Td ta="right">{a.participants ?? '—'}</Table.Td>
                  <Table.Td ta="right">{formatEuros(a.amountCents)}</Table.Td>
                  {manager && (
                    <Table.Td ta="right">
                      <Button size="xs" variant="light" onClick={() => setEditing({ aid: a })}>
                        Modifier<VisuallyHidden> {a.label}</VisuallyHidden>
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row" colSpan={4}>
                  Total {year}
                </Table.Th>
                <Table.Th ta="right">{formatEuros(list.data.totalCents)}</Table.Th>
                {manager && <Table.Td />}
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        ) : null}
      </Stack>
      <AppModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.aid ? `Modifier l’aide indirecte ${editing.aid.label}` : 'Nouvelle aide indirecte'}
      >
        {editing && (
          <IndirectForm fundOptions={fundOptions} aid={editing.aid} fundId={fundId} onDone={() => setEditing(null)} />
        )}
      </AppModal>
    </section>
  )
}

function IndirectForm({
  fundOptions,
  aid,
  fundId,
  onDone,
}: {
  fundOptions: { value: string; label: string }[]
  aid?: IndirectAid
  fundId: string | null
  onDone: () => void
}) {
  const client = useQueryClient()
  const form = useForm<IndirectValues>({
    initialValues: {
      fundId: aid?.fundId ?? fundId,
      spentOn: aid?.spentOn ?? null,
      label: aid?.label ?? '',
      amount: eurosForInput(aid?.amountCents),
      participants: aid?.participants?.toString() ?? '',
    },
    validate: (v) => indirectBody(v).errors,
  })
  const onError = async (error: unknown) => {
    form.setErrors(serverErrors(error))
    if (isApiError(error) && error.status === 409) await refreshAids(client)
  }
  const done = async () => {
    await refreshAids(client)
    onDone()
  }
  const save = useMutation({
    mutationFn: (v: IndirectValues) => {
      const { body } = indirectBody(v)
      return aid ? setupApi.updateIndirect(aid.id, { ...body, version: aid.version }) : setupApi.createIndirect(body)
    },
    onSuccess: done,
    onError,
  })
  const remove = useMutation({
    mutationFn: () => setupApi.removeIndirect(aid as IndirectAid),
    onSuccess: done,
    onError,
  })
  return (
    <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack gap="sm">
        <FormError error={save.error ?? remove.error} title="Enregistrement impossible" />
        <Select label="Fonds" required data={fundOptions} data-autofocus {...form.getInputProps('fundId')} />
        <TextInput label="Intitulé de l’action" required maxLength={200} {...form.getInputProps('label')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DateField label="Date" required {...form.getInputProps('spentOn')} />
          <TextInput label="Montant (€)" required inputMode="decimal" {...form.getInputProps('amount')} />
          <TextInput label="Participants" inputMode="numeric" {...form.getInputProps('participants')} />
        </SimpleGrid>
        <FormActions
          saving={save.isPending}
          onCancel={onDone}
          before={
            aid && (
              <Button
                color="red"
                variant="subtle"
                mr="auto"
                loading={remove.isPending}
                onClick={() => {
                  if (window.confirm(`Supprimer l’aide indirecte ${aid.label} ?`)) remove.mutate()
                }}
              >
                Supprimer
              </Button>
            )
          }
        />
      </Stack>
    </form>
  )
}
