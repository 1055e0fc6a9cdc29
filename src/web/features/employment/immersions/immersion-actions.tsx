import { Alert, Button, Radio, Select, Stack, Textarea } from '@mantine/core'
import { type UseFormReturnType, useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type ReactNode, useState } from 'react'
import {
  assessmentInput,
  cancelInput,
  type Immersion,
  outcomeInput,
  signInput,
} from '../../../../shared/employment/immersions.schema.ts'
import { isApiError } from '../../../api.ts'
import { AppModal } from '../../../components/app-modal.tsx'
import { bodyErrors } from '../../../components/body-errors.ts'
import { FormActions } from '../../../components/form-actions.tsx'
import { FormError } from '../../../components/form-error.tsx'
import { today } from '../../../components/format.ts'
import { DateField } from '../../persons/date-field.tsx'
import { HirePicker } from './hire-picker.tsx'
import { immersionsApi, isStale, refreshImmersions, serverErrors } from './immersions.api.ts'
import { outcomeOptions } from './immersions.labels.ts'

// The actions on an immersion, each in a dialog checked by the API's own schema (docs/employment/immersions.md):
// sign (the employment officer), the tutor's assessment, close it once over (the officer), cancel, what followed (a
// contract: linked to one of the person's hires, hire-picker.tsx).
// Every body names the version the page read: someone else's change meanwhile answers 409, said plainly.

function ActionError({ error }: { error: unknown }) {
  const client = useQueryClient()
  if (isStale(error))
    return (
      <Alert color="orange" variant="light" title="Modifié entre-temps" role="alert">
        Cette immersion a été modifiée entre-temps par quelqu’un d’autre : rechargez-la, puis recommencez.{' '}
        <Button size="xs" variant="default" onClick={() => refreshImmersions(client)}>
          Recharger
        </Button>
      </Alert>
    )
  const general = isApiError(error) && error.fields.some((f) => f.field !== 'status') ? null : error
  return <FormError error={general} title="Enregistrement impossible" />
}

