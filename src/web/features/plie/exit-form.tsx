import { Select, Stack } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { exitInputSchema, type Pathway } from '../../../shared/plie/pathways.schema.ts'
import { isApiError } from '../../api.ts'
import { AppModal } from '../../components/app-modal.tsx'
import { bodyErrors } from '../../components/body-errors.ts'
import { FormActions } from '../../components/form-actions.tsx'
import { applyFieldErrors, FormError } from '../../components/form-error.tsx'
import { formatDate, today } from '../../components/format.ts'
import { DateField } from '../persons/date-field.tsx'
import { organisationsQuery, plieApi, refreshPlie } from './plie.api.ts'
import { type ExitValues, exitBody } from './plie.bodies.ts'
import { exitReasonOptions } from './plie.labels.ts'

/**
 * « Enregistrer la sortie »: date, reason (positive ones marked), the situation that proves it, the employer-relations
 * partner credited. The server checks a positive exit against the recorded situations; its refusal, in French, shows
 * next to the reason.
 */
export function ExitModal({ pathway, onClose }: { pathway: Pathway; onClose: () => void }) {
  const client = useQueryClient()
  const organisations = useQuery(organisationsQuery)
  const form = useForm<ExitValues>({
    initialValues: {
      exitDate: pathway.exit?.date ?? today(),
      exitReason: pathway.exit?.reason ?? null,
      exitSituationId: pathway.exit?.situationId ?? null,
      partnerId: pathway.exit?.partnerId ?? null,
    },
    validate: (v) => bodyErrors(exitInputSchema, exitBody(v, pathway.version)),
  })
  const save = useMutation({
    mutationFn: (v: ExitValues) => plieApi.exit(pathway.enrolmentId, exitBody(v, pathway.version)),
    onSuccess: async () => {
      await refreshPlie(client)
      onClose()
    },
    onError: (error) => applyFieldErrors(form, error),
  })
  const partners = (organisations.data ?? [])
    .filter((o) => o.kind === 'employer_relations' && (o.active || o.id === pathway.exit?.partnerId))
    .map((o) => ({ value: o.id, label: o.name }))
  const situations = pathway.steps.map((s) => ({
    value: s.situationId,
    label: `${s.kindLabel}${s.organisationName ? ` — ${s.organisationName}` : ''}, du ${formatDate(s.startDate)}`,
  }))
  // a refusal that names a field is shown next to it; only the others above the form
  const fieldError = isApiError(save.error) && save.error.fields.length > 0
  return (
    <AppModal opened onClose={onClose} title="Enregistrer la sortie" size="lg">
      <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <Stack gap="sm">
          {!fieldError && <FormError error={save.error ?? organisations.error} title="Sortie non enregistrée" />}
          <DateField label="Date de sortie" required {...form.getInputProps('exitDate')} />
          <Select
            label="Motif de sortie"
            required
            searchable
            data={exitReasonOptions}
            {...form.getInputProps('exitReason')}
          />
          <Select
            label="Situation qui la justifie"
            description="Sans choix, Jalon cherche la situation qui justifie une sortie positive."
            clearable
            data={situations}
            {...form.getInputProps('exitSituationId')}
          />
          <Select
            label="Partenaire des relations entreprises crédité"
            clearable
            searchable
            nothingFoundMessage="Aucun partenaire de ce nom"
            data={partners}
            {...form.getInputProps('partnerId')}
          />
          <FormActions saving={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </AppModal>
  )
}
