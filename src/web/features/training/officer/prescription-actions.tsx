import { Alert, Button, Group, Radio, Select, Stack, Textarea, TextInput } from '@mantine/core'
import { type UseFormReturnType, useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type ReactNode, useState } from 'react'
import type { Prescription } from '../../../../shared/training/prescriptions.schema.ts'
import { isApiError } from '../../../api.ts'
import { AppModal } from '../../../components/app-modal.tsx'
import { FormActions } from '../../../components/form-actions.tsx'
import { FormError } from '../../../components/form-error.tsx'
import { today } from '../../../components/format.ts'
import { DateField } from '../../persons/date-field.tsx'
import { attendanceOptions, exitKindOptions, outcomeOptions } from '../training.labels.ts'
import { refreshTraining, trainingApi } from './officer.api.ts'
import {
  type AnswerValues,
  answerBody,
  answerValues,
  CONFLICT_MESSAGE,
  cancelBody,
  type DecisionValues,
  decisionBody,
  type ExitValues,
  emptyExit,
  entryBody,
  exitBody,
  isConflict,
  serverErrors,
} from './officer.bodies.ts'

// The department's actions on a prescription, each in a dialog whose form is checked by the API's own schema: the
// decision (validate, ask for more, refuse), the body's answer recorded on its behalf, the entry, the exit, the
// cancellation. Every body names the version the page read: someone else's change meanwhile answers 409, said plainly.

/** the server's refusal: a stale version says to reload; a field's message stays next to its field */
export function ActionError({ error }: { error: unknown }) {
  const client = useQueryClient()
  if (isConflict(error))
    return (
      <Alert color="orange" variant="light" title="Modifié entre-temps" role="alert">
        {CONFLICT_MESSAGE}{' '}
        <Button size="xs" variant="default" onClick={() => refreshTraining(client)}>
          Recharger
        </Button>
      </Alert>
    )
  const general = isApiError(error) && error.fields.length > 0 ? null : error
  return <FormError error={general} title="Enregistrement impossible" />
}

/** a button opening a dialog with one form; the dialog closes once the server took it */
function ActionDialog<V extends object>({
  label,
  title,
  color,
  variant,
  initial,
  validate,
  send,
  submitLabel,
  children,
}: {
  label: string
  title: string
  color?: string
  variant?: string
  initial: () => V
  validate: (v: V) => Record<string, string>
  send: (v: V) => Promise<unknown>
  submitLabel?: string
  children: (form: UseFormReturnType<V>) => ReactNode
}) {
  const [opened, setOpened] = useState(false)
  return (
    <>
      <Button color={color} variant={variant ?? 'filled'} onClick={() => setOpened(true)}>
        {label}
      </Button>
      <AppModal opened={opened} onClose={() => setOpened(false)} title={title} size="lg">
        {opened && (
          <DialogForm
            initial={initial}
            validate={validate}
            send={send}
            submitLabel={submitLabel}
            onDone={() => setOpened(false)}
          >
            {children}
          </DialogForm>
        )}
      </AppModal>
    </>
  )
}

function DialogForm<V extends object>({
  initial,
  validate,
  send,
  submitLabel,
  onDone,
  children,
}: {
  initial: () => V
  validate: (v: V) => Record<string, string>
  send: (v: V) => Promise<unknown>
  submitLabel?: string
  onDone: () => void
  children: (form: UseFormReturnType<V>) => ReactNode
}) {
  const client = useQueryClient()
  const form = useForm<V>({ initialValues: initial(), validate })
  const save = useMutation({
    mutationFn: send,
    onError: (error) => form.setErrors(serverErrors(error)),
    onSuccess: () => onDone(),
    onSettled: () => refreshTraining(client),
  })
  return (
    <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack gap="sm">
        <ActionError error={save.error} />
        {children(form)}
        <FormActions saving={save.isPending} submitLabel={submitLabel ?? 'Enregistrer'} onCancel={onDone} />
      </Stack>
    </form>
  )
}

const DECISIONS = [
  {
    decision: 'validated',
    label: 'Valider',
    title: 'Valider la prescription',
    color: 'green',
    note: 'Note (facultative)',
  },
  {
    decision: 'more_info',
    label: 'Demander un complément',
    title: 'Demander un complément au prescripteur',
    color: 'orange',
    note: 'Complément demandé',
  },
  { decision: 'refused', label: 'Refuser', title: 'Refuser la prescription', color: 'red', note: 'Motif du refus' },
] as const

