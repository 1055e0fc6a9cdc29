import { Alert, Button, Checkbox, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { aidPurposes, aidTracks } from '../../../../shared/aids/aids.nomenclature.ts'
import type { AidRequest } from '../../../../shared/aids/requests.schema.ts'
import type { PersonDetail } from '../../../../shared/persons/person.schema.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatEuros } from '../../../components/format.ts'
import { SiteSelect } from '../../persons/pickers.tsx'
import { aidsApi, fundsQuery, refreshAids } from '../aids.api.ts'
import { optionsOf } from '../aids.labels.ts'
import { emptyRequest, type RequestValues, requestBody, serverFieldErrors, withFund } from './aids.bodies.ts'

/**
 * The counsellor's « Demander une aide »: an active fund, its track and purpose, the amount in euros, the argument, the
 * documents received among the fund's list, the site. The server checks the fund's period, eligibility and ceiling and
 * answers next to the field; the new request comes back « complète » or with its missing documents.
 */
export function RequestForm({ person, onCreated }: { person: PersonDetail; onCreated: (r: AidRequest) => void }) {
  const client = useQueryClient()
  const funds = useQuery(fundsQuery(true))
  const form = useForm<RequestValues>({
    initialValues: emptyRequest(person.siteId),
    validate: (v) => requestBody(v).errors,
  })
  const fund = funds.data?.find((f) => f.id === form.values.fundId)
  const ask = useMutation({
    mutationFn: (v: RequestValues) => aidsApi.ask(person.id, requestBody(v).body),
    onSuccess: (created) => {
      onCreated(created)
      form.setValues(emptyRequest(person.siteId))
      form.resetDirty()
    },
    onError: (error) => form.setErrors(serverFieldErrors(error)),
    onSettled: () => refreshAids(client),
  })
  const fundOptions = (funds.data ?? []).map((f) => ({ value: f.id, label: `${f.code} — ${f.name}` }))
  return (
    <section aria-labelledby="aides-demander">
      <Title order={2} size="h4" id="aides-demander" mb="xs">
        Demander une aide
      </Title>
      <form noValidate onSubmit={form.onSubmit((v) => ask.mutate(v))}>
        <Stack gap="sm" maw={560}>
          <FormError error={ask.error ?? funds.error} title="Demande impossible" />
          <Select
            label="Fonds"
            placeholder={fundOptions.length ? 'Choisissez le fonds' : 'Aucun fonds ouvert'}
            required
            searchable
            data={fundOptions}
            {...form.getInputProps('fundId')}
            onChange={(id) =>
              form.setValues(
                withFund(
                  form.values,
                  funds.data?.find((f) => f.id === id),
                ),
              )
            }
          />
          {fund && (
            <>
              <Select
                label="Voie"
                required
                allowDeselect={false}
                data={optionsOf(aidTracks, fund.tracks)}
                {...form.getInputProps('track')}
              />
              <Select
                label="Objet de l’aide"
                required
                allowDeselect={false}
                data={optionsOf(aidPurposes, fund.purposes)}
                {...form.getInputProps('purpose')}
              />
              <TextInput
                label="Montant demandé (€)"
                description={
                  fund.ceilingRequestCents !== null
                    ? `Par exemple 150,00 ; au plus ${formatEuros(fund.ceilingRequestCents)} par demande`
                    : 'Par exemple 150,00'
                }
                required
                inputMode="decimal"
                readOnly={fund.fixedAmountCents !== null}
                {...form.getInputProps('amount')}
              />
              <Textarea
                label="Argumentaire"
                autosize
                minRows={2}
                maxLength={4000}
                {...form.getInputProps('argument')}
              />
              {fund.documents.length > 0 ? (
                <Checkbox.Group label="Pièces reçues" {...form.getInputProps('documents')}>
                  <Stack gap={4} mt={4}>
                    {fund.documents.map((d) => (
                      <Checkbox key={d} value={d} label={d} />
                    ))}
                  </Stack>
                </Checkbox.Group>
              ) : (
                <Text size="sm">Ce fonds ne demande aucune pièce.</Text>
              )}
              <SiteSelect
                label="Site"
                required
                current={{ id: person.siteId, name: person.siteName }}
                {...form.getInputProps('siteId')}
              />
            </>
          )}
          <Button type="submit" loading={ask.isPending} w="fit-content">
            Envoyer la demande
          </Button>
        </Stack>
      </form>
    </section>
  )
}

/** What the new request became: complete, or the documents still to bring. */
export function CreatedNotice({ request, onClose }: { request: AidRequest; onClose: () => void }) {
  const complete = request.missingDocuments.length === 0
  return (
    <Alert
      color={complete ? 'green' : 'orange'}
      variant="light"
      role="status"
      withCloseButton
      closeButtonLabel="Fermer"
      onClose={onClose}
      title={`Demande ${request.fundCode} enregistrée : ${complete ? 'complète' : 'incomplète'}`}
    >
      {complete
        ? request.decidedIn === 'commission'
          ? 'Elle attend la commission du fonds.'
          : 'Elle attend la décision du chargé des aides.'
        : `Pièces manquantes : ${request.missingDocuments.join(', ')}.`}
    </Alert>
  )
}
