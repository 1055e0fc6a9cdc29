import { Button, NumberInput, Stack, Text, TextInput } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { AppModal } from '../../../components/app-modal.tsx'
import { FormActions } from '../../../components/form-actions.tsx'
import { FormError } from '../../../components/form-error.tsx'
import { formatDateTime, formatNumber } from '../../../components/format.ts'

// Change or delete an information session, an operation's or a pool's (docs/employment/operations.md). The server
// keeps a session that has invited applications or attached members (409, said in the dialog): they are moved first.

export interface EditedSession {
  id: string
  at: string
  place: string | null
  /** an operation's session only (a pool's has no places) */
  capacity?: number | null
  version: number
  /** invited applications, or members attached: a session with some is not deleted */
  attached: number
}

export interface SessionChange {
  at: string
  place: string | null
  capacity?: number | null
  version: number
}

/** An instant as the browser's datetime-local field wants it: the local day and minute. */
const localInput = (iso: string) => {
  const d = new Date(iso)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`
}

export function SessionDialog({
  session,
  attachedLabel,
  save,
  remove,
  onClose,
}: {
  session: EditedSession
  /** "candidatures invitées", "personnes informées" */
  attachedLabel: string
  save: (body: SessionChange) => Promise<unknown>
  remove: (version: number) => Promise<unknown>
  onClose: () => void
}) {
  const [at, setAt] = useState(localInput(session.at))
  const [place, setPlace] = useState(session.place ?? '')
  const [capacity, setCapacity] = useState<number | string>(session.capacity ?? '')
  const withCapacity = session.capacity !== undefined
  const saving = useMutation({
    mutationFn: () =>
      save({
        at: at ? new Date(at).toISOString() : '',
        place: place.trim() || null,
        ...(withCapacity ? { capacity: capacity === '' ? null : Number(capacity) } : {}),
        version: session.version,
      }),
    onSuccess: onClose,
  })
  const removing = useMutation({ mutationFn: () => remove(session.version), onSuccess: onClose })
  return (
    <AppModal opened onClose={onClose} title={`Information collective du ${formatDateTime(session.at)}`}>
      <form
        noValidate
        aria-label="Modifier l’information collective"
        onSubmit={(e) => {
          e.preventDefault()
          saving.mutate()
        }}
      >
        <Stack gap="sm">
          <FormError error={saving.error ?? removing.error} title="Enregistrement impossible" />
          <TextInput
            type="datetime-local"
            label="Date et heure"
            required
            value={at}
            onChange={(e) => setAt(e.currentTarget.value)}
          />
          <TextInput label="Lieu" value={place} onChange={(e) => setPlace(e.currentTarget.value)} />
          {withCapacity && (
            <NumberInput label="Places" min={1} allowDecimal={false} value={capacity} onChange={setCapacity} w={140} />
          )}
          <Text size="sm" c="dimmed">
            {formatNumber(session.attached)} {attachedLabel}
            {session.attached > 0 ? ' : la supprimer demande de les rattacher d’abord à une autre.' : '.'}
          </Text>
          <FormActions
            saving={saving.isPending}
            onCancel={onClose}
            before={
              <Button
                color="red"
                variant="subtle"
                mr="auto"
                loading={removing.isPending}
                onClick={() => {
                  if (window.confirm(`Supprimer l’information collective du ${formatDateTime(session.at)} ?`))
                    removing.mutate()
                }}
              >
                Supprimer
              </Button>
            }
          />
        </Stack>
      </form>
    </AppModal>
  )
}
