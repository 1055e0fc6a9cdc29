import { NumberInput, Select, SimpleGrid, Stack, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useQuery } from '@tanstack/react-query'
import {
  type Proposition,
  type PropositionInput,
  type PropositionThemeItem,
  propositionInputSchema,
  propositionUpdateSchema,
} from '../../../../shared/accompaniment/accompaniment.schema.ts'
import type { PersonDetail } from '../../../../shared/persons/person.schema.ts'
import { AppModal } from '../../../components/app-modal.tsx'
import { bodyErrors } from '../../../components/body-errors.ts'
import { FormActions } from '../../../components/form-actions.tsx'
import { FormError } from '../../../components/form-error.tsx'
import { DateField } from '../date-field.tsx'
import { domainOptions, outcomeOptions } from '../labels.ts'
import { recordApi, themesQuery } from '../record.api.ts'
import { SensitiveHint } from '../sensitive.tsx'
import { numberOrNull, textOrNull, useRecordMutation } from '../use-record-mutation.ts'

/** The themes of a domain that this reader may use (health only for those who follow the person). */
export function themeOptions(
  themes: PropositionThemeItem[] | undefined,
  domain: string | null | undefined,
  seeSensitive: boolean,
  keep?: string,
) {
  return (themes ?? [])
    .filter((t) => t.domain === domain && (t.active || t.code === keep) && (seeSensitive || !t.sensitive))
    .map((t) => ({ value: t.code, label: t.local ? `${t.label} (local)` : t.label }))
}

interface PropositionValues {
  date: string | null
  domain: string | null
  theme: string | null
  outcome: string
  durationMinutes: number | string
  text: string
}

const toInput = (v: PropositionValues): PropositionInput => ({
  date: v.date ?? '',
  domain: v.domain as Proposition['domain'],
  theme: v.theme ?? '',
  outcome: v.outcome as Proposition['outcome'],
  durationMinutes: numberOrNull(v.durationMinutes),
  text: textOrNull(v.text),
})

export function PropositionFormModal({
  person,
  proposition,
  opened,
  onClose,
}: {
  person: PersonDetail
  proposition?: Proposition
  opened: boolean
  onClose: () => void
}) {
  return (
    <AppModal
      opened={opened}
      onClose={onClose}
      title={proposition ? 'Modifier la proposition' : 'Nouvelle proposition'}
      size="lg"
    >
      {opened && <PropositionForm person={person} proposition={proposition} onDone={onClose} />}
    </AppModal>
  )
}

function PropositionForm({
  person,
  proposition,
  onDone,
}: {
  person: PersonDetail
  proposition?: Proposition
  onDone: () => void
}) {
  const themes = useQuery(themesQuery)
  const form = useForm<PropositionValues>({
    initialValues: {
      date: proposition?.date ?? person.today,
      domain: proposition?.domain ?? null,
      theme: proposition?.theme ?? null,
      outcome: proposition?.outcome ?? 'pending',
      durationMinutes: proposition?.durationMinutes ?? '',
      text: proposition?.text ?? '',
    },
    validate: (v) =>
      proposition
        ? bodyErrors(propositionUpdateSchema, { ...toInput(v), version: proposition.version })
        : bodyErrors(propositionInputSchema, toInput(v)),
  })
  const save = useRecordMutation(
    person.id,
    form,
    (v: PropositionValues) =>
      proposition
        ? recordApi.changeProposition(person.id, proposition.id, { ...toInput(v), version: proposition.version })
        : recordApi.addProposition(person.id, toInput(v)),
    onDone,
  )
  const options = themeOptions(themes.data, form.values.domain, person.can.seeSensitive, proposition?.theme)
  const sensitive = themes.data?.find((t) => t.code === form.values.theme)?.sensitive

  return (
    <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack gap="md">
        <FormError error={save.error ?? themes.error} title="Enregistrement impossible" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField label="Date" required {...form.getInputProps('date')} />
          <Select
            label="Suite donnée"
            required
            data={outcomeOptions}
            allowDeselect={false}
            {...form.getInputProps('outcome')}
          />
          <Select
            label="Domaine"
            required
            allowDeselect={false}
            data={domainOptions}
            data-autofocus
            {...form.getInputProps('domain')}
            onChange={(v) => {
              form.setFieldValue('domain', v)
              form.setFieldValue('theme', null)
            }}
          />
          <Select
            label="Thème"
            required
            allowDeselect={false}
            description={form.values.domain ? undefined : 'Choisissez d’abord le domaine'}
            disabled={!form.values.domain}
            data={options}
            searchable
            nothingFoundMessage="Aucun thème"
            {...form.getInputProps('theme')}
          />
          <NumberInput
            label="Durée (minutes)"
            min={0}
            max={1440}
            step={15}
            allowDecimal={false}
            {...form.getInputProps('durationMinutes')}
          />
        </SimpleGrid>
        {sensitive && <SensitiveHint />}
        <Textarea label="Description" autosize minRows={3} maxLength={4000} {...form.getInputProps('text')} />
        <FormActions saving={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  )
}
