import { Button, Group, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core'
import { type UseFormReturnType, useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type ReactNode, useState } from 'react'
import type { z } from 'zod'
import { candidateTransitions } from '../../../../shared/employment/employment.nomenclature.ts'
import {
  type Candidate,
  candidateStatusInput,
  hireInput,
  type Offer,
} from '../../../../shared/employment/offers.schema.ts'
import { isApiError } from '../../../api.ts'
import { AppModal } from '../../../components/app-modal.tsx'
import { bodyErrors } from '../../../components/body-errors.ts'
import { FormActions } from '../../../components/form-actions.tsx'
import { FormError } from '../../../components/form-error.tsx'
import { today } from '../../../components/format.ts'
import { contractKindOptions, personName, refusalReasonOptions } from '../employment.labels.ts'
import { offersApi, refreshEmployment } from './offers.api.ts'

// The department's answers on a candidate (docs/employment/screens.md « L’offre et ses candidats »): sent to the
// employer, an interview on a date, hired (the contract signed: a placement, the person's employment situation and
// the follow-ups at 1, 3 and 6 months), not retained with a reason, withdrawn. Each opens a dialog checked by the API's
// own schema; the version read goes with it (409 when someone answered meanwhile).

/** a button opening a dialog with one form; the dialog closes once the server took it */
function ActionDialog<V extends object>({
  label,
  title,
  variant = 'light',
  color,
  initial,
  validate,
  send,
  submitLabel,
  children,
}: {
  label: string
  title: string
  variant?: string
  color?: string
  initial: V
  validate: (v: V) => Record<string, string>
  send: (v: V) => Promise<unknown>
  submitLabel: string
  children: (form: UseFormReturnType<V>) => ReactNode
}) {
  const client = useQueryClient()
  const [open, setOpen] = useState(false)
  const form = useForm<V>({ initialValues: initial, validate })
  const mutation = useMutation({
    mutationFn: send,
    onSuccess: () => setOpen(false),
    onError: (error) => {
      if (isApiError(error)) form.setErrors(error.fieldErrors())
    },
    onSettled: () => refreshEmployment(client),
  })
  return (
    <>
      <Button
        size="xs"
        variant={variant}
        color={color}
        aria-label={label}
        onClick={() => {
          form.setValues(initial)
          form.clearErrors()
          mutation.reset()
          setOpen(true)
        }}
      >
        {submitLabel}
      </Button>
      <AppModal opened={open} onClose={() => setOpen(false)} title={title}>
        <form noValidate onSubmit={form.onSubmit((v) => mutation.mutate(v))} aria-label={title}>
          <Stack gap="sm">
            <FormError
              error={isApiError(mutation.error) && mutation.error.fields.length > 0 ? null : mutation.error}
              title="Enregistrement impossible"
            />
            {children(form)}
            <FormActions saving={mutation.isPending} submitLabel={submitLabel} onCancel={() => setOpen(false)} />
          </Stack>
        </form>
      </AppModal>
    </>
  )
}

type StatusValues = { refusalReason: string | null; interviewOn: string; note: string }
const statusBody = (c: Candidate, status: 'sent' | 'interview' | 'refused' | 'withdrawn', v: StatusValues) => ({
  status,
  refusalReason: status === 'refused' ? v.refusalReason : null,
  interviewOn: status === 'interview' ? v.interviewOn || null : null,
  note: v.note.trim() || null,
  version: c.version,
})
const statusErrors = (c: Candidate, status: 'sent' | 'interview' | 'refused' | 'withdrawn') => (v: StatusValues) =>
  bodyErrors(candidateStatusInput, statusBody(c, status, v))
const sendStatus = (c: Candidate, status: 'sent' | 'interview' | 'refused' | 'withdrawn') => (v: StatusValues) =>
  offersApi.answer(c.id, candidateStatusInput.parse(statusBody(c, status, v)) as z.output<typeof candidateStatusInput>)

type HireValues = {
  startDate: string
  contractKind: string | null
  durationMonths: number | string
  hoursPerWeek: number | string
}
const hireBody = (c: Candidate, v: HireValues) => ({
  startDate: v.startDate,
  contractKind: v.contractKind ?? '',
  durationMonths: v.contractKind === 'cdi' || v.durationMonths === '' ? null : Number(v.durationMonths),
  hoursPerWeek: v.hoursPerWeek === '' ? null : Number(v.hoursPerWeek),
  version: c.version,
})

/** the department's answers (manage), or only the withdrawal for the counsellor who follows the person */
export function CandidateActions({
  offer,
  candidate: c,
  manage,
}: {
  offer: Offer
  candidate: Candidate
  manage: boolean
}) {
  const next = candidateTransitions[c.status].filter((s) => manage || s === 'withdrawn')
  if (next.length === 0) return null
  const who = personName(c.person)
  const emptyStatus: StatusValues = { refusalReason: null, interviewOn: '', note: '' }
  return (
    <Group gap={6} wrap="wrap">
      {next.includes('sent') && c.status !== 'sent' && (
        <ActionDialog
          label={`Transmettre la candidature de ${who}`}
          title={`Transmettre la candidature de ${who} à l’entreprise`}
          submitLabel="Transmettre"
          initial={emptyStatus}
          validate={statusErrors(c, 'sent')}
          send={sendStatus(c, 'sent')}
        >
          {(form) => <Textarea label="Note" autosize minRows={2} maxLength={2000} {...form.getInputProps('note')} />}
        </ActionDialog>
      )}
      {next.includes('interview') && (
        <ActionDialog
          label={`Entretien pour ${who}`}
          title={`Entretien d’embauche de ${who}`}
          submitLabel="Entretien"
          initial={{ ...emptyStatus, interviewOn: today() }}
          validate={statusErrors(c, 'interview')}
          send={sendStatus(c, 'interview')}
        >
          {(form) => (
            <>
              <TextInput type="date" label="Date de l’entretien" required {...form.getInputProps('interviewOn')} />
              <Textarea label="Note" autosize minRows={2} maxLength={2000} {...form.getInputProps('note')} />
            </>
          )}
        </ActionDialog>
      )}
      {next.includes('hired') && (
        <ActionDialog<HireValues>
          label={`Embaucher ${who}`}
          title={`Embauche de ${who}`}
          color="green"
          submitLabel="Embaucher"
          initial={{
            startDate: offer.startsOn && offer.startsOn >= today() ? offer.startsOn : today(),
            contractKind: offer.contractKind,
            durationMonths: offer.durationMonths ?? '',
            hoursPerWeek: offer.hoursPerWeek ?? '',
          }}
          validate={(v) => bodyErrors(hireInput, hireBody(c, v))}
          send={(v) => offersApi.hire(c.id, hireInput.parse(hireBody(c, v)))}
        >
          {(form) => (
            <>
              <TextInput type="date" label="Date d’embauche" required {...form.getInputProps('startDate')} />
              <Select
                label="Type de contrat"
                required
                allowDeselect={false}
                data={contractKindOptions}
                {...form.getInputProps('contractKind')}
              />
              <NumberInput
                label="Durée (mois)"
                min={0}
                max={120}
                allowDecimal={false}
                disabled={form.values.contractKind === 'cdi'}
                {...form.getInputProps('durationMonths')}
              />
              <NumberInput
                label="Heures par semaine"
                min={1}
                max={60}
                decimalSeparator=","
                {...form.getInputProps('hoursPerWeek')}
              />
            </>
          )}
        </ActionDialog>
      )}
      {next.includes('refused') && (
        <ActionDialog
          label={`Non retenu(e) : ${who}`}
          title={`${who} n’est pas retenu(e)`}
          color="red"
          submitLabel="Non retenu(e)"
          initial={emptyStatus}
          validate={statusErrors(c, 'refused')}
          send={sendStatus(c, 'refused')}
        >
          {(form) => (
            <>
              <Select label="Motif" required data={refusalReasonOptions} {...form.getInputProps('refusalReason')} />
              <Textarea label="Note" autosize minRows={2} maxLength={2000} {...form.getInputProps('note')} />
            </>
          )}
        </ActionDialog>
      )}
      {next.includes('withdrawn') && (
        <ActionDialog
          label={`Retirer la candidature de ${who}`}
          title={`Retirer la candidature de ${who}`}
          variant="subtle"
          color="gray"
          submitLabel="Retirer"
          initial={emptyStatus}
          validate={statusErrors(c, 'withdrawn')}
          send={sendStatus(c, 'withdrawn')}
        >
          {(form) => <Textarea label="Note" autosize minRows={2} maxLength={2000} {...form.getInputProps('note')} />}
        </ActionDialog>
      )}
    </Group>
  )
}
