import { Button, Fieldset, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useDebouncedValue } from '@mantine/hooks'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Link, useNavigate, useSearch } from '@tanstack/react-router'
import { useEffect, useRef, useState } from 'react'
import { can } from '../../../shared/auth/roles.ts'
import { isApiError } from '../../api.ts'
import { applyFieldErrors, FormError } from '../../components/form-error.tsx'
import { today as structureToday } from '../../components/format.ts'
import { Page } from '../../components/page.tsx'
import { useMe } from '../auth/auth.api.ts'
import { DateField } from './date-field.tsx'
import { DuplicatesPanel } from './duplicates-panel.tsx'
import { EntrySituationFields } from './entry-situation-fields.tsx'
import { FirstInterviewFields } from './first-interview-fields.tsx'
import { IdentityFields } from './identity-fields.tsx'
import { referralSourceOptions } from './labels.ts'
import {
  type CreateValues,
  createBody,
  duplicateQuery,
  emptyEntrySituation,
  emptyFirstInterview,
  emptyIdentity,
  identityFromSearch,
  validateCreate,
} from './person-bodies.ts'
import { createSearchSchema } from './person-search.ts'
import { counsellorsQuery, personsApi, receptionChoicesQuery } from './persons.api.ts'
import { SiteSelect } from './pickers.tsx'

/** The names and birth date, once the API would take them to look for someone alike. */
function duplicateKey(v: CreateValues): string | null {
  const query = duplicateQuery(v)
  return query && JSON.stringify(query)
}

/** The file at the first reception: identity, contact, address, follow-up, first reception, situation at entry. */
export function CreatePersonPage() {
  const me = useMe()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const today = structureToday()
  const searched = identityFromSearch(createSearchSchema.parse(useSearch({ strict: false })))
  const form = useForm<CreateValues>({
    initialValues: {
      // a user of a single site (who may not place files elsewhere) has no choice to make
      ...emptyIdentity(!can(me.role, 'personsWholeStructure') && me.sites.length === 1 ? me.sites[0]!.id : null),
      // what was searched before: the names, the birth date, the phone
      ...searched,
      programmeId: null,
      // a counsellor creating a file usually follows the person
      referentId: can(me.role, 'referent') ? me.id : null,
      firstReception: { date: today, siteId: null, referralSource: null },
      situation: emptyEntrySituation(),
      firstInterview: emptyFirstInterview(),
    },
    // dates after today cannot be typed nor picked (maxDate); the server refuses them too
    validate: validateCreate,
  })

  // The hand-off: the programme the file enters (asked when there are several) and the referent suggested by site and
  // load, filled in once for each site unless the user already chose someone.
  const choices = useQuery(receptionChoicesQuery(form.values.siteId, form.values.birthDate))
  const suggested = choices.data?.referent
  const suggestedFor = useRef<string | null>(null)
  useEffect(() => {
    if (!suggested || !form.values.siteId || suggestedFor.current === form.values.siteId) return
    suggestedFor.current = form.values.siteId
    if (!form.isDirty('referentId')) form.setFieldValue('referentId', suggested.id)
  }, [suggested, form])
  const programmes = choices.data?.programmes ?? []
  const counsellors = useQuery(counsellorsQuery)
  const referentName =
    counsellors.data?.find((c) => c.id === form.values.referentId)?.displayName ??
    (suggested?.id === form.values.referentId ? suggested.displayName : null)

  // Likely duplicates, looked for as soon as the names and the birth date are typed.
  const [key] = useDebouncedValue(duplicateKey(form.values), 400)
  const duplicates = useQuery({
    queryKey: ['persons', 'duplicates', key],
    queryFn: () => personsApi.duplicates(JSON.parse(key!)),
    enabled: key !== null,
    staleTime: Number.POSITIVE_INFINITY,
  })
  const candidates = key !== null ? (duplicates.data ?? []) : []
  const panel = useRef<HTMLDivElement>(null)
  const [conflict, setConflict] = useState(false)

  const save = useMutation({
    mutationFn: ({ values, confirm }: { values: CreateValues; confirm: boolean }) =>
      personsApi.create(createBody(values, confirm)),
    onSuccess: async (person) => {
      await queryClient.invalidateQueries({ queryKey: ['persons', 'search'] })
      await queryClient.invalidateQueries({ queryKey: ['caseload'] })
      void navigate({ to: '/personnes/$id', params: { id: person.id } })
    },
    onError: async (error) => {
      applyFieldErrors(form, error)
      if (
        isApiError(error) &&
        error.code === 'conflict' &&
        error.fields.some((f) => f.field.startsWith('duplicates'))
      ) {
        setConflict(true)
        await duplicates.refetch()
      }
    },
  })
  useEffect(() => {
    if (conflict && candidates.length) panel.current?.focus()
  }, [conflict, candidates.length])

  const submit = (confirm: boolean) => form.onSubmit((values) => save.mutate({ values, confirm }))

  return (
    <Page title="Nouvelle personne">
      <form noValidate onSubmit={submit(false)}>
        <Stack gap="lg">
          <IdentityFields
            form={form}
            autoFocus
            afterIdentity={
              candidates.length > 0 && (
                <DuplicatesPanel
                  ref={panel}
                  candidates={candidates}
                  confirming={save.isPending && save.variables?.confirm === true}
                  onConfirm={() => submit(true)()}
                />
              )
            }
          />
          {(programmes.length > 1 || suggested) && (
            <Fieldset legend="Orientation">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {programmes.length > 1 && (
                  <Select
                    label="Programme d’accueil"
                    description="Vide : selon l’âge (Mission Locale jusqu’à 25 ans, PLIE ensuite)"
                    clearable
                    placeholder={programmes.find((p) => p.id === choices.data?.programmeId)?.name ?? 'À choisir'}
                    data={programmes.map((p) => ({ value: p.id, label: p.name }))}
                    {...form.getInputProps('programmeId')}
                  />
                )}
                {suggested && (
                  <Text size="sm" aria-live="polite">
                    Référent suggéré pour ce site : {suggested.displayName}, qui suit {suggested.load}{' '}
                    {suggested.load > 1 ? 'personnes' : 'personne'}. Vous pouvez en choisir un autre ci-dessus.
                  </Text>
                )}
              </SimpleGrid>
            </Fieldset>
          )}
          <Fieldset legend="Premier accueil">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <DateField
                label="Date du premier accueil"
                required
                maxDate={today}
                {...form.getInputProps('firstReception.date')}
              />
              <SiteSelect
                label="Lieu du premier accueil"
                all
                clearable
                clearButtonProps={{ 'aria-label': 'Le site de suivi' }}
                placeholder="Le site de suivi"
                {...form.getInputProps('firstReception.siteId')}
              />
              <Select
                label="Origine de la venue"
                required
                allowDeselect={false}
                data={referralSourceOptions}
                searchable
                {...form.getInputProps('firstReception.referralSource')}
              />
            </SimpleGrid>
          </Fieldset>
          {can(me.role, 'agendaFirstInterview') && (
            <FirstInterviewFields form={form} today={today} referentName={referentName} />
          )}
          <EntrySituationFields form={form} withSensitive={can(me.role, 'personSensitive')} />
          <FormError error={save.error} title="Création impossible" />
          <Group justify="flex-end">
            <Button variant="default" component={Link} to="/personnes">
              Annuler
            </Button>
            <Button type="submit" loading={save.isPending && save.variables?.confirm === false}>
              Créer le dossier
            </Button>
          </Group>
        </Stack>
      </form>
    </Page>
  )
}
