import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { type UseFormReturnType, useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type ReactNode, useState } from 'react'
import { isApiError } from '../../../api.ts'
import { AppModal } from '../../../components/app-modal.tsx'
import { FormActions } from '../../../components/form-actions.tsx'
import { FormError } from '../../../components/form-error.tsx'
import { refreshTraining } from './officer.api.ts'
import { serverErrors } from './officer.bodies.ts'

// The catalogue's dialogs (docs/training/screens.md « Catalogue »): a button opens a form checked by the API's own
// schema, the version the page read goes with it; someone's change meanwhile (409 version_conflict) says to reload,
// a record still in use (409 conflict) gives the server's advice (deactivate rather than delete).

/** the record changed since the page read it (not a record in use, not a duplicate: those are 'conflict') */
const isStale = (error: unknown) => isApiError(error) && error.status === 409 && error.code === 'version_conflict'

/**
 * the server's refusal above the form: stale → reload (the dialog closes: reopened, it reads the new version); a
 * field's message stays next to its field
 */
export function CatalogueError({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const client = useQueryClient()
  if (isStale(error))
    return (
      <Alert color="orange" variant="light" title="Modifié entre-temps" role="alert">
        <Group gap="xs">
          <Text size="sm">Modifié entre-temps, rechargez la fiche puis recommencez.</Text>
          <Button
            size="xs"
            variant="default"
            onClick={() => {
              void refreshTraining(client)
              onReload?.()
            }}
          >
            Recharger
          </Button>
        </Group>
      </Alert>
    )
  const general = isApiError(error) && error.fields.length > 0 ? null : error
  return <FormError error={general} title="Enregistrement impossible" />
}

/** a button opening a dialog with one form; the dialog closes once the server took it */
export function CatalogueDialog<V extends object>({
  label,
  ariaLabel,
  title,
  variant,
  size,
  initial,
  validate,
  send,
  fieldOf,
  submitLabel,
  children,
  after,
}: {
  label: string
  ariaLabel?: string
  title: string
  variant?: string
  size?: 'xs' | 'sm' | 'md'
  initial: () => V
  validate: (v: V) => Record<string, string>
  send: (v: V) => Promise<unknown>
  /** a server field → the form's field (an instant typed as a day and a time) */
  fieldOf?: (field: string) => string
  submitLabel?: string
  children: (form: UseFormReturnType<V>) => ReactNode
  /** shown under the form, in the same dialog (the body's partner accounts) */
  after?: ReactNode
}) {
  const [opened, setOpened] = useState(false)
  return (
    <>
      <Button variant={variant ?? 'filled'} size={size} aria-label={ariaLabel} onClick={() => setOpened(true)}>
        {label}
      </Button>
      <AppModal opened={opened} onClose={() => setOpened(false)} title={title} size="lg">
        {opened && (
          <Stack gap="lg">
            <DialogForm
              initial={initial}
              validate={validate}
              send={send}
              fieldOf={fieldOf}
              submitLabel={submitLabel}
              onDone={() => setOpened(false)}
            >
              {children}
            </DialogForm>
            {after}
          </Stack>
        )}
      </AppModal>
    </>
  )
}

function DialogForm<V extends object>({
  initial,
  validate,
  send,
  fieldOf,
  submitLabel,
  onDone,
  children,
}: {
  initial: () => V
  validate: (v: V) => Record<string, string>
  send: (v: V) => Promise<unknown>
  fieldOf?: (field: string) => string
  submitLabel?: string
  onDone: () => void
  children: (form: UseFormReturnType<V>) => ReactNode
}) {
  const client = useQueryClient()
  const form = useForm<V>({ initialValues: initial(), validate })
  const save = useMutation({
    mutationFn: send,
    onError: (error) => {
      const errors: Record<string, string> = {}
      for (const [field, message] of Object.entries(serverErrors(error))) errors[fieldOf?.(field) ?? field] ??= message
      form.setErrors(errors)
    },
    onSuccess: () => onDone(),
    onSettled: () => refreshTraining(client),
  })
  return (
    <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack gap="sm">
        <CatalogueError error={save.error} onReload={onDone} />
        {children(form)}
        <FormActions saving={save.isPending} submitLabel={submitLabel ?? 'Enregistrer'} onCancel={onDone} />
      </Stack>
    </form>
  )
}

/** « Supprimer » with a confirmation; a record still in use is refused with the server's advice */
export function DeleteButton({ name, what, remove }: { name: string; what: string; remove: () => Promise<unknown> }) {
  const [opened, setOpened] = useState(false)
  const client = useQueryClient()
  const del = useMutation({
    mutationFn: remove,
    onSuccess: () => setOpened(false),
    onSettled: () => refreshTraining(client),
  })
  const close = () => {
    setOpened(false)
    del.reset()
  }
  return (
    <>
      <Button
        size="xs"
        variant="subtle"
        color="red"
        aria-label={`Supprimer ${what} ${name}`}
        onClick={() => setOpened(true)}
      >
        Supprimer
      </Button>
      <AppModal opened={opened} onClose={close} title={`Supprimer ${what}`}>
        <Stack gap="sm">
          <CatalogueError error={del.error} onReload={close} />
          <Text>
            Supprimer {what} « {name} » ? Cette suppression est définitive.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Annuler
            </Button>
            <Button color="red" loading={del.isPending} onClick={() => del.mutate()} data-autofocus>
              Supprimer
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </>
  )
}
