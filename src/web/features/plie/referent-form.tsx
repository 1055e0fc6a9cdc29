import { Select, type SelectProps, Stack } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { referentChangeSchema } from '../../../shared/plie/pathways.schema.ts'
import { AppModal } from '../../components/app-modal.tsx'
import { bodyErrors } from '../../components/body-errors.ts'
import { FormActions } from '../../components/form-actions.tsx'
import { applyFieldErrors, FormError } from '../../components/form-error.tsx'
import { today } from '../../components/format.ts'
import { DateField } from '../persons/date-field.tsx'
import { counsellorsQuery } from '../persons/persons.api.ts'
import { plieApi, refreshPlie } from './plie.api.ts'
import { type ReferentValues, referentBody } from './plie.bodies.ts'

/** The counsellors of the structure, by name: the choices for a PLIE referent. */
export function ReferentSelect(props: Omit<SelectProps, 'data'>) {
  const counsellors = useQuery(counsellorsQuery)
  return (
    <Select
      label="Référent"
      required
      searchable
      nothingFoundMessage="Aucun conseiller de ce nom"
      data={(counsellors.data ?? []).map((c) => ({ value: c.id, label: c.displayName }))}
      {...props}
    />
  )
}

/** « Changer de référent »: the new referent from a date. */
export function ReferentModal({
  enrolmentId,
  version,
  onClose,
}: {
  enrolmentId: string
  version: number
  onClose: () => void
}) {
  const client = useQueryClient()
  const form = useForm<ReferentValues>({
    initialValues: { referentId: null, fromDate: today() },
    validate: (v) => bodyErrors(referentChangeSchema, referentBody(v, version)),
  })
  const save = useMutation({
    mutationFn: (v: ReferentValues) => plieApi.changeReferent(enrolmentId, referentBody(v, version)),
    onSuccess: async () => {
      await refreshPlie(client)
      onClose()
    },
    onError: (error) => applyFieldErrors(form, error),
  })
  return (
    <AppModal opened onClose={onClose} title="Changer de référent">
      <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <Stack gap="sm">
          <FormError error={save.error} title="Changement impossible" />
          <ReferentSelect {...form.getInputProps('referentId')} />
          <DateField label="À partir du" required maxDate={today()} {...form.getInputProps('fromDate')} />
          <FormActions saving={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </AppModal>
  )
}
