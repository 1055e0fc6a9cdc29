import { Button, Radio, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { isApiError } from '../../../api.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatEuros, today } from '../../../components/format.ts'
import { type AidRequestFull, aidsApi, fundsQuery, fundYearQuery, refreshAids } from '../aids.api.ts'
import { decisionOptions } from '../aids.labels.ts'
import { type DecisionValues, decisionBody, emptyDecision, serverFieldErrors } from './aids.bodies.ts'

/**
 * The aid officer's decision on a complete request: granted (the amount asked unless another is typed), partly
 * granted, refused (a criterion), redirected (another active fund). The envelope's remaining for the year is shown; an
 * amount beyond it comes back 409 « Il reste … » next to the amount.
 */
export function DecisionForm({ request }: { request: AidRequestFull }) {
  const client = useQueryClient()
  const year = Number(today().slice(0, 4))
  const envelope = useQuery(fundYearQuery(request.fundId, year))
  const funds = useQuery(fundsQuery(true))
  const form = useForm<DecisionValues>({
    initialValues: emptyDecision,
    validate: (v) => decisionBody(v, request.version).errors,
  })
  const decide = useMutation({
    mutationFn: (v: DecisionValues) => aidsApi.decide(request.id, decisionBody(v, request.version).body),
    onError: async (error) => {
      form.setErrors(serverFieldErrors(error))
      if (isApiError(error) && error.code === 'version_conflict') await refreshAids(client)
    },
    onSuccess: () => form.reset(),
    onSettled: () => refreshAids(client),
  })
  const { decision } = form.values
  const granting = decision === 'granted' || decision === 'partly_granted'
  const fundOptions = (funds.data ?? [])
    .filter((f) => f.id !== request.fundId)
    .map((f) => ({ value: f.id, label: `${f.code} — ${f.name}` }))
  // the amount's message is the field's; the rest goes above the form
  const general = isApiError(decide.error) && decide.error.fields.length > 0 ? null : decide.error
  return (
    <section aria-labelledby="aide-decision">
      <Title order={2} size="h3" id="aide-decision" mb="xs">
        Décision
      </Title>
      {envelope.data && (
        <Text size="sm" mb="xs">
          Enveloppe {year} du {request.fundCode} : reste {formatEuros(envelope.data.remainingCents)} sur{' '}
          {formatEuros(envelope.data.allocatedCents)} alloués ({formatEuros(envelope.data.committedCents)} engagés).
        </Text>
      )}
      <form noValidate onSubmit={form.onSubmit((v) => decide.mutate(v))}>
        <Stack gap="sm" maw={560}>
          <FormError error={general ?? envelope.error} title="Décision impossible" />
          <Radio.Group label="Décision" required {...form.getInputProps('decision')}>
            <Stack gap={6} mt={4}>
              {decisionOptions.map((o) => (
                <Radio key={o.value} value={o.value} label={o.label} />
              ))}
            </Stack>
          </Radio.Group>
          {granting && (
            <TextInput
              label="Montant accordé (€)"
              description={`Demandé : ${formatEuros(request.amountAskedCents)}${decision === 'granted' ? ' ; vide : le montant demandé' : ''}`}
              required={decision === 'partly_granted'}
              inputMode="decimal"
              {...form.getInputProps('amount')}
            />
          )}
          {decision === 'refused' && (
            <TextInput label="Critère du refus" required maxLength={500} {...form.getInputProps('refusalCriterion')} />
          )}
          {decision === 'redirected' && (
            <Select
              label="Fonds vers lequel réorienter"
              required
              searchable
              data={fundOptions}
              {...form.getInputProps('redirectedFundId')}
            />
          )}
          <Textarea label="Motif" autosize minRows={2} maxLength={2000} {...form.getInputProps('reason')} />
          <Button type="submit" loading={decide.isPending} w="fit-content">
            Enregistrer la décision
          </Button>
        </Stack>
      </form>
    </section>
  )
}
