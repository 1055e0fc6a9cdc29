import { Button, Group, Radio, Stack, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { ProfPlan } from '../../../../shared/training/fund.schema.ts'
import { isApiError } from '../../../api.ts'
import { AppModal } from '../../../components/app-modal.tsx'
import { FormActions } from '../../../components/form-actions.tsx'
import { FormError } from '../../../components/form-error.tsx'
import { formatEuros, today } from '../../../components/format.ts'
import { DateField } from '../../persons/date-field.tsx'
import { fundApi, refreshFund } from './fund.api.ts'
import { type DecisionValues, decisionBody, eurosForInput, reimbursementBody, serverErrors } from './fund.bodies.ts'
import { PlanFormModal } from './plan-form.tsx'

type Dialog = 'edit' | 'decision' | 'reimbursement' | 'cancel' | null

/** What the training officer does on a plan, by its state: edit and decide (to present), reimburse, cancel. */
export function PlanActions({ plan }: { plan: ProfPlan }) {
  const [dialog, setDialog] = useState<Dialog>(null)
  const close = () => setDialog(null)
  const submitted = plan.status === 'submitted'
  const validated = plan.status === 'validated'
  const cancellable = submitted || (validated && !plan.reimbursedCents)
  return (
    <>
      <Group>
        {submitted && <Button onClick={() => setDialog('decision')}>Décision du comité</Button>}
        {submitted && (
          <Button variant="light" onClick={() => setDialog('edit')}>
            Modifier le plan
          </Button>
        )}
        {validated && <Button onClick={() => setDialog('reimbursement')}>Enregistrer le remboursement</Button>}
        {cancellable && (
          <Button variant="subtle" color="red" onClick={() => setDialog('cancel')}>
            Annuler le plan
          </Button>
        )}
      </Group>
      <PlanFormModal plan={plan} opened={dialog === 'edit'} onClose={close} />
      <AppModal opened={dialog === 'decision'} onClose={close} title="Décision du comité du fonds">
        {dialog === 'decision' && <DecisionForm plan={plan} onDone={close} />}
      </AppModal>
      <AppModal opened={dialog === 'reimbursement'} onClose={close} title="Remboursement à l’employeur">
        {dialog === 'reimbursement' && <ReimbursementForm plan={plan} onDone={close} />}
      </AppModal>
      <AppModal opened={dialog === 'cancel'} onClose={close} title="Annuler le plan">
        {dialog === 'cancel' && <CancelForm plan={plan} onDone={close} />}
      </AppModal>
    </>
  )
}

/** the mutation's common end: refresh every fund query; on a conflict the page shows the current state */
function useFundMutation<V>(
  fn: (v: V) => Promise<unknown>,
  onDone: () => void,
  setErrors: (e: Record<string, string>) => void,
) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await refreshFund(client)
      onDone()
    },
    onError: async (error) => {
      setErrors(serverErrors(error))
      if (isApiError(error) && error.status === 409) await refreshFund(client)
    },
  })
}

function DecisionForm({ plan, onDone }: { plan: ProfPlan; onDone: () => void }) {
  const form = useForm<DecisionValues>({
    initialValues: { decision: 'validated', committeeDate: today(), note: '' },
    validate: (v) => decisionBody(v, plan.version).errors,
  })
  const save = useFundMutation(
    (v: DecisionValues) => fundApi.decide(plan.id, decisionBody(v, plan.version).body),
    onDone,
    form.setErrors,
  )
  return (
    <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack gap="sm">
        <FormError error={save.error} title="Décision impossible" />
        <Radio.Group label="Décision" required {...form.getInputProps('decision')}>
          <Group mt="xs">
            <Radio value="validated" label={`Validé (engage ${formatEuros(plan.fundCents)})`} />
            <Radio value="refused" label="Refusé" />
          </Group>
        </Radio.Group>
        <DateField label="Date du comité" required {...form.getInputProps('committeeDate')} />
        <Textarea
          label={form.values.decision === 'refused' ? 'Motif du refus' : 'Observation'}
          required={form.values.decision === 'refused'}
          autosize
          minRows={2}
          maxLength={2000}
          {...form.getInputProps('note')}
        />
        <FormActions saving={save.isPending} onCancel={onDone} submitLabel="Enregistrer la décision" />
      </Stack>
    </form>
  )
}

function ReimbursementForm({ plan, onDone }: { plan: ProfPlan; onDone: () => void }) {
  const form = useForm({
    initialValues: { reimbursed: eurosForInput(plan.reimbursedCents ?? plan.fundCents) },
    validate: (v) => reimbursementBody(v.reimbursed, plan.version).errors,
  })
  const save = useFundMutation(
    (v: { reimbursed: string }) => fundApi.reimburse(plan.id, reimbursementBody(v.reimbursed, plan.version).body),
    onDone,
    form.setErrors,
  )
  return (
    <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack gap="sm">
        <FormError error={save.error} title="Enregistrement impossible" />
        <TextInput
          label="Montant remboursé à ce jour (€)"
          description={`Au plus la part du fonds : ${formatEuros(plan.fundCents)}`}
          required
          inputMode="decimal"
          data-autofocus
          {...form.getInputProps('reimbursed')}
        />
        <FormActions saving={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  )
}

function CancelForm({ plan, onDone }: { plan: ProfPlan; onDone: () => void }) {
  const form = useForm({ initialValues: { reason: '' } })
  const save = useFundMutation(
    (v: { reason: string }) => fundApi.cancel(plan.id, { reason: v.reason.trim() || null, version: plan.version }),
    onDone,
    form.setErrors,
  )
  return (
    <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack gap="sm">
        <FormError error={save.error} title="Annulation impossible" />
        <Textarea label="Motif" autosize minRows={2} maxLength={500} data-autofocus {...form.getInputProps('reason')} />
        <FormActions
          saving={save.isPending}
          onCancel={onDone}
          cancelLabel="Retour"
          submitLabel={plan.status === 'validated' ? 'Annuler le plan et libérer l’engagement' : 'Annuler le plan'}
        />
      </Stack>
    </form>
  )
}
