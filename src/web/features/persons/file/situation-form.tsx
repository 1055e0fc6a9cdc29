import { Button, Group, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import {
  type Situation,
  type SituationInput,
  situationInputSchema,
  situationUpdateSchema,
} from '../../../../shared/accompaniment/situations.schema.ts'
import type { PersonDetail } from '../../../../shared/persons/person.schema.ts'
import { AppModal } from '../../../components/app-modal.tsx'
import { bodyErrors } from '../../../components/body-errors.ts'
import { FormError } from '../../../components/form-error.tsx'
import { DateField } from '../date-field.tsx'
import { situationKindGroups } from '../labels.ts'
import { recordApi } from '../record.api.ts'
import { numberOrNull, textOrNull, useRecordMutation } from '../use-record-mutation.ts'

interface SituationValues {
  kind: string | null
  startDate: string | null
  plannedEndDate: string | null
  endDate: string | null
  organisationName: string
  hoursPerWeek: number | string
  note: string
}

const toInput = (v: SituationValues): SituationInput => ({
  kind: v.kind as Situation['kind'],
  startDate: v.startDate ?? '',
  plannedEndDate: v.plannedEndDate,
  endDate: v.endDate,
  organisationName: textOrNull(v.organisationName),
  hoursPerWeek: numberOrNull(v.hoursPerWeek),
  note: textOrNull(v.note),
})

/** A job, work-study contract, training course…: dated, with its planned and actual end. */
export function SituationFormModal({
  person,
  situation,
  opened,
  onClose,
}: {
  person: PersonDetail
  situation?: Situation
  opened: boolean
  onClose: () => void
}) {
  return (
    <AppModal
      opened={opened}
      onClose={onClose}
      title={situation ? `Modifier : ${situation.kindLabel}` : 'Nouvelle situation'}
      size="lg"
    >
      {opened && <SituationForm person={person} situation={situation} onDone={onClose} />}
    </AppModal>
  )
}

function SituationForm({
  person,
  situation,
  onDone,
}: {
  person: PersonDetail
  situation?: Situation
  onDone: () => void
}) {
  const form = useForm<SituationValues>({
    initialValues: {
      kind: situation?.kind ?? null,
      startDate: situation?.startDate ?? person.today,
      plannedEndDate: situation?.plannedEndDate ?? null,
      endDate: situation?.endDate ?? null,
      organisationName: situation?.organisationName ?? '',
      hoursPerWeek: situation?.hoursPerWeek ?? '',
      note: situation?.note ?? '',
    },
    validate: (v) =>
      situation
        ? bodyErrors(situationUpdateSchema, { ...toInput(v), version: situation.version })
        : bodyErrors(situationInputSchema, toInput(v)),
  })
  const save = useRecordMutation(
    person.id,
    form,
    (v: SituationValues) =>
      situation
        ? recordApi.changeSituation(person.id, situation.id, { ...toInput(v), version: situation.version })
        : recordApi.addSituation(person.id, toInput(v)),
    onDone,
  )

  const remove = useRecordMutation(person.id, null, (id: string) => recordApi.removeSituation(person.id, id), onDone)
  return (
    <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack gap="md">
        <FormError error={save.error ?? remove.error} title="Enregistrement impossible" />
        <Select
          label="Type de situation"
          required
          allowDeselect={false}
          data={situationKindGroups}
          searchable
          data-autofocus
          {...form.getInputProps('kind')}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DateField label="Début" required {...form.getInputProps('startDate')} />
          <DateField label="Fin prévue" clearable {...form.getInputProps('plannedEndDate')} />
          <DateField
            label="Fin réelle"
            description="Vide tant qu’elle dure"
            clearable
            {...form.getInputProps('endDate')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Employeur ou organisme de formation"
            maxLength={200}
            {...form.getInputProps('organisationName')}
          />
          <NumberInput
            label="Heures par semaine"
            min={0}
            max={80}
            decimalSeparator=","
            {...form.getInputProps('hoursPerWeek')}
          />
        </SimpleGrid>
        <Textarea label="Note" autosize minRows={2} maxLength={4000} {...form.getInputProps('note')} />
        <Group justify="flex-end">
          {situation && (
            <Button
              variant="subtle"
              color="red"
              mr="auto"
              loading={remove.isPending}
              onClick={() => {
                if (window.confirm('Supprimer la situation ? La suppression est tracée dans le journal.'))
                  remove.mutate(situation.id)
              }}
            >
              Supprimer la situation
            </Button>
          )}
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