export function DecisionButtons({ p }: { p: Prescription }) {
  return (
    <Group>
      {DECISIONS.map((d) => (
        <ActionDialog<DecisionValues>
          key={d.decision}
          label={d.label}
          title={`${d.label} la prescription`.replace(
            'Demander un complément la prescription',
            'Demander un complément',
          )}
          color={d.color}
          variant={d.decision === 'validated' ? 'filled' : 'light'}
          submitLabel={d.label}
          initial={() => ({ decision: d.decision, note: '' })}
          validate={(v) => decisionBody(v, p.version).errors}
          send={(v) => trainingApi.decide(p.id, decisionBody(v, p.version).body)}
        >
          {(form) => (
            <Textarea
              label={d.note}
              required={d.decision !== 'validated'}
              autosize
              minRows={3}
              maxLength={2000}
              data-autofocus
              {...form.getInputProps('note')}
            />
          )}
        </ActionDialog>
      ))}
    </Group>
  )
}

export function AnswerButton({ p }: { p: Prescription }) {
  return (
    <ActionDialog<AnswerValues>
      label="Saisir la réponse de l’organisme"
      title="Réponse de l’organisme après l’information collective"
      variant="light"
      initial={() => answerValues(p)}
      validate={(v) => answerBody(v, p.version).errors}
      send={(v) => trainingApi.answer(p.id, answerBody(v, p.version).body)}
    >
      {(form) => (
        <>
          <Select
            label="Présence à l’information collective"
            required
            data={attendanceOptions}
            allowDeselect={false}
            {...form.getInputProps('infoAttendance')}
          />
          <Textarea
            label="Résultat des tests"
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps('testResult')}
          />
          <Radio.Group label="Résultat du positionnement" required {...form.getInputProps('outcome')}>
            <Stack gap={6} mt={4}>
              {outcomeOptions.map((o) => (
                <Radio key={o.value} value={o.value} label={o.label} />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label="Motif"
            description="Obligatoire quand la personne n’est pas retenue"
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps('outcomeReason')}
          />
        </>
      )}
    </ActionDialog>
  )
}

export function EntryButton({ p }: { p: Prescription }) {
  return (
    <ActionDialog<{ entryDate: string | null }>
      label="Entrée en formation"
      title="Entrée en formation"
      initial={() => ({ entryDate: [p.session.startsOn, today()].sort()[0] ?? null })}
      validate={(v) => entryBody(v.entryDate, p.version).errors}
      send={(v) => trainingApi.entry(p.id, entryBody(v.entryDate, p.version).body)}
    >
      {(form) => <DateField label="Date d’entrée" required {...form.getInputProps('entryDate')} />}
    </ActionDialog>
  )
}

export function ExitButton({ p }: { p: Prescription }) {
  return (
    <ActionDialog<ExitValues>
      label="Sortie"
      title="Sortie de formation"
      initial={() => ({ ...emptyExit, exitDate: today() })}
      validate={(v) => exitBody(v, p.version).errors}
      send={(v) => trainingApi.exit(p.id, exitBody(v, p.version).body)}
    >
      {(form) => (
        <>
          <DateField label="Date de sortie" required {...form.getInputProps('exitDate')} />
          <Select
            label="Motif de sortie"
            required
            data={exitKindOptions}
            allowDeselect={false}
            {...form.getInputProps('exitKind')}
          />
          <Radio.Group label="Qualification obtenue" {...form.getInputProps('qualificationObtained')}>
            <Group gap="md" mt={4}>
              <Radio value="yes" label="Oui" />
              <Radio value="no" label="Non" />
              <Radio value="" label="Non renseigné" />
            </Group>
          </Radio.Group>
          <TextInput label="Heures suivies" inputMode="numeric" {...form.getInputProps('hoursAttended')} />
          <Textarea label="Résultat" autosize minRows={2} maxLength={2000} {...form.getInputProps('resultNote')} />
        </>
      )}
    </ActionDialog>
  )
}

export function CancelButton({ p }: { p: Prescription }) {
  return (
    <ActionDialog<{ reason: string }>
      label="Annuler"
      title="Annuler la prescription"
      color="red"
      variant="subtle"
      submitLabel="Annuler la prescription"
      initial={() => ({ reason: '' })}
      validate={(v) => cancelBody(v.reason, p.version).errors}
      send={(v) => trainingApi.cancel(p.id, cancelBody(v.reason, p.version).body)}
    >
      {(form) => (
        <Textarea
          label="Motif de l’annulation"
          autosize
          minRows={2}
          maxLength={500}
          {...form.getInputProps('reason')}
        />
      )}
    </ActionDialog>
  )
}
