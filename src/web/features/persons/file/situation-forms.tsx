import { Group, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useId } from 'react'
import {
  type AttributeKind,
  attributeLabels,
  sensitiveAttributes,
  sensitiveStatuses,
  statuses,
} from '../../../../shared/nomenclatures/person.ts'
import type { PersonDetail } from '../../../../shared/persons/person.schema.ts'
import {
  type AttributeInput,
  attributeInput,
  type StatusInput,
  type StatusPeriod,
  type StatusUpdateInput,
  statusInput,
  statusUpdateInput,
} from '../../../../shared/persons/situation.schema.ts'
import { AppModal } from '../../../components/app-modal.tsx'
import { bodyErrors } from '../../../components/body-errors.ts'
import { FormActions } from '../../../components/form-actions.tsx'
import { FormError } from '../../../components/form-error.tsx'
import { DateField } from '../date-field.tsx'
import { attributeOptions, labelOf, level2019Options, optionsOf, statusLabels } from '../labels.ts'
import { personsApi } from '../persons.api.ts'
import { SensitiveHint } from '../sensitive.tsx'
import { textOrNull, useRecordMutation } from '../use-record-mutation.ts'

/** Resources (welfare and disability benefits) only for those who may see them, as the server rules. */
const attributeChoices = (seeSensitive: boolean) =>
  optionsOf(attributeLabels).filter((o) => seeSensitive || !(sensitiveAttributes as string[]).includes(o.value))

interface AttributeValues {
  attribute: string | null
  value: string | null
  nomenclature: '2019' | '1969'
  level2019: string | null
  validFrom: string | null
}

function toAttributeInput(v: AttributeValues): AttributeInput {
  const attribute = v.attribute as AttributeKind
  if (attribute === 'education_level' && v.nomenclature === '2019')
    return { attribute, level2019: v.level2019 ? Number(v.level2019) : null, validFrom: v.validFrom ?? '' }
  return { attribute, value: v.value, validFrom: v.validFrom ?? '' }
}

/** The level in the 2019 nomenclature has its own field; the schema names a missing level under `value`. */
const validateAttribute = (v: AttributeValues) =>
  bodyErrors(attributeInput, toAttributeInput(v), (path) =>
    path === 'value' && v.attribute === 'education_level' && v.nomenclature === '2019' ? 'level2019' : path,
  )

/** A change of situation, recorded with the date it takes effect (history is kept, never overwritten). */
export function AttributeFormModal({
  person,
  opened,
  onClose,
}: {
  person: PersonDetail
  opened: boolean
  onClose: () => void
}) {
  return (
    <AppModal opened={opened} onClose={onClose} title="Enregistrer un changement de situation" size="lg">
      {opened && <AttributeForm person={person} onDone={onClose} />}
    </AppModal>
  )
}

