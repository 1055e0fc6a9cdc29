import { Alert, Button, Group, Stack, Table, TextInput, Title, VisuallyHidden } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { FundYear } from '../../../../shared/training/fund.schema.ts'
import { isApiError } from '../../../api.ts'
import { AppModal } from '../../../components/app-modal.tsx'
import { FormActions } from '../../../components/form-actions.tsx'
import { FormError } from '../../../components/form-error.tsx'
import { formatEuros } from '../../../components/format.ts'
import { fundApi, refreshFund } from './fund.api.ts'
import { type EnvelopeValues, envelopeBody, eurosForInput, serverErrors } from './fund.bodies.ts'

type Envelope = FundYear['envelopes'][number]

/** The year's envelopes by funder; the training officer adds and changes them (never under what the year committed). */
export function FundEnvelopes({ year, editable }: { year: FundYear; editable: boolean }) {
  const [editing, setEditing] = useState<{ envelope?: Envelope } | null>(null)
  return (
    <section aria-labelledby="fonds-enveloppes">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h3" id="fonds-enveloppes">
            Enveloppes {year.year}
          </Title>
          {editable && <Button onClick={() => setEditing({})}>Nouvelle enveloppe</Button>}
        </Group>
        {year.envelopes.length === 0 ? (
          <Alert color="gray">Aucune enveloppe pour {year.year}.</Alert>
        ) : (
          <Table striped>
            <Table.Caption>Enveloppes {year.year} du fonds par financeur</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Financeur</Table.Th>
                <Table.Th ta="right">Alloué</Table.Th>
                {editable && (
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {year.envelopes.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Th scope="row" fw={500}>
                    {e.funder}
                  </Table.Th>
                  <Table.Td ta="right">{formatEuros(e.allocatedCents)}</Table.Td>
                  {editable && (
                    <Table.Td ta="right">
                      <Button size="xs" variant="light" onClick={() => setEditing({ envelope: e })}>
                        Modifier<VisuallyHidden> l’enveloppe {e.funder}</VisuallyHidden>
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <AppModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={
          editing?.envelope
            ? `Modifier l’enveloppe ${editing.envelope.funder} ${year.year}`
            : `Nouvelle enveloppe ${year.year}`
        }
      >
        {editing && <EnvelopeForm year={year.year} envelope={editing.envelope} onDone={() => setEditing(null)} />}
      </AppModal>
    </section>
  )
}

function EnvelopeForm({ year, envelope, onDone }: { year: number; envelope?: Envelope; onDone: () => void }) {
  const client = useQueryClient()
  const form = useForm<EnvelopeValues>({
    initialValues: {
      year: envelope?.year ?? year,
      funder: envelope?.funder ?? 'Communauté urbaine',
      allocated: eurosForInput(envelope?.allocatedCents),
    },
    validate: (v) => envelopeBody(v).errors,
  })
  const onError = async (error: unknown) => {
    form.setErrors(serverErrors(error))
    if (isApiError(error) && error.status === 409) await refreshFund(client)
  }
  const done = async () => {
    await refreshFund(client)
    onDone()
  }
  const save = useMutation({
    mutationFn: (v: EnvelopeValues) => {
      const { body } = envelopeBody(v)
      return envelope
        ? fundApi.updateEnvelope(envelope.id, { ...body, version: envelope.version })
        : fundApi.createEnvelope(body)
    },
    onSuccess: done,
    onError,
  })
  const remove = useMutation({
    mutationFn: () => fundApi.removeEnvelope(envelope as Envelope),
    onSuccess: done,
    onError,
  })
  return (
    <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack gap="sm">
        <FormError error={save.error ?? remove.error} title="Enregistrement impossible" />
        <TextInput label="Financeur" required maxLength={200} data-autofocus {...form.getInputProps('funder')} />
        <TextInput
          label="Montant alloué (€)"
          description="Par exemple 120 000,00"
          required
          inputMode="decimal"
          {...form.getInputProps('allocated')}
        />
        <FormActions
          saving={save.isPending}
          onCancel={onDone}
          before={
            envelope && (
              <Button
                color="red"
                variant="subtle"
                mr="auto"
                loading={remove.isPending}
                onClick={() => {
                  if (window.confirm(`Supprimer l’enveloppe ${envelope.funder} ${envelope.year} ?`)) remove.mutate()
                }}
              >
                Supprimer l’enveloppe
              </Button>
            )
          }
        />
      </Stack>
    </form>
  )
}
