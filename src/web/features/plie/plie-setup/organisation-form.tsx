import { NumberInput, Select, Stack, Switch, TextInput } from '@mantine/core'
import { schemaResolver, useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import {
  type Organisation,
  organisationInputSchema,
  type organisationKindSchema,
} from '../../../../shared/plie/organisations.schema.ts'
import { organisationKinds } from '../../../../shared/plie/plie.nomenclature.ts'
import { isApiError } from '../../../api.ts'
import { AppModal } from '../../../components/app-modal.tsx'
import { FormActions } from '../../../components/form-actions.tsx'
import { applyFieldErrors, FormError } from '../../../components/form-error.tsx'
import { type OrganisationInput, organisationsQuery, setupApi } from './setup.api.ts'

type Kind = (typeof organisationKindSchema)['options'][number]

interface OrganisationValues {
  /** null until chosen */
  kind: Kind | null
  name: string
  agreement: string
  /** '' while empty */
  places: number | string
  active: boolean
}

const toInput = (v: OrganisationValues): OrganisationInput => ({
  // left empty, the schema answers « Type de structure inconnu. » under the field
  kind: v.kind as Kind,
  name: v.name,
  agreement: v.agreement.trim() === '' ? null : v.agreement,
  places: v.places === '' ? null : Number(v.places),
  active: v.active,
})

const kindOptions = organisationKinds.codes.map((value) => ({ value, label: organisationKinds.labels[value] }))

/** Create (organisation absent) or edit a host organisation or partner, in a modal. */
export function OrganisationFormModal({
  organisation,
  opened,
  onClose,
}: {
  organisation?: Organisation
  opened: boolean
  onClose: () => void
}) {
  return (
    <AppModal
      opened={opened}
      onClose={onClose}
      title={organisation ? `Modifier ${organisation.name}` : 'Nouvelle structure ou nouveau partenaire'}
      size="lg"
    >
      {opened && <OrganisationForm organisation={organisation} onDone={onClose} />}
    </AppModal>
  )
}

function OrganisationForm({ organisation, onDone }: { organisation?: Organisation; onDone: () => void }) {
  const queryClient = useQueryClient()
  const form = useForm<OrganisationValues>({
    initialValues: {
      kind: organisation?.kind ?? null,
      name: organisation?.name ?? '',
      agreement: organisation?.agreement ?? '',
      places: organisation?.places ?? '',
      active: organisation?.active ?? true,
    },
    validate: (v) => schemaResolver(organisationInputSchema, { sync: true })(toInput(v)),
  })
  const save = useMutation({
    mutationFn: (input: OrganisationInput) =>
      organisation
        ? setupApi.updateOrganisation(organisation.id, { ...input, version: organisation.version })
        : setupApi.createOrganisation(input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: organisationsQuery.queryKey })
      onDone()
    },
    onError: async (error) => {
      applyFieldErrors(form, error)
      // someone else saved it meanwhile: the list shows their version, the message says to start again
      if (isApiError(error) && error.code === 'version_conflict')
        await queryClient.invalidateQueries({ queryKey: organisationsQuery.queryKey })
    },
  })

  return (
    <form noValidate onSubmit={form.onSubmit((values) => save.mutate(toInput(values)))}>
      <Stack gap="md">
        <FormError error={save.error} title="Enregistrement impossible" />
        <Select
          label="Type de structure"
          placeholder="Choisissez"
          required
          data={kindOptions}
          allowDeselect={false}
          data-autofocus
          {...form.getInputProps('kind')}
        />
        <TextInput label="Nom" required {...form.getInputProps('name')} />
        <TextInput
          label="Conventionnement"
          description="La convention ou l’agrément sous lequel elle travaille, tel qu’il est rédigé"
          {...form.getInputProps('agreement')}
        />
        <NumberInput
          label="Places d’insertion"
          description="Vide : sans objet"
          min={0}
          max={100000}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator=" "
          {...form.getInputProps('places')}
        />
        <Switch label="Structure active" {...form.getInputProps('active', { type: 'checkbox' })} />
        <FormActions saving={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  )
}
