import {
  Alert,
  Button,
  Checkbox,
  Group,
  Loader,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useNavigate, useParams, useSearch } from '@tanstack/react-router'
import { useEffect, useRef } from 'react'
import { interviewInputSchema } from '../../../../shared/accompaniment/interview.schema.ts'
import type { PersonDetail } from '../../../../shared/persons/person.schema.ts'
import { isApiError } from '../../../api.ts'
import { bodyErrors } from '../../../components/body-errors.ts'
import { FormError } from '../../../components/form-error.tsx'
import { Page } from '../../../components/page.tsx'
import { AnchorLink } from '../anchor-link.tsx'
import { DateField } from '../date-field.tsx'
import { themeOptions } from '../file/proposition-form.tsx'
import { domainOptions, eventKindOptions, outcomeOptions, situationKindGroups } from '../labels.ts'
import { personKeyOf, personQuery } from '../persons.api.ts'
import { SiteSelect } from '../pickers.tsx'
import { recordApi, themesQuery } from '../record.api.ts'
import { type AppointmentPrefill, useAppointmentPrefill } from './appointment-prefill.ts'
import { fieldOf, type InterviewValues, initialValues, newProposition, toInterviewInput } from './interview-values.ts'

/**
 * The interview screen (issue 10): the interview, the propositions made and a change of situation, saved together in
 * one request. Reached from the file or from an appointment of the agenda (`?rdv=`), whose day, place and length it takes.
 */
export function InterviewPage() {
  const { id } = useParams({ strict: false }) as { id: string }
  const { rdv } = useSearch({ strict: false }) as { rdv?: string }
  const person = useQuery(personQuery(id))
  const prefill = useAppointmentPrefill(id, rdv)
  if (person.isPending || (rdv && prefill.isPending)) return <Loader aria-label="Chargement de l’entretien" />
  if (person.error || !person.data)
    return (
      <Page title="Entretien">
        <FormError error={person.error} title="Dossier indisponible" />
        <AnchorLink to="/personnes">Retour à la recherche</AnchorLink>
      </Page>
    )
  return <InterviewForm person={person.data} prefill={prefill.data} />
}

