import { Button, Group, Select, Stack, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { paymentModes } from '../../../../shared/aids/aids.nomenclature.ts'
import type { Fund } from '../../../../shared/aids/funds.schema.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatEuros, today } from '../../../components/format.ts'
import { DateField } from '../../persons/date-field.tsx'
import { type AidRequestFull, aidsApi, refreshAids } from '../aids.api.ts'
import { optionsOf } from '../aids.labels.ts'
import { eurosForInput, leftToPay, type PaymentValues, paymentBody, serverFieldErrors } from './aids.bodies.ts'

/** « Enregistrer un paiement »: the amount (what is left to pay by default), a mode of the fund, the payee, the date. */
export function PaymentForm({ request, fund }: { request: AidRequestFull; fund: Fund | undefined }) {
  const client = useQueryClient()
  const left = leftToPay(request)
  const modes = fund?.paymentModes ?? []
  const initial = (): PaymentValues => ({
    amount: eurosForInput(left),
    mode: modes.length === 1 ? modes[0] : null,
    payee: '',
    paidOn: today(),
  })
  const form = useForm<PaymentValues>({ initialValues: initial(), validate: (v) => paymentBody(v).errors })
  const pay = useMutation({
    mutationFn: (v: PaymentValues) => aidsApi.pay(request.id, paymentBody(v).body),
    onError: (error) => form.setErrors(serverFieldErrors(error)),
    onSuccess: () => form.setValues({ ...initial(), amount: '' }),
    onSettled: () => refreshAids(client),
  })
  return (
    <section aria-labelledby="aide-paiement">
      <Title order={2} size="h3" id="aide-paiement" mb="xs">
        Enregistrer un paiement
      </Title>
      <form noValidate onSubmit={form.onSubmit((v) => pay.mutate(v))}>
        <Stack gap="sm" maw={560}>
          <FormError error={pay.error} title="Paiement impossible" />
          <TextInput
            label="Montant payé (€)"
            description={`Reste à payer : ${formatEuros(left)}`}
            required
            inputMode="decimal"
            {...form.getInputProps('amount')}
          />
          <Group grow align="flex-start">
            <Select
              label="Mode de paiement"
              required
              allowDeselect={false}
              data={optionsOf(paymentModes, modes)}
              {...form.getInputProps('mode')}
            />
            <DateField label="Payé le" required maxDate={today()} {...form.getInputProps('paidOn')} />
          </Group>
          {form.values.mode === 'third_party' && (
            <TextInput label="Tiers payé" required maxLength={200} {...form.getInputProps('payee')} />
          )}
          <Button type="submit" loading={pay.isPending} w="fit-content">
            Enregistrer le paiement
          </Button>
        </Stack>
      </form>
    </section>
  )
}
