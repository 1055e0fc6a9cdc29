import { Button, Group, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Agreement } from '../../../shared/reporting/reporting.schema.ts'
import { isApiError } from '../../api.ts'
import { AppModal } from '../../components/app-modal.tsx'
import { FormActions } from '../../components/form-actions.tsx'
import { applyFieldErrors, FormError } from '../../components/form-error.tsx'
import { DateField } from '../persons/date-field.tsx'
import { objectivesApi, objectivesKey } from './objectives.api.ts'
import { type AgreementValues, agreementBody, agreementErrors } from './objectives.bodies.ts'
import { StaleWarning } from './stale-warning.tsx'

/** Create (agreement absent) or edit a funder agreement, in a modal; an existing one can be deleted from it. */
export function AgreementFormModal({
  agreement,
  opened,
  onClose,
  onSaved,
}: {
  agreement?: Agreement
  opened: boolean
  onClose: () => void
  onSaved?: (agreement: Agreement) => void
}) {
  return (
    <AppModal
      opened={opened}
      onClose={onClose}
      title={agreement ? `Modifier la convention ${agreement.name}` : 'Nouvelle convention'}
      size="lg"
    >
      {opened && <AgreementForm agreement={agreement} onDone={onClose} onSaved={onSaved} />}
    </AppModal>
  )
}

function AgreementForm({
  agreement,
  onDone,
  onSaved,
}: {
  agreement?: Agreement
  onDone: () => void
  onSaved?: (agreement: Agreement) => void
}) {
  const queryClient = useQueryClient()
  const form = useForm<AgreementValues>({
    initialValues: {
      name: agreement?.name ?? '',
      funder: agreement?.funder ?? '',
      periodStart: agreement?.periodStart ?? null,
      periodEnd: agreement?.periodEnd ?? null,
    },
    validate: agreementErrors,
  })
  const reload = () => queryClient.invalidateQueries({ queryKey: objectivesKey })
  const save = useMutation({
    mutationFn: (values: AgreementValues) =>
      agreement
        ? objectivesApi.updateAgreement(agreement.id, { ...agreementBody(values), version: agreement.version })
        : objectivesApi.createAgreement(agreementBody(values)),
    onSuccess: async (saved) => {
      await reload()
      onSaved?.(saved)
      onDone()
    },
    onError: async (error) => {
      applyFieldErrors(form, error)
      // the next opening then starts from what the other person saved
      if (isApiError(error) && error.code === 'version_conflict') await reload()
    },
  })
  const remove = useMutation({
    mutationFn: () => objectivesApi.deleteAgreement(agreement?.id ?? ''),
    onSuccess: async () => {
      await reload()
      onDone()
    },
  })
  const failed = save.error ?? remove.error

  return (
    <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack gap="md">
        {isApiError(failed) && failed.code === 'version_conflict' ? (
          <StaleWarning changed="Cette convention a été modifiée" />
        ) : (
          <FormError error={failed} title="Enregistrement impossible" />
        )}
        <TextInput
          label="Nom"
          description="Ex. Protocole PLIE 2026, CPO Mission Locale 2025-2027"
          required
          data-autofocus
          {...form.getInputProps('name')}
        />
        <TextInput
          label="Financeur"
          description="Ex. Métropole, État, Région"
          required
          {...form.getInputProps('funder')}
        />
        <Group grow align="flex-start">
          <DateField label="Début" required {...form.getInputProps('periodStart')} />
          <DateField label="Fin" required {...form.getInputProps('periodEnd')} />
        </Group>
        <FormActions
          saving={save.isPending}
          onCancel={onDone}
          before={
            agreement && (
              <Button
                color="red"
                variant="subtle"
                mr="auto"
                loading={remove.isPending}
                onClick={() => {
                  if (window.confirm(`Supprimer la convention ${agreement.name} et tous ses objectifs ?`))
                    remove.mutate()
                }}
              >
                Supprimer la convention
              </Button>
            )
          }
        />
      </Stack>
    </form>
  )
}
