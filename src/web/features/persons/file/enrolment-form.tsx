import { Button, Group, Select, SimpleGrid, Stack, Switch } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useQuery } from '@tanstack/react-query'
import { type Enrolment, enrolmentExitReasons } from '../../../../shared/accompaniment/situations.schema.ts'
import type { PersonDetail } from '../../../../shared/persons/person.schema.ts'
import { AppModal } from '../../../components/app-modal.tsx'
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
  reinforced: boolean
  referentId: string | null
}

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
      reinforced: enrolment?.reinforced ?? false,
      referentId: enrolment ? enrolment.referentId : me.id,
    },
    validate: (v) => {
      const errors: Record<string, string> = {}
      if (!v.programmeId) errors.programmeId = 'Choisissez un programme.'
      if (!v.entryDate) errors.entryDate = 'Date d’entrée requise (jj/mm/aaaa).'
      if (v.entryDate && v.exitDate && v.exitDate < v.entryDate)
        errors.exitDate = 'La date de sortie précède la date d’entrée.'
      if (v.exitReason && !v.exitDate) errors.exitDate = 'Un motif de sortie demande une date de sortie.'
      return errors
    },
  })
  const save = useRecordMutation(
    person.id,
    form,
    (v: EnrolmentValues) => {
      const body = {
        programmeId: v.programmeId ?? '',
        entryDate: v.entryDate ?? '',
        exitDate: v.exitDate,
        exitReason: v.exitReason as Enrolment['exitReason'],
        reinforced: v.reinforced,
        referentId: v.referentId,
      }
      return enrolment
        ? recordApi.changeEnrolment(person.id, enrolment.id, { ...body, version: enrolment.version })
        : recordApi.addEnrolment(person.id, body)
    },
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
        </SimpleGrid>
        <Switch label="Accompagnement renforcé" {...form.getInputProps('reinforced', { type: 'checkbox' })} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Annuler
          </Button>
          <Button type="submit" loading={save.isPending}>
            Enregistrer
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