function AttributeForm({ person, onDone }: { person: PersonDetail; onDone: () => void }) {
  const nomenclatureLabel = useId()
  const form = useForm<AttributeValues>({
    initialValues: { attribute: null, value: null, nomenclature: '2019', level2019: null, validFrom: person.today },
    validate: validateAttribute,
  })
  const save = useRecordMutation(
    person.id,
    form,
    (v: AttributeValues) => personsApi.addAttribute(person.id, toAttributeInput(v)),
    onDone,
  )
  const attribute = form.values.attribute as AttributeKind | null

  return (
    <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack gap="md">
        <FormError error={save.error} title="Enregistrement impossible" />
        <Select
          label="Élément de situation"
          required
          allowDeselect={false}
          data={attributeChoices(person.can.seeSensitive)}
          data-autofocus
          {...form.getInputProps('attribute')}
          onChange={(v) => {
            form.setFieldValue('attribute', v)
            form.setFieldValue('value', null)
          }}
        />
        {attribute === 'education_level' && (
          <Stack gap={4}>
            <Text size="sm" fw={500} id={nomenclatureLabel}>
              Nomenclature du niveau
            </Text>
            <SegmentedControl
              aria-labelledby={nomenclatureLabel}
              data={[
                { value: '2019', label: '2019 (1 à 8)' },
                { value: '1969', label: '1969 (VI à I)' },
              ]}
              {...form.getInputProps('nomenclature')}
            />
          </Stack>
        )}
        {attribute === 'education_level' && form.values.nomenclature === '2019' ? (
          <Select
            label="Nouveau niveau"
            required
            allowDeselect={false}
            data={level2019Options}
            {...form.getInputProps('level2019')}
          />
        ) : (
          <Select
            label="Nouvelle valeur"
            required
            allowDeselect={false}
            disabled={!attribute}
            data={attribute ? attributeOptions(attribute) : []}
            {...form.getInputProps('value')}
          />
        )}
        <DateField label="Date d’effet" required maxDate={person.today} {...form.getInputProps('validFrom')} />
        <FormActions saving={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  )
}

interface StatusValues {
  status: string | null
  startDate: string | null
  endDate: string | null
  detail: string
}

const statusDates = (v: StatusValues) => ({
  startDate: v.startDate ?? '',
  endDate: v.endDate,
  detail: textOrNull(v.detail),
})
/** POST /api/persons/:id/statuses */
const statusOpening = (v: StatusValues): StatusInput => ({
  ...statusDates(v),
  status: v.status as StatusPeriod['status'],
})
/** PUT /api/persons/:id/statuses/:statusId */
const statusChange = (v: StatusValues, version: number): StatusUpdateInput => ({ ...statusDates(v), version })

/** Opens a status period, or corrects / closes one (with the version read). */
export function StatusFormModal({
  person,
  status,
  opened,
  onClose,
}: {
  person: PersonDetail
  status?: StatusPeriod
  opened: boolean
  onClose: () => void
}) {
  return (
    <AppModal
      opened={opened}
      onClose={onClose}
      title={status ? `Statut : ${labelOf(statusLabels, status.status)}` : 'Ouvrir un statut'}
    >
      {opened && <StatusForm person={person} status={status} onDone={onClose} />}
    </AppModal>
  )
}

function StatusForm({ person, status, onDone }: { person: PersonDetail; status?: StatusPeriod; onDone: () => void }) {
  const options = optionsOf(statuses.labels).filter(
    (o) => person.can.seeSensitive || !(sensitiveStatuses as string[]).includes(o.value),
  )
  const form = useForm<StatusValues>({
    initialValues: {
      status: status?.status ?? null,
      startDate: status?.startDate ?? person.today,
      endDate: status?.endDate ?? null,
      detail: status?.detail ?? '',
    },
    validate: (v) =>
      status
        ? bodyErrors(statusUpdateInput, statusChange(v, status.version))
        : bodyErrors(statusInput, statusOpening(v)),
  })
  const save = useRecordMutation(
    person.id,
    form,
    (v: StatusValues) =>
      status
        ? personsApi.changeStatus(person.id, status.id, statusChange(v, status.version))
        : personsApi.addStatus(person.id, statusOpening(v)),
    onDone,
  )
  const sensitive = (sensitiveStatuses as string[]).includes(form.values.status ?? '')

  return (
    <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack gap="md">
        <FormError error={save.error} title="Enregistrement impossible" />
        {!status && (
          <Select
            label="Statut"
            required
            allowDeselect={false}
            data={options}
            data-autofocus
            {...form.getInputProps('status')}
          />
        )}
        {sensitive && <SensitiveHint />}
        <Group grow align="flex-start">
          <DateField label="Début" required maxDate={person.today} {...form.getInputProps('startDate')} />
          <DateField label="Fin" description="Vide tant qu’il dure" clearable {...form.getInputProps('endDate')} />
        </Group>
        <Textarea label="Détail" autosize minRows={2} maxLength={500} {...form.getInputProps('detail')} />
        <FormActions saving={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  )
}