function InterviewForm({ person, prefill }: { person: PersonDetail; prefill: AppointmentPrefill | undefined }) {
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const themes = useQuery(themesQuery)
  const summary = useRef<HTMLDivElement>(null)
  const form = useForm<InterviewValues>({
    initialValues: { ...initialValues(person.today, person.siteId), ...prefill?.values },
    validate: (v) => bodyErrors(interviewInputSchema, toInterviewInput(v, prefill?.event), fieldOf),
  })
  const save = useMutation({
    mutationFn: (v: InterviewValues) => recordApi.recordInterview(person.id, toInterviewInput(v, prefill?.event)),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: personKeyOf(person.id) })
      await queryClient.invalidateQueries({ queryKey: ['caseload'] })
      await queryClient.invalidateQueries({ queryKey: ['agenda'] })
      await navigate({ to: '/personnes/$id', params: { id: person.id }, search: { onglet: 'evenements' } })
    },
    onError: (error) => {
      if (isApiError(error)) form.setErrors(Object.fromEntries(error.fields.map((f) => [fieldOf(f.field), f.message])))
    },
  })
  const failed = Object.keys(form.errors).length > 0 || save.isError
  // a failed submit shows the summary of what to fix, and brings it into view
  useEffect(() => {
    if (failed) summary.current?.scrollIntoView({ block: 'start' })
  }, [failed])

  const title = `Entretien — ${person.lastName.toUpperCase()} ${person.firstName}`
  return (
    <Page title={title}>
      <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <Stack gap="lg">
          <div ref={summary} tabIndex={-1}>
            {failed && (
              <Alert color="red" variant="light" title="L’entretien n’est pas enregistré" role="alert">
                {isApiError(save.error) ? save.error.detail : 'Corrigez les champs signalés :'}
                <ul>
                  {Object.entries(form.errors).map(([field, message]) => (
                    <li key={field}>{String(message)}</li>
                  ))}
                </ul>
              </Alert>
            )}
            {themes.error && <FormError error={themes.error} title="Thèmes indisponibles" />}
          </div>
          <section aria-labelledby="interview-event">
            <Title order={2} size="h4" id="interview-event" mb="xs">
              L’entretien
            </Title>
            {prefill && (
              <Alert color="blue" mb="sm">
                Rendez-vous de l’agenda : {prefill.label}
              </Alert>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
              <Select
                label="Type"
                required
                allowDeselect={false}
                data={eventKindOptions}
                {...form.getInputProps('kind')}
              />
              <DateField label="Date" required {...form.getInputProps('date')} />
              <SiteSelect label="Lieu" all {...form.getInputProps('siteId')} />
              <NumberInput
                label="Durée (minutes)"
                min={0}
                max={1440}
                step={15}
                allowDecimal={false}
                {...form.getInputProps('durationMinutes')}
              />
            </SimpleGrid>
            <Textarea
              label="Compte rendu"
              mt="sm"
              autosize
              minRows={4}
              maxLength={4000}
              data-autofocus
              {...form.getInputProps('note')}
            />
          </section>
          <section aria-labelledby="interview-propositions">
            <Title order={2} size="h4" id="interview-propositions" mb="xs">
              Propositions faites
            </Title>
            <Stack gap="sm">
              {form.values.propositions.map((p, i) => (
                <fieldset
                  key={p.key}
                  style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 6, padding: 12 }}
                >
                  <legend>Proposition {i + 1}</legend>
                  <SimpleGrid cols={{ base: 1, sm: 3 }}>
                    <Select
                      label="Domaine"
                      required
                      allowDeselect={false}
                      data={domainOptions}
                      {...form.getInputProps(`propositions.${i}.domain`)}
                      onChange={(v) => {
                        form.setFieldValue(`propositions.${i}.domain`, v)
                        form.setFieldValue(`propositions.${i}.theme`, null)
                      }}
                    />
                    <Select
                      label="Thème"
                      required
                      allowDeselect={false}
                      searchable
                      disabled={!p.domain}
                      description={p.domain ? undefined : 'Choisissez d’abord le domaine'}
                      data={themeOptions(themes.data, p.domain, person.can.seeSensitive)}
                      nothingFoundMessage="Aucun thème"
                      {...form.getInputProps(`propositions.${i}.theme`)}
                    />
                    <Select
                      label="Suite donnée"
                      required
                      allowDeselect={false}
                      data={outcomeOptions}
                      {...form.getInputProps(`propositions.${i}.outcome`)}
                    />
                  </SimpleGrid>
                  <Group align="flex-end" mt="xs">
                    <TextInput
                      label="Précision"
                      maxLength={4000}
                      style={{ flex: 1 }}
                      {...form.getInputProps(`propositions.${i}.text`)}
                    />
                    <Button variant="subtle" color="red" onClick={() => form.removeListItem('propositions', i)}>
                      Retirer la proposition {i + 1}
                    </Button>
                  </Group>
                </fieldset>
              ))}
              <Group>
                <Button variant="light" onClick={() => form.insertListItem('propositions', newProposition())}>
                  Ajouter une proposition
                </Button>
              </Group>
            </Stack>
          </section>
          <section aria-labelledby="interview-situation">
            <Title order={2} size="h4" id="interview-situation" mb="xs">
              Situation
            </Title>
            <Checkbox
              label="La situation de la personne change (emploi, formation, alternance…)"
              {...form.getInputProps('situationChanges', { type: 'checkbox' })}
            />
            {form.values.situationChanges && (
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} mt="sm">
                <Select
                  label="Nouvelle situation"
                  required
                  allowDeselect={false}
                  searchable
                  data={situationKindGroups}
                  {...form.getInputProps('situation.kind')}
                />
                <DateField label="Début" required {...form.getInputProps('situation.startDate')} />
                <DateField label="Fin prévue" clearable {...form.getInputProps('situation.plannedEndDate')} />
                <TextInput
                  label="Employeur ou organisme"
                  maxLength={200}
                  {...form.getInputProps('situation.organisationName')}
                />
              </SimpleGrid>
            )}
          </section>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => navigate({ to: '/personnes/$id', params: { id: person.id } })}>
              Annuler
            </Button>
            <Button type="submit" loading={save.isPending}>
              Enregistrer l’entretien
            </Button>
          </Group>
        </Stack>
      </form>
    </Page>
  )
}
