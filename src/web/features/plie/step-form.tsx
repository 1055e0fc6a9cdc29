import { NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { PathwayStep } from '../../../shared/plie/pathways.schema.ts'
import { stepInputSchema, stepUpdateSchema } from '../../../shared/plie/pathways.schema.ts'
import { AppModal } from '../../components/app-modal.tsx'
import { bodyErrors } from '../../components/body-errors.ts'
import { FormActions } from '../../components/form-actions.tsx'
import { applyFieldErrors, FormError } from '../../components/form-error.tsx'
import { DateField } from '../persons/date-field.tsx'
import { organisationsQuery, plieApi, refreshPlie } from './plie.api.ts'
import { type StepValues, stepBody } from './plie.bodies.ts'
import { stepKindOptions } from './plie.labels.ts'

const valuesOf = (step: PathwayStep | undefined): StepValues => ({
  kind: step?.kind ?? null,
  startDate: step?.startDate ?? null,
  plannedEndDate: step?.plannedEndDate ?? null,
  endDate: step?.endDate ?? null,
  hoursPerWeek: step?.hoursPerWeek ?? '',
  organisationId: step?.organisationId ?? null,
  stepReferent: step?.stepReferent ?? '',
})

/** « Ajouter une étape », or a step changed or ended (its end date): kind, dates, host organisation, step referent. */
export function StepModal({
  enrolmentId,
  step,
  onClose,
}: {
  enrolmentId: string
  step?: PathwayStep
  onClose: () => void
}) {
  const client = useQueryClient()
  const organisations = useQuery(organisationsQuery)
  const form = useForm<StepValues>({
    initialValues: valuesOf(step),
    validate: (v) =>
      step
        ? bodyErrors(stepUpdateSchema, { ...stepBody(v), version: step.version })
        : bodyErrors(stepInputSchema, stepBody(v)),
  })
  const save = useMutation({
    mutationFn: (v: StepValues) =>
      step
        ? plieApi.updateStep(enrolmentId, step.situationId, { ...stepBody(v), version: step.version })
        : plieApi.addStep(enrolmentId, stepBody(v)),
    onSuccess: async () => {
      await refreshPlie(client)
      onClose()
    },
    onError: (error) => applyFieldErrors(form, error),
  })
  const hosts = (organisations.data ?? [])
    .filter((o) => o.active || o.id === step?.organisationId)
    .map((o) => ({ value: o.id, label: `${o.name} — ${o.kindLabel}` }))
  return (
    <AppModal opened onClose={onClose} title={step ? 'Modifier ou terminer l’étape' : 'Ajouter une étape'} size="lg">
      <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <Stack gap="sm">
          <FormError error={save.error ?? organisations.error} title="Enregistrement impossible" />
          <Select label="Type d’étape" required searchable data={stepKindOptions} {...form.getInputProps('kind')} />
          <Select
            label="Structure d’accueil"
            searchable
            clearable
            nothingFoundMessage="Aucune structure de ce nom"
            data={hosts}
            {...form.getInputProps('organisationId')}
          />
          <TextInput label="Référent de l’étape" maxLength={200} {...form.getInputProps('stepReferent')} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <DateField label="Début" required {...form.getInputProps('startDate')} />
            <DateField label="Fin prévue" clearable {...form.getInputProps('plannedEndDate')} />
            <DateField label="Fin" clearable {...form.getInputProps('endDate')} />
          </SimpleGrid>
          <NumberInput label="Heures par semaine" min={0} max={80} {...form.getInputProps('hoursPerWeek')} />
          <FormActions saving={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </AppModal>
  )
}
