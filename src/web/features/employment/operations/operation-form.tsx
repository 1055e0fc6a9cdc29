import { Button, Group, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { type Operation, type OperationInput, operationInput } from '../../../../shared/employment/operations.schema.ts'
import { isApiError } from '../../../api.ts'
import { bodyErrors } from '../../../components/body-errors.ts'
import { FormError } from '../../../components/form-error.tsx'
import { Page } from '../../../components/page.tsx'
import { DateField } from '../../persons/date-field.tsx'
import { EmployerPicker } from '../offers/employer-picker.tsx'
import { operationsApi, refreshOperations } from './operations.api.ts'
import { operationStatusOptions } from './operations.labels.ts'

// An operation's form (docs/employment/operations.md): the employer, the positions, the profile, the method, the
// partners, the dates and the status. The body is checked with the API's own schema; the server's messages land next to
// their fields.

interface Values {
  employerId: string | null
  title: string
  sector: string
  positions: number | string
  profile: string
  method: string
  partners: string
  startsOn: string | null
  endsOn: string | null
  status: string
}

const valuesOf = (o: Operation | null): Values => ({
  employerId: o?.employer.id ?? null,
  title: o?.title ?? '',
  sector: o?.sector ?? '',
  positions: o?.positions ?? 1,
  profile: o?.profile ?? '',
  method: o?.method ?? '',
  partners: o?.partners ?? '',
  startsOn: o?.startsOn ?? null,
  endsOn: o?.endsOn ?? null,
  status: o?.status ?? 'running',
})
const bodyOf = (v: Values) => ({
  employerId: v.employerId ?? '',
  title: v.title,
  sector: v.sector.trim() || null,
  positions: v.positions === '' ? 0 : Number(v.positions),
  profile: v.profile.trim() || null,
  method: v.method.trim() || null,
  partners: v.partners.trim() || null,
  startsOn: v.startsOn ?? '',
  endsOn: v.endsOn || null,
  status: v.status,
})

export function OperationForm({
  operation,
  onSaved,
  onCancel,
}: {
  operation: Operation | null
  onSaved: (o: Operation) => void
  onCancel: () => void
}) {
  const client = useQueryClient()
  const form = useForm<Values>({
    initialValues: valuesOf(operation),
    validate: (v) => bodyErrors(operationInput, bodyOf(v)),
  })
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = operationInput.parse(bodyOf(v)) as OperationInput
      return operation
        ? operationsApi.update(operation.id, { ...body, version: operation.version })
        : operationsApi.create(body)
    },
    onSuccess: onSaved,
    onError: (error) => {
      if (isApiError(error)) form.setErrors(error.fieldErrors())
    },
    onSettled: () => refreshOperations(client),
  })
  return (
    <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))} aria-label="Opération de recrutement">
      <Stack gap="sm" maw={880}>
        <FormError error={save.error} title="Enregistrement impossible" />
        <EmployerPicker
          initial={operation ? { id: operation.employer.id, name: operation.employer.name } : null}
          value={form.values.employerId}
          onChange={(id) => form.setFieldValue('employerId', id)}
          error={form.errors.employerId}
        />
        <TextInput label="Intitulé de l’opération" required maxLength={200} {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <TextInput label="Secteur" maxLength={200} {...form.getInputProps('sector')} />
          <NumberInput
            label="Postes à pourvoir"
            required
            min={1}
            allowDecimal={false}
            {...form.getInputProps('positions')}
          />
          <DateField label="Début" required {...form.getInputProps('startsOn')} />
          <DateField label="Fin" {...form.getInputProps('endsOn')} />
        </SimpleGrid>
        <Textarea label="Profil recherché" autosize minRows={2} {...form.getInputProps('profile')} />
        <Textarea label="Méthode de recrutement" autosize minRows={2} {...form.getInputProps('method')} />
        <Textarea label="Partenaires" autosize minRows={1} {...form.getInputProps('partners')} />
        <Select
          label="Statut"
          data={operationStatusOptions}
          allowDeselect={false}
          w={220}
          {...form.getInputProps('status')}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            Enregistrer
          </Button>
          <Button variant="default" onClick={onCancel}>
            Annuler
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

export function NewOperationPage() {
  const navigate = useNavigate()
  return (
    <Page title="Nouvelle opération de recrutement">
      <OperationForm
        operation={null}
        onSaved={(o) => navigate({ to: '/emploi/operations/$id', params: { id: o.id } })}
        onCancel={() => navigate({ to: '/emploi/operations' })}
      />
    </Page>
  )
}
