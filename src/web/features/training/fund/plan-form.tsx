import { Button, Fieldset, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { ProfPlan } from '../../../../shared/training/fund.schema.ts'
import { isApiError } from '../../../api.ts'
import { AppModal } from '../../../components/app-modal.tsx'
import { FormActions } from '../../../components/form-actions.tsx'
import { FormError } from '../../../components/form-error.tsx'
import { PersonPicker, type PickedPerson } from '../../agenda/person-picker.tsx'
import { DateField } from '../../persons/date-field.tsx'
import { catalogueBodiesQuery, fundApi, refreshFund } from './fund.api.ts'
import { emptyCofunding, type PlanValues, planBody, planValues, serverErrors } from './fund.bodies.ts'
import { cofunderKindOptions, contractOptions } from './fund.labels.ts'

/** « Nouveau plan » (plan absent) or a plan's change while it awaits the committee, in a modal. */
export function PlanFormModal({
  plan,
  opened,
  onClose,
  onSaved,
}: {
  plan?: ProfPlan
  opened: boolean
  onClose: () => void
  onSaved?: (plan: ProfPlan) => void
}) {
  return (
    <AppModal
      opened={opened}
      onClose={onClose}
      title={plan ? `Modifier le plan de ${plan.personName}` : 'Nouveau plan de formation'}
      size="xl"
    >
      {opened && <PlanForm plan={plan} onDone={onClose} onSaved={onSaved} />}
    </AppModal>
  )
}

function PlanForm({ plan, onDone, onSaved }: { plan?: ProfPlan; onDone: () => void; onSaved?: (p: ProfPlan) => void }) {
  const client = useQueryClient()
  const bodies = useQuery(catalogueBodiesQuery)
  const [person, setPerson] = useState<PickedPerson[]>(plan ? [{ id: plan.personId, label: plan.personName }] : [])
  const form = useForm<PlanValues>({ initialValues: planValues(plan), validate: (v) => planBody(v).errors })
  const save = useMutation({
    mutationFn: (v: PlanValues) => {
      const { body } = planBody(v)
      return plan ? fundApi.updatePlan(plan.id, { ...body, version: plan.version }) : fundApi.createPlan(body)
    },
    onSuccess: async (saved) => {
      await refreshFund(client)
      onSaved?.(saved)
      onDone()
    },
    onError: async (error) => {
      form.setErrors(serverErrors(error))
      if (isApiError(error) && error.status === 409) await refreshFund(client)
    },
  })
  const input = (field: string) => form.getInputProps(field)
  const bodyOptions = (bodies.data ?? []).filter((b) => b.active || b.id === plan?.bodyId)
  return (
    <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack gap="sm">
        <FormError error={save.error} title="Enregistrement impossible" />
        <PersonPicker
          value={person}
          max={1}
          error={form.errors.personId}
          onChange={(picked) => {
            setPerson(picked)
            form.setFieldValue('personId', picked[0]?.id ?? '')
          }}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Employeur" required maxLength={200} {...input('employerName')} />
          <TextInput
            label="SIRET de l’employeur"
            description="14 chiffres"
            inputMode="numeric"
            {...input('employerSiret')}
          />
          <Select
            label="Contrat aidé"
            required
            data={contractOptions}
            allowDeselect={false}
            {...input('contractKind')}
          />
          <div />
          <DateField label="Début du contrat" clearable {...input('contractStart')} />
          <DateField label="Fin du contrat" clearable {...input('contractEnd')} />
        </SimpleGrid>
        <TextInput label="Formation" required maxLength={300} {...input('trainingTitle')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Organisme du catalogue"
            description="Sinon, écrivez son nom à côté"
            data={bodyOptions.map((b) => ({ value: b.id, label: b.name }))}
            searchable
            clearable
            nothingFoundMessage="Aucun organisme"
            {...input('bodyId')}
          />
          <TextInput
            label="Organisme hors catalogue"
            maxLength={200}
            disabled={Boolean(form.values.bodyId)}
            {...input('bodyName')}
          />
          <TextInput label="Heures de formation" required inputMode="numeric" {...input('hours')} />
          <TextInput label="Coût total (€)" required inputMode="decimal" {...input('totalCost')} />
          <TextInput label="Part du fonds (€)" required inputMode="decimal" {...input('fund')} />
        </SimpleGrid>
        <Fieldset legend="Cofinanceurs">
          <Stack gap="xs">
            {form.values.cofunding.length === 0 && <Text size="sm">Aucun cofinanceur.</Text>}
            {form.values.cofunding.map((_, i) => (
              // rows have no identity but their place; removing one re-renders the following ones
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <Group key={i} align="flex-start" wrap="wrap" gap="xs">
                <TextInput
                  label={`Cofinanceur ${i + 1}`}
                  required
                  maxLength={200}
                  style={{ flex: 2, minWidth: 160 }}
                  {...input(`cofunding.${i}.cofunder`)}
                />
                <Select
                  label="Type"
                  required
                  data={cofunderKindOptions}
                  allowDeselect={false}
                  style={{ flex: 2, minWidth: 160 }}
                  {...input(`cofunding.${i}.kind`)}
                />
                <TextInput
                  label="Montant (€)"
                  required
                  inputMode="decimal"
                  style={{ flex: 1, minWidth: 110 }}
                  {...input(`cofunding.${i}.amount`)}
                />
                <Button
                  variant="subtle"
                  color="red"
                  mt={24}
                  onClick={() => form.removeListItem('cofunding', i)}
                  aria-label={`Retirer le cofinanceur ${i + 1}`}
                >
                  Retirer
                </Button>
              </Group>
            ))}
            {typeof form.errors.cofunding === 'string' && (
              <Text size="sm" c="red.9" role="alert">
                {form.errors.cofunding}
              </Text>
            )}
            <Group>
              <Button
                variant="light"
                onClick={() => form.insertListItem('cofunding', emptyCofunding())}
                disabled={form.values.cofunding.length >= 20}
              >
                Ajouter un cofinanceur
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <FormActions saving={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  )
}
