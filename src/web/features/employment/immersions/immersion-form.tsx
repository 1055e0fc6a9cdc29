import { Fieldset, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useMemo } from 'react'
import {
  type Immersion,
  type ImmersionInput,
  immersionInput,
  immersionUpdateInput,
} from '../../../../shared/employment/immersions.schema.ts'
import { bodyErrors } from '../../../components/body-errors.ts'
import { FormActions } from '../../../components/form-actions.tsx'
import { FormError } from '../../../components/form-error.tsx'
import { DateField } from '../../persons/date-field.tsx'
import { romeOptions } from '../employment.labels.ts'
import {
  employerOptionsQuery,
  immersionsApi,
  programmesQuery,
  refreshImmersions,
  serverErrors,
} from './immersions.api.ts'
import { objectiveOptions } from './immersions.labels.ts'

// The PMSMP agreement's form (docs/employment/immersions.md « Screens »): the host and its tutor, the objective, the
// post and its activities, the place, the dates (one month at most) and the hours, the programme's module. Checked
// with the API's own schema before it leaves; the server's messages land next to their fields.

interface Values {
  employerId: string | null
  objective: string | null
  jobTitle: string
  romeCode: string | null
  activities: string
  skillsObserved: string
  place: string
  tutorName: string
  tutorJobTitle: string
  tutorPhone: string
  tutorEmail: string
  startsOn: string | null
  endsOn: string | null
  hoursPerWeek: number | string
  schedule: string
  programmeId: string | null
  moduleNumber: string | null
}

const text = (v: string) => v.trim() || null
const valuesOf = (i: Immersion | null): Values => ({
  employerId: i?.employer.id ?? null,
  objective: i?.objective ?? null,
  jobTitle: i?.jobTitle ?? '',
  romeCode: i?.romeCode ?? null,
  activities: i?.activities ?? '',
  skillsObserved: i?.skillsObserved ?? '',
  place: i?.place ?? '',
  tutorName: i?.tutorName ?? '',
  tutorJobTitle: i?.tutorJobTitle ?? '',
  tutorPhone: i?.tutorPhone ?? '',
  tutorEmail: i?.tutorEmail ?? '',
  startsOn: i?.startsOn ?? null,
  endsOn: i?.endsOn ?? null,
  hoursPerWeek: i?.hoursPerWeek ?? 35,
  schedule: i?.schedule ?? '',
  programmeId: i?.programme?.id ?? null,
  moduleNumber: i?.moduleNumber ? String(i.moduleNumber) : null,
})

/** the body the API takes (without the person), from the form's values */
export const agreementBody = (v: Values) => ({
  employerId: v.employerId ?? '',
  objective: v.objective ?? '',
  jobTitle: v.jobTitle,
  romeCode: v.romeCode,
  activities: text(v.activities),
  skillsObserved: text(v.skillsObserved),
  place: text(v.place),
  tutorName: v.tutorName,
  tutorJobTitle: text(v.tutorJobTitle),
  tutorPhone: text(v.tutorPhone),
  tutorEmail: text(v.tutorEmail),
  startsOn: v.startsOn ?? '',
  endsOn: v.endsOn ?? '',
  hoursPerWeek: v.hoursPerWeek === '' ? null : Number(v.hoursPerWeek),
  schedule: text(v.schedule),
  programmeId: v.programmeId,
  moduleNumber: v.moduleNumber ? Number(v.moduleNumber) : null,
  poolId: null,
})

