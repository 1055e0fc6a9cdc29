import { Group, NumberInput, Select, Stack, Switch, TextInput } from '@mantine/core'
import { schemaResolver, useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import {
  type Programme,
  type ProgrammeType,
  programmeInputSchema,
  programmeTypeLabels,
  programmeTypes,
} from '../../../shared/admin/admin.schema.ts'
import { isApiError } from '../../api.ts'
import { AppModal } from '../../components/app-modal.tsx'
import { FormActions } from '../../components/form-actions.tsx'
import { applyFieldErrors, FormError } from '../../components/form-error.tsx'
import { adminApi, type ProgrammeInput, programmeKindLabels, programmesQuery } from './admin.api.ts'

/** The server's rule when a programme sets none (see programmeInputSchema). */
export const DEFAULT_CONTACT_DAYS = 90

interface ProgrammeValues {
  code: string
  name: string
  active: boolean
  kind: Programme['kind']
  /** null until the admin chooses */
  type: ProgrammeType | null
  /** '' while the field is empty */
  contactDays: number | string
  contactDaysDuringStep: number | string
}

const days = (value: number | string) => (value === '' || value === null ? null : Number(value))
const normalise = (v: ProgrammeValues): ProgrammeInput => ({
  ...v,
  // left empty, the schema answers 'Nature de programme inconnue.' under the field
  type: v.type as ProgrammeType,
  code: v.code.trim().toUpperCase(),
  contactDays: days(v.contactDays),
  contactDaysDuringStep: days(v.contactDaysDuringStep),
})

const kindOptions = [
  { value: 'service', label: `${programmeKindLabels.service} (suit les personnes, délimite les accès : ML, PLIE…)` },
  { value: 'scheme', label: `${programmeKindLabels.scheme} (une entrée en dispositif : CEJ, PACEA…)` },
]

const typeOptions = programmeTypes.map((value) => ({ value, label: programmeTypeLabels[value] }))

/** Create (programme absent) or edit a programme, in a modal. */
export function ProgrammeFormModal({
  programme,
  opened,
  onClose,
}: {
  programme?: Programme
  opened: boolean
  onClose: () => void
}) {
  return (
    <AppModal
      opened={opened}
      onClose={onClose}
      title={programme ? `Modifier le programme ${programme.name}` : 'Nouveau programme'}
      size="lg"
    >
      {opened && <ProgrammeForm programme={programme} onDone={onClose} />}
    </AppModal>
  )
}

function ProgrammeForm({ programme, onDone }: { programme?: Programme; onDone: () => void }) {
  const queryClient = useQueryClient()
  const form = useForm<ProgrammeValues>({
    initialValues: {
      code: programme?.code ?? '',
      name: programme?.name ?? '',
      active: programme?.active ?? true,
      kind: programme?.kind ?? 'service',
      type: programme?.type ?? null,
      contactDays: programme?.contactDays ?? '',
      contactDaysDuringStep: programme?.contactDaysDuringStep ?? '',
    },
    validate: (v) => schemaResolver(programmeInputSchema, { sync: true })(normalise(v)),
  })
  const save = useMutation({
    mutationFn: (values: ProgrammeInput) =>
      programme
        ? adminApi.updateProgramme(programme.id, { ...values, version: programme.version })
        : adminApi.createProgramme(values),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: programmesQuery.queryKey })
      onDone()
    },
    onError: async (error) => {
      applyFieldErrors(form, error)
      if (isApiError(error) && error.code === 'version_conflict')
        await queryClient.invalidateQueries({ queryKey: programmesQuery.queryKey })
    },
  })

  return (
    <form noValidate onSubmit={form.onSubmit((values) => save.mutate(normalise(values)))}>
      <Stack gap="md">
        <FormError error={save.error} title="Enregistrement impossible" />
        <Group grow align="flex-start">
          <TextInput
            label="Code"
            description="Majuscules, chiffres ou _ (ex. CEJ, PLIE_2026)"
            required
            data-autofocus
            {...form.getInputProps('code')}
          />
          <TextInput label="Nom" required {...form.getInputProps('name')} />
        </Group>
        <Select label="Type" required data={kindOptions} allowDeselect={false} {...form.getInputProps('kind')} />
        <Select
          label="Nature"
          description={
            programme?.inUse
              ? 'Fixée : des personnes sont inscrites à ce programme, les chiffres passés en dépendent.'
              : 'Ce que le rapport d’activité reconnaît, quel que soit le code.'
          }
          placeholder="Choisissez"
          required
          data={typeOptions}
          allowDeselect={false}
          disabled={programme?.inUse}
          {...form.getInputProps('type')}
        />
        <Group grow align="flex-start">
          <NumberInput
            label="Alerte sans contact (jours)"
            description={`Vide : ${DEFAULT_CONTACT_DAYS} jours`}
            min={1}
            max={730}
            allowDecimal={false}
            {...form.getInputProps('contactDays')}
          />
          <NumberInput
            label="Pendant une étape (jours)"
            description="Vide : la même règle"
            min={1}
            max={730}
            allowDecimal={false}
            {...form.getInputProps('contactDaysDuringStep')}
          />
        </Group>
        <Switch label="Programme actif" {...form.getInputProps('active', { type: 'checkbox' })} />
        <FormActions saving={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  )
}
