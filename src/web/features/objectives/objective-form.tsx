import { Button, NumberInput, Select, Stack, Text } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Agreement, CatalogueEntry, Objective } from '../../../shared/reporting/reporting.schema.ts'
import { isApiError } from '../../api.ts'
import { AppModal } from '../../components/app-modal.tsx'
import { FormActions } from '../../components/form-actions.tsx'
import { applyFieldErrors, FormError } from '../../components/form-error.tsx'
import { formatNumber, today } from '../../components/format.ts'
import { objectivesApi, objectivesKey } from './objectives.api.ts'
import {
  agreementYears,
  figureLabel,
  HEADLINE,
  indicatorOptions,
  type ObjectiveValues,
  objectiveBody,
  objectiveErrors,
  subFigureOptions,
  targetBody,
  targetErrors,
} from './objectives.bodies.ts'
import { StaleWarning } from './stale-warning.tsx'

/** Add (objective absent) or change the target of one of an agreement's yearly objectives, in a modal. */
export function ObjectiveFormModal({
  agreement,
  objective,
  catalogue,
  opened,
  onClose,
}: {
  agreement: Agreement
  objective?: Objective
  catalogue: readonly CatalogueEntry[]
  opened: boolean
  onClose: () => void
}) {
  return (
    <AppModal
      opened={opened}
      onClose={onClose}
      title={objective ? `Modifier l’objectif ${objective.year}` : `Nouvel objectif — ${agreement.name}`}
      size="lg"
    >
      {opened && <ObjectiveForm agreement={agreement} objective={objective} catalogue={catalogue} onDone={onClose} />}
    </AppModal>
  )
}

/** The year a new objective starts at: this year when the agreement covers it, else the agreement's first year. */
function defaultYear(agreement: Agreement): number {
  const { first, last } = agreementYears(agreement)
  const current = Number(today().slice(0, 4))
  return current >= first && current <= last ? current : first
}

function ObjectiveForm({
  agreement,
  objective,
  catalogue,
  onDone,
}: {
  agreement: Agreement
  objective?: Objective
  catalogue: readonly CatalogueEntry[]
  onDone: () => void
}) {
  const queryClient = useQueryClient()
  const form = useForm<ObjectiveValues>({
    initialValues: {
      indicatorId: objective?.indicatorId ?? null,
      subKey: objective?.subKey ?? HEADLINE,
      year: objective?.year ?? defaultYear(agreement),
      target: objective?.target ?? '',
    },
    validate: (v) => (objective ? targetErrors(v) : objectiveErrors(v, agreement)),
  })
  const entry = catalogue.find((e) => e.id === form.values.indicatorId)
  const reload = () => queryClient.invalidateQueries({ queryKey: objectivesKey })
  const save = useMutation({
    mutationFn: (values: ObjectiveValues) =>
      objective
        ? objectivesApi.updateObjective(objective.id, targetBody(values, objective.version))
        : objectivesApi.createObjective(objectiveBody(values, agreement.id)),
    onSuccess: async () => {
      await reload()
      onDone()
    },
    onError: async (error) => {
      applyFieldErrors(form, error)
      if (isApiError(error) && error.code === 'version_conflict') await reload()
    },
  })
  const remove = useMutation({
    mutationFn: () => objectivesApi.deleteObjective(objective?.id ?? ''),
    onSuccess: async () => {
      await reload()
      onDone()
    },
  })
  const failed = save.error ?? remove.error
  const { first, last } = agreementYears(agreement)

  return (
    <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack gap="md">
        {isApiError(failed) && failed.code === 'version_conflict' ? (
          <StaleWarning changed="Cet objectif a été modifié" />
        ) : (
          <FormError error={failed} title="Enregistrement impossible" />
        )}
        {objective ? (
          <Text>
            {entry ? `${entry.label} (${entry.id})` : objective.indicatorId} — {figureLabel(entry, objective.subKey)},
            année {objective.year}. Objectif actuel : {formatNumber(objective.target)}.
          </Text>
        ) : (
          <>
            <Select
              label="Indicateur"
              description="Le catalogue des indicateurs calculés par Jalon"
              placeholder="Choisissez"
              required
              searchable
              nothingFoundMessage="Aucun indicateur de ce nom"
              data={indicatorOptions(catalogue)}
              {...form.getInputProps('indicatorId')}
              onChange={(value) => {
                form.setFieldValue('indicatorId', value)
                form.setFieldValue('subKey', HEADLINE)
              }}
            />
            {entry && entry.objectiveKeys.length > 0 && (
              <Select
                label="Chiffre"
                description="La valeur principale, ou l’un des chiffres que l’indicateur détaille"
                required
                allowDeselect={false}
                data={subFigureOptions(entry)}
                {...form.getInputProps('subKey')}
              />
            )}
            <NumberInput
              label="Année"
              description={first === last ? `La convention porte sur ${first}` : `De ${first} à ${last}`}
              required
              min={first}
              max={last}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('year')}
            />
          </>
        )}
        <NumberInput
          label="Objectif"
          description="Le résultat attendu sur l’année (nombre de personnes, moyenne…)"
          required
          min={0}
          decimalScale={2}
          decimalSeparator=","
          thousandSeparator=" "
          allowNegative={false}
          data-autofocus={objective ? true : undefined}
          {...form.getInputProps('target')}
        />
        <FormActions
          saving={save.isPending}
          onCancel={onDone}
          before={
            objective && (
              <Button
                color="red"
                variant="subtle"
                mr="auto"
                loading={remove.isPending}
                onClick={() => {
                  if (window.confirm(`Supprimer l’objectif ${objective.year} ?`)) remove.mutate()
                }}
              >
                Supprimer l’objectif
              </Button>
            )
          }
        />
      </Stack>
    </form>
  )
}