export function ImmersionForm({
  personId,
  immersion,
  onSaved,
  onCancel,
}: {
  personId: string
  immersion: Immersion | null
  onSaved: (i: Immersion) => void
  onCancel: () => void
}) {
  const client = useQueryClient()
  const employers = useQuery(employerOptionsQuery)
  const programmes = useQuery(programmesQuery)
  const form = useForm<Values>({
    initialValues: valuesOf(immersion),
    validate: (v) =>
      immersion
        ? bodyErrors(immersionUpdateInput, { ...agreementBody(v), version: immersion.version })
        : bodyErrors(immersionInput, { ...agreementBody(v), personId }),
  })
  const save = useMutation({
    mutationFn: (v: Values) =>
      immersion
        ? immersionsApi.update(
            immersion.id,
            immersionUpdateInput.parse({ ...agreementBody(v), version: immersion.version }),
          )
        : immersionsApi.create(immersionInput.parse({ ...agreementBody(v), personId }) as ImmersionInput),
    onSuccess: onSaved,
    onError: (error) => form.setErrors(serverErrors(error)),
    onSettled: () => refreshImmersions(client),
  })
  const employerOptions = useMemo(() => {
    const list = (employers.data ?? [])
      .filter((e) => e.active !== false || e.id === immersion?.employer.id)
      .map((e) => ({ value: e.id, label: e.communeName ? `${e.name} (${e.communeName})` : e.name }))
    if (immersion && !list.some((o) => o.value === immersion.employer.id))
      list.push({ value: immersion.employer.id, label: immersion.employer.name })
    return list.sort((a, b) => a.label.localeCompare(b.label, 'fr'))
  }, [employers.data, immersion])
  const programme = (programmes.data ?? []).find((p) => p.id === form.values.programmeId)
  return (
    <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))} aria-label="Convention d’immersion">
      <Stack gap="md" maw={880}>
        <FormError error={employers.error} title="Liste des entreprises indisponible" />
        <FormError error={save.error} title="Enregistrement impossible" />
        <Fieldset legend="La structure d’accueil et le tuteur">
          <Stack gap="sm">
            <Select
              label="Entreprise d’accueil"
              required
              searchable
              data={employerOptions}
              nothingFoundMessage="Aucune entreprise"
              {...form.getInputProps('employerId')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="Nom du tuteur" required maxLength={200} {...form.getInputProps('tutorName')} />
              <TextInput label="Fonction du tuteur" maxLength={200} {...form.getInputProps('tutorJobTitle')} />
              <TextInput label="Téléphone du tuteur" maxLength={30} {...form.getInputProps('tutorPhone')} />
              <TextInput
                label="Courriel du tuteur"
                type="email"
                maxLength={254}
                {...form.getInputProps('tutorEmail')}
              />
            </SimpleGrid>
          </Stack>
        </Fieldset>
        <Fieldset legend="La période">
          <Stack gap="sm">
            <Select
              label="Objet de l’immersion"
              required
              data={objectiveOptions}
              allowDeselect={false}
              {...form.getInputProps('objective')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="Métier, poste observé" required maxLength={200} {...form.getInputProps('jobTitle')} />
              <Select
                label="Métier (code ROME)"
                searchable
                clearable
                limit={50}
                data={romeOptions}
                nothingFoundMessage="Aucun métier"
                {...form.getInputProps('romeCode')}
              />
            </SimpleGrid>
            <Textarea label="Activités confiées" autosize minRows={2} {...form.getInputProps('activities')} />
            <Textarea
              label="Compétences et aptitudes à observer"
              autosize
              minRows={2}
              {...form.getInputProps('skillsObserved')}
            />
            <TextInput label="Lieu de l’immersion" maxLength={300} {...form.getInputProps('place')} />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <DateField label="Début" required description="Un mois au plus" {...form.getInputProps('startsOn')} />
              <DateField label="Fin" required {...form.getInputProps('endsOn')} />
              <NumberInput
                label="Heures par semaine"
                min={1}
                max={48}
                decimalSeparator=","
                {...form.getInputProps('hoursPerWeek')}
              />
            </SimpleGrid>
            <TextInput label="Horaires" maxLength={500} {...form.getInputProps('schedule')} />
          </Stack>
        </Fieldset>
        <Fieldset legend="Programme (facultatif)">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Programme d’immersions"
              clearable
              data={(programmes.data ?? [])
                .filter((p) => p.active || p.id === form.values.programmeId)
                .map((p) => ({ value: p.id, label: p.name }))}
              {...form.getInputProps('programmeId')}
              onChange={(v) => {
                form.setFieldValue('programmeId', v)
                form.setFieldValue('moduleNumber', null)
              }}
            />
            <Select
              label="Module"
              disabled={!programme}
              data={(programme?.modules ?? []).map((m) => ({
                value: String(m.number),
                label: `Module ${m.number} : ${m.label}`,
              }))}
              {...form.getInputProps('moduleNumber')}
            />
          </SimpleGrid>
        </Fieldset>
        <FormActions
          saving={save.isPending}
          submitLabel={immersion ? 'Enregistrer la convention' : 'Préparer la convention'}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  )
}
