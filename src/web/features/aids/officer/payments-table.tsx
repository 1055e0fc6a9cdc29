import { Button, Group, Select, Stack, Table, Text, Textarea, Title, VisuallyHidden } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { paymentModes } from '../../../../shared/aids/aids.nomenclature.ts'
import type { Fund } from '../../../../shared/aids/funds.schema.ts'
import { type AidPayment, aidPaymentCancelInput } from '../../../../shared/aids/payments.schema.ts'
import { AppModal } from '../../../components/app-modal.tsx'
import { bodyErrors } from '../../../components/body-errors.ts'
import { FormActions } from '../../../components/form-actions.tsx'
import { applyFieldErrors, FormError } from '../../../components/form-error.tsx'
import { formatDate, formatEuros, today } from '../../../components/format.ts'
import { DateField } from '../../persons/date-field.tsx'
import { type AidRequestFull, aidsApi, refreshAids } from '../aids.api.ts'
import { modeLabel, optionsOf } from '../aids.labels.ts'

/**
 * The request's payments: never edited nor deleted; « Annuler » writes a counter-entry (negative, with its reason);
 * a scheduled instalment (a contract's) is paid once, « Payer ».
 */
export function PaymentsTable({ request, fund }: { request: AidRequestFull; fund: Fund | undefined }) {
  const [cancelling, setCancelling] = useState<AidPayment | null>(null)
  const [paying, setPaying] = useState<AidPayment | null>(null)
  return (
    <section aria-labelledby="aide-paiements">
      <Title order={2} size="h3" id="aide-paiements" mb="xs">
        Paiements
      </Title>
      {request.payments.length === 0 ? (
        <Text>Aucun paiement.</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th ta="right">Montant</Table.Th>
                <Table.Th>Mode</Table.Th>
                <Table.Th>Observation</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {request.payments.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{p.paidOn ? formatDate(p.paidOn) : `prévu le ${formatDate(p.dueOn)}`}</Table.Td>
                  <Table.Td ta="right">{formatEuros(p.amountCents)}</Table.Td>
                  <Table.Td>
                    {modeLabel(p.mode)}
                    {p.payee && ` — ${p.payee}`}
                  </Table.Td>
                  <Table.Td>
                    {p.cancelsId ? `Contre-passation : ${p.reason ?? ''}` : p.cancelledBy ? 'Annulé' : ''}
                  </Table.Td>
                  <Table.Td>
                    <Group justify="flex-end" gap="xs">
                      {!p.paidOn && (
                        <Button size="xs" onClick={() => setPaying(p)}>
                          Payer
                        </Button>
                      )}
                      {p.paidOn && !p.cancelsId && !p.cancelledBy && (
                        <Button size="xs" variant="default" onClick={() => setCancelling(p)}>
                          Annuler
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <AppModal opened={cancelling !== null} onClose={() => setCancelling(null)} title="Annuler le paiement">
        {cancelling && <CancelForm payment={cancelling} onDone={() => setCancelling(null)} />}
      </AppModal>
      <AppModal opened={paying !== null} onClose={() => setPaying(null)} title="Payer l’échéance">
        {paying && <InstalmentForm payment={paying} fund={fund} onDone={() => setPaying(null)} />}
      </AppModal>
    </section>
  )
}

function CancelForm({ payment, onDone }: { payment: AidPayment; onDone: () => void }) {
  const client = useQueryClient()
  const form = useForm({ initialValues: { reason: '' }, validate: (v) => bodyErrors(aidPaymentCancelInput, v) })
  const cancel = useMutation({
    mutationFn: (reason: string) => aidsApi.cancelPayment(payment.id, reason),
    onSuccess: onDone,
    onError: (error) => applyFieldErrors(form, error),
    onSettled: () => refreshAids(client),
  })
  return (
    <form noValidate onSubmit={form.onSubmit((v) => cancel.mutate(v.reason))}>
      <Stack gap="sm">
        <Text size="sm">
          Le paiement de {formatEuros(payment.amountCents)} du {formatDate(payment.paidOn)} reste inscrit ; une
          contre-passation de {formatEuros(-payment.amountCents)} l’annule.
        </Text>
        <FormError error={cancel.error} title="Annulation impossible" />
        <Textarea
          label="Motif de l’annulation"
          required
          data-autofocus
          maxLength={500}
          {...form.getInputProps('reason')}
        />
        <FormActions
          saving={cancel.isPending}
          submitLabel="Annuler le paiement"
          cancelLabel="Fermer"
          onCancel={onDone}
        />
      </Stack>
    </form>
  )
}

function InstalmentForm({
  payment,
  fund,
  onDone,
}: {
  payment: AidPayment
  fund: Fund | undefined
  onDone: () => void
}) {
  const client = useQueryClient()
  const [paidOn, setPaidOn] = useState<string | null>(today())
  const [mode, setMode] = useState<string | null>(payment.mode)
  const pay = useMutation({
    mutationFn: () => aidsApi.payInstalment(payment.id, paidOn ?? '', mode as AidPayment['mode']),
    onSuccess: onDone,
    onSettled: () => refreshAids(client),
  })
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        pay.mutate()
      }}
    >
      <Stack gap="sm">
        <Text size="sm">
          Échéance de {formatEuros(payment.amountCents)} prévue le {formatDate(payment.dueOn)}.
        </Text>
        <FormError error={pay.error} title="Paiement impossible" />
        <DateField label="Payé le" required maxDate={today()} value={paidOn} onChange={setPaidOn} />
        <Select
          label="Mode de paiement"
          required
          allowDeselect={false}
          data={optionsOf(paymentModes, fund?.paymentModes ?? [payment.mode])}
          value={mode}
          onChange={setMode}
        />
        <FormActions saving={pay.isPending} submitLabel="Payer" cancelLabel="Fermer" onCancel={onDone} />
      </Stack>
    </form>
  )
}
