import { Alert, Button, Group, Loader, Stack, Table, TextInput, Title, VisuallyHidden } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { Envelope, Fund } from '../../../../shared/aids/funds.schema.ts'
import { isApiError } from '../../../api.ts'
import { AppModal } from '../../../components/app-modal.tsx'
import { FormActions } from '../../../components/form-actions.tsx'
import { FormError } from '../../../components/form-error.tsx'
import { formatEuros } from '../../../components/format.ts'
import { fundYearQuery, refreshAids } from '../aids.api.ts'
import { EnvelopeFigureCards } from '../officer/envelope-figures.tsx'
import { thisYear, YearSelect } from '../officer/year-select.tsx'
import { setupApi } from '../setup.api.ts'
import { type EnvelopeValues, envelopeBody, eurosForInput, serverErrors } from './setup.bodies.ts'

/**
 * A fund's envelopes of a year, one per funder: allocated, and the year's committed, paid and remaining; who sets the
 * funds up adds and changes them (never under what the year has committed: the server says so).
 */
export function FundEnvelopes({ fund, editable }: { fund: Fund; editable: boolean }) {
  const [year, setYear] = useState(thisYear)
  const figures = useQuery(fundYearQuery(fund.id, year))
  const [editing, setEditing] = useState<{ envelope?: Envelope } | null>(null)
  const titleId = `enveloppes-${fund.id}`
  return (
    <section aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h3" id={titleId}>
            Enveloppes du {fund.code}
          </Title>
          <Group align="flex-end">
            <YearSelect year={year} onChange={setYear} />
            {editable && <Button onClick={() => setEditing({})}>Nouvelle enveloppe</Button>}
          </Group>
        </Group>
        <FormError error={figures.error} title="Chargement impossible" />
        {figures.isPending ? (
          <Loader aria-label="Chargement des enveloppes" />
        ) : figures.data ? (
          <>
            <EnvelopeFigureCards envelope={figures.data} />
            {figures.data.envelopes.length === 0 ? (
              <Alert color="gray">Aucune enveloppe pour {year}.</Alert>
            ) : (
              <Table striped>
                <Table.Caption>
                  Enveloppes {year} du {fund.code} par financeur
                </Table.Caption>
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
                  {figures.data.envelopes.map((e) => (
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
          </>
        ) : null}
      </Stack>
      <AppModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={
          editing?.envelope ? `Modifier l’enveloppe ${editing.envelope.funder} ${year}` : `Nouvelle enveloppe ${year}`
        }
      >
        {editing && (
          <EnvelopeForm fund={fund} year={year} envelope={editing.envelope} onDone={() => setEditing(null)} />
        )}
      </AppModal>
    </section>
  )
}

function EnvelopeForm({
  fund,
  year,
  envelope,
  onDone,
}: {
  fund: Fund
  year: number
  envelope?: Envelope
  onDone: () => void
}) {
  const client = useQueryClient()
  const form = useForm<EnvelopeValues>({
    initialValues: {
      year: envelope?.year ?? year,
      funder: envelope?.funder ?? fund.funder,
      allocated: eurosForInput(envelope?.allocatedCents),
    },
    validate: (v) => envelopeBody(v).errors,
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
    mutationFn: (v: EnvelopeValues) => {
      const { body } = envelopeBody(v)
      return envelope
        ? setupApi.updateEnvelope(envelope.id, { ...body, version: envelope.version })
        : setupApi.createEnvelope(fund.id, body)
    },
    onSuccess: done,
    onError,
  })
  const remove = useMutation({
    mutationFn: () => setupApi.removeEnvelope(envelope as Envelope),
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
