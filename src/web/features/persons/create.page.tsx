import { Button, Fieldset, Group, Select, SimpleGrid, Stack } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useDebouncedValue } from '@mantine/hooks'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Link, useNavigate } from '@tanstack/react-router'
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
import { IdentityFields } from './identity-fields.tsx'
import { referralSourceOptions } from './labels.ts'
import {
  type CreateValues,
  createBody,
  duplicateQuery,
  emptyEntrySituation,
  emptyIdentity,
  validateCreate,
} from './person-bodies.ts'
import { personsApi } from './persons.api.ts'
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
  const form = useForm<CreateValues>({
    initialValues: {
      // a user of a single site (who may not place files elsewhere) has no choice to make
      ...emptyIdentity(!can(me.role, 'personsWholeStructure') && me.sites.length === 1 ? me.sites[0]!.id : null),
      // a counsellor creating a file usually follows the person
      referentId: can(me.role, 'referent') ? me.id : null,
      firstReception: { date: today, siteId: null, referralSource: null },
      situation: emptyEntrySituation(),
    },
    // dates after today cannot be typed nor picked (maxDate); the server refuses them too
    validate: validateCreate,
  })

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
