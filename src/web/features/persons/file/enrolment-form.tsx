import { Select, SimpleGrid, Stack, Switch } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useQuery } from '@tanstack/react-query'
import {
  type Enrolment,
  type EnrolmentInput,
  enrolmentExitReasons,
  enrolmentInputSchema,
  enrolmentUpdateSchema,
} from '../../../../shared/accompaniment/situations.schema.ts'
import type { PersonDetail } from '../../../../shared/persons/person.schema.ts'
import { AppModal } from '../../../components/app-modal.tsx'
import { bodyErrors } from '../../../components/body-errors.ts'
import { FormActions } from '../../../components/form-actions.tsx'
import { FormError } from '../../../components/form-error.tsx'
import { programmesQuery } from '../../admin/admin.api.ts'
import { useMe } from '../../auth/auth.api.ts'
import { DateField } from '../date-field.tsx'
import { optionsOf } from '../labels.ts'
import { CounsellorSelect } from '../pickers.tsx'
import { recordApi } from '../record.api.ts'
import { useRecordMutation } from '../use-record-mutation.ts'

const exitReasonOptions = optionsOf(enrolmentExitReasons.labels)

interface EnrolmentValues {
  programmeId: string | null
  entryDate: string | null
  exitDate: string | null
  exitReason: string | null
  plannedEndDate: string | null
  reinforced: boolean
  referentId: string | null
}

const toInput = (v: EnrolmentValues): EnrolmentInput => ({
  programmeId: v.programmeId ?? '',
  entryDate: v.entryDate ?? '',
  exitDate: v.exitDate,
  exitReason: v.exitReason as Enrolment['exitReason'],
  plannedEndDate: v.plannedEndDate,
  reinforced: v.reinforced,
  referentId: v.referentId,
})

/** An entry into a programme (CIVIS/CEJ, PLIE pathway, mentoring…), and later its exit with the reason. */
export function EnrolmentFormModal({
  person,
  enrolment,
  opened,
  onClose,
}: {
  person: PersonDetail
  enrolment?: Enrolment
  opened: boolean
  onClose: () => void
}) {
  return (
    <AppModal
      opened={opened}
      onClose={onClose}
      title={enrolment ? `Programme ${enrolment.programmeCode}` : 'Nouvelle inscription'}
      size="lg"
    >
      {opened && <EnrolmentForm person={person} enrolment={enrolment} onDone={onClose} />}
    </AppModal>
  )
}

function EnrolmentForm({
  person,
  enrolment,
  onDone,
}: {
  person: PersonDetail
  enrolment?: Enrolment
  onDone: () => void
}) {
  const me = useMe()
  const programmes = useQuery(programmesQuery)
  const form = useForm<EnrolmentValues>({
    initialValues: {
      programmeId: enrolment?.programmeId ?? null,
      entryDate: enrolment?.entryDate ?? person.today,
      exitDate: enrolment?.exitDate ?? null,
      exitReason: enrolment?.exitReason ?? null,
      plannedEndDate: enrolment?.plannedEndDate ?? null,
      reinforced: enrolment?.reinforced ?? false,
      referentId: enrolment ? enrolment.referentId : me.id,
    },
    validate: (v) =>
      enrolment
        ? bodyErrors(enrolmentUpdateSchema, { ...toInput(v), version: enrolment.version })
        : bodyErrors(enrolmentInputSchema, toInput(v)),
  })
  const save = useRecordMutation(
    person.id,
    form,
    (v: EnrolmentValues) =>
      enrolment
        ? recordApi.changeEnrolment(person.id, enrolment.id, { ...toInput(v), version: enrolment.version })
        : recordApi.addEnrolment(person.id, toInput(v)),
    onDone,
  )
  const options = (programmes.data ?? [])
    .filter((p) => p.active || p.id === enrolment?.programmeId)
    .map((p) => ({ value: p.id, label: `${p.code} — ${p.name}` }))

  return (
    <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack gap="md">
        <FormError error={save.error ?? programmes.error} title="Enregistrement impossible" />
        <Select
          label="Programme"
          required
          allowDeselect={false}
          data={options}
          searchable
          disabled={Boolean(enrolment)}
          data-autofocus
          {...form.getInputProps('programmeId')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField label="Entrée" required {...form.getInputProps('entryDate')} />
          <DateField label="Sortie" clearable {...form.getInputProps('exitDate')} />
          <Select
            label="Motif de sortie"
            data={exitReasonOptions}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': 'Aucun motif' }}
            {...form.getInputProps('exitReason')}
          />
          <CounsellorSelect siteId={person.siteId} {...form.getInputProps('referentId')} />
          <DateField
            label="Fin prévue"
            description="Un CEJ prolongé ou raccourci (vide : 12 mois après l’entrée)"
            clearable
            {...form.getInputProps('plannedEndDate')}
          />
        </SimpleGrid>
        <Switch label="Accompagnement renforcé" {...form.getInputProps('reinforced', { type: 'checkbox' })} />
        <FormActions saving={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  )
}