function ActionDialog<V extends object>({
  label,
  title,
  color,
  variant,
  initial,
  validate,
  send,
  children,
}: {
  label: string
  title: string
  color?: string
  variant?: string
  initial: () => V
  validate: (v: V) => Record<string, string>
  send: (v: V) => Promise<unknown>
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
          <DialogForm initial={initial} validate={validate} send={send} onDone={() => setOpened(false)}>
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
  onDone,
  children,
}: {
  initial: () => V
  validate: (v: V) => Record<string, string>
  send: (v: V) => Promise<unknown>
  onDone: () => void
  children: (form: UseFormReturnType<V>) => ReactNode
}) {
  const client = useQueryClient()
  const form = useForm<V>({ initialValues: initial(), validate })
  const save = useMutation({
    mutationFn: send,
    onError: (error) => form.setErrors(serverErrors(error)),
    onSuccess: () => onDone(),
    onSettled: () => refreshImmersions(client),
  })
  return (
    <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack gap="sm">
        <ActionError error={save.error} />
        {children(form)}
        <FormActions saving={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  )
}

export function SignButton({ i }: { i: Immersion }) {
  const body = (v: { signedOn: string | null }) => ({ signedOn: v.signedOn ?? '', version: i.version })
  return (
    <ActionDialog
      label="Enregistrer la signature"
      title="Convention signée par la personne, l’entreprise et la structure"
      initial={() => ({ signedOn: today() as string | null })}
      validate={(v) => bodyErrors(signInput, body(v))}
      send={(v) => immersionsApi.sign(i.id, body(v))}
    >
      {(form) => <DateField label="Date de signature" required {...form.getInputProps('signedOn')} />}
    </ActionDialog>
  )
}

export function AssessmentButton({ i }: { i: Immersion }) {
  const body = (v: { validated: string; assessment: string; skillsObserved: string }) => ({
    validated: v.validated === '' ? undefined : v.validated === 'yes',
    assessment: v.assessment,
    skillsObserved: v.skillsObserved.trim() || null,
    version: i.version,
  })
  return (
    <ActionDialog
      label={i.validated === null ? 'Saisir l’évaluation du tuteur' : 'Corriger l’évaluation'}
      title="Évaluation du tuteur"
      variant={i.validated === null ? 'filled' : 'default'}
      initial={() => ({
        validated: i.validated === null ? '' : i.validated ? 'yes' : 'no',
        assessment: i.assessment ?? '',
        skillsObserved: i.skillsObserved ?? '',
      })}
      validate={(v) => bodyErrors(assessmentInput, body(v))}
      send={(v) => immersionsApi.assess(i.id, body(v) as Parameters<typeof immersionsApi.assess>[1])}
    >
      {(form) => (
        <>
          <Radio.Group label="Objectif de l’immersion" required {...form.getInputProps('validated')}>
            <Stack gap={4} mt={4}>
              <Radio value="yes" label="Validé" />
              <Radio value="no" label="Non validé" />
            </Stack>
          </Radio.Group>
          <Textarea
            label="Appréciation du tuteur"
            required
            autosize
            minRows={3}
            {...form.getInputProps('assessment')}
          />
          <Textarea
            label="Compétences et aptitudes observées"
            autosize
            minRows={2}
            {...form.getInputProps('skillsObserved')}
          />
        </>
      )}
    </ActionDialog>
  )
}

export function CompleteButton({ i }: { i: Immersion }) {
  const client = useQueryClient()
  const complete = useMutation({
    mutationFn: () => immersionsApi.complete(i.id, i.version),
    onSettled: () => refreshImmersions(client),
  })
  return (
    <Stack gap={4}>
      <Button color="green" loading={complete.isPending} onClick={() => complete.mutate()}>
        Clore l’immersion (terminée)
      </Button>
      {complete.error && <ActionError error={complete.error} />}
      {isApiError(complete.error) && complete.error.fields.length > 0 && (
        <Alert color="red" variant="light" role="alert">
          {complete.error.fields[0]!.message}
        </Alert>
      )}
    </Stack>
  )
}

export function CancelButton({ i }: { i: Immersion }) {
  const body = (v: { reason: string }) => ({ reason: v.reason.trim() || null, version: i.version })
  return (
    <ActionDialog
      label="Annuler l’immersion"
      title="Annuler l’immersion"
      color="red"
      variant="light"
      initial={() => ({ reason: '' })}
      validate={(v) => bodyErrors(cancelInput, body(v))}
      send={(v) => immersionsApi.cancel(i.id, body(v))}
    >
      {(form) => <Textarea label="Motif (facultatif)" autosize minRows={2} {...form.getInputProps('reason')} />}
    </ActionDialog>
  )
}

export function OutcomeButton({ i }: { i: Immersion }) {
  const body = (v: { outcome: string | null; placementId: string }) => ({
    outcome: v.outcome ?? '',
    placementId: v.outcome === 'contract' && v.placementId.trim() ? v.placementId.trim() : null,
    version: i.version,
  })
  return (
    <ActionDialog
      label={i.outcome ? 'Modifier la suite' : 'Enregistrer la suite'}
      title="La suite de l’immersion"
      variant={i.outcome ? 'default' : 'filled'}
      initial={() => ({ outcome: i.outcome as string | null, placementId: i.placementId ?? '' })}
      validate={(v) => bodyErrors(outcomeInput, body(v))}
      send={(v) => immersionsApi.outcome(i.id, body(v) as Parameters<typeof immersionsApi.outcome>[1])}
    >
      {(form) => (
        <>
          <Select label="Suite donnée" required data={outcomeOptions} {...form.getInputProps('outcome')} />
          {form.values.outcome === 'contract' && (
            <HirePicker
              immersion={i}
              value={form.values.placementId}
              onChange={(id) => form.setFieldValue('placementId', id)}
              error={form.errors.placementId as string | undefined}
            />
          )}
        </>
      )}
    </ActionDialog>
  )
}
