import { Button, Select, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Funding } from '../../../../shared/plie/funding.schema.ts'
import { funders } from '../../../../shared/plie/plie.nomenclature.ts'
import { isApiError } from '../../../api.ts'
import { AppModal } from '../../../components/app-modal.tsx'
import { FormActions } from '../../../components/form-actions.tsx'
import { applyFieldErrors, FormError } from '../../../components/form-error.tsx'
import { fundingApi } from './funding.api.ts'
import { eurosForInput, type FundingBody, type FundingValues, fundingBody } from './funding.bodies.ts'

const funderOptions = funders.codes.map((value) => ({ value, label: funders.labels[value] }))

/** Record (funding absent) or change an operation of the year, in a modal; change also deletes it. */
export function FundingFormModal({
  year,
  funding,
  opened,
  onClose,
}: {
  year: number
  funding?: Funding
  opened: boolean
  onClose: () => void
}) {
  return (
    <AppModal
      opened={opened}
      onClose={onClose}
      title={funding ? `Modifier l’opération ${funding.operation}` : `Nouvelle opération financée en ${year}`}
      size="lg"
    >
      {opened && <FundingForm year={year} funding={funding} onDone={onClose} />}
    </AppModal>
  )
}

function FundingForm({ year, funding, onDone }: { year: number; funding?: Funding; onDone: () => void }) {
  const queryClient = useQueryClient()
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['plie', 'funding'] })
  const form = useForm<FundingValues>({
    initialValues: {
      year: funding?.year ?? year,
      funder: funding?.funder ?? null,
      operation: funding?.operation ?? '',
      programmed: funding ? eurosForInput(funding.programmedCents) : '',
      realised: funding ? eurosForInput(funding.realisedCents) : '',
    },
    validate: (v) => fundingBody(v).errors,
  })
  const onError = async (error: unknown) => {
    applyFieldErrors(form, error)
    // someone else saved it meanwhile: the list shows their version, the message says to start again
    if (isApiError(error) && error.code === 'version_conflict') await refresh()
  }
  const save = useMutation({
    mutationFn: (body: FundingBody) =>
      funding ? fundingApi.update(funding.id, { ...body, version: funding.version }) : fundingApi.create(body),
    onSuccess: async () => {
      await refresh()
      onDone()
    },
    onError,
  })
  const remove = useMutation({
    mutationFn: () => fundingApi.remove(funding as Funding),
    onSuccess: async () => {
      await refresh()
      onDone()
    },
    onError,
  })

  return (
    <form noValidate onSubmit={form.onSubmit((values) => save.mutate(fundingBody(values).body))}>
      <Stack gap="md">
        <FormError error={save.error ?? remove.error} title="Enregistrement impossible" />
        <Select
          label="Financeur"
          placeholder="Choisissez"
          required
          data={funderOptions}
          allowDeselect={false}
          data-autofocus
          {...form.getInputProps('funder')}
        />
        <TextInput label="Opération" required {...form.getInputProps('operation')} />
        <TextInput
          label="Montant programmé (€)"
          description="Par exemple 12 500,00"
          required
          inputMode="decimal"
          {...form.getInputProps('programmed')}
        />
        <TextInput
          label="Montant réalisé (€)"
          description="Vide tant qu’il n’est pas connu : l’opération compte alors pour son montant programmé"
          inputMode="decimal"
          {...form.getInputProps('realised')}
        />
        <FormActions
          saving={save.isPending}
          onCancel={onDone}
          before={
            funding && (
              <Button
                color="red"
                variant="subtle"
                mr="auto"
                loading={remove.isPending}
                onClick={() => {
                  if (window.confirm(`Supprimer l’opération ${funding.operation} ?`)) remove.mutate()
                }}
              >
                Supprimer l’opération
              </Button>
            )
          }
        />
      </Stack>
    </form>
  )
}
