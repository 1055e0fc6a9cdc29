import { Alert, Button, Card, Group, Loader, Stack, Text, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { type Note, noteInput, noteUpdateInput } from '../../../../shared/persons/note.schema.ts'
import type { PersonDetail } from '../../../../shared/persons/person.schema.ts'
import { AppModal } from '../../../components/app-modal.tsx'
import { bodyErrors } from '../../../components/body-errors.ts'
import { FormActions } from '../../../components/form-actions.tsx'
import { FormError } from '../../../components/form-error.tsx'
import { formatDateTime } from '../../../components/format.ts'
import { notesQuery, recordApi } from '../record.api.ts'
import { useRecordMutation } from '../use-record-mutation.ts'

/** Follow-up notes, latest first, under the reminder of what they are for and what they must not hold. */
export function NotesTab({ person }: { person: PersonDetail }) {
  const notes = useQuery(notesQuery(person.id))
  const [editing, setEditing] = useState<Note | null>(null)
  const form = useForm({ initialValues: { text: '' }, validate: (v) => bodyErrors(noteInput, v) })
  const add = useRecordMutation(
    person.id,
    form,
    (v: { text: string }) => recordApi.addNote(person.id, { text: v.text }),
    () => form.reset(),
  )

  return (
    <Stack gap="lg">
      {notes.data && (
        <Alert color="blue" variant="light" title="Rappel avant d’écrire" role="note">
          <Text fw={500}>{notes.data.reminder}</Text>
        </Alert>
      )}
      {person.can.write && (
        <form noValidate onSubmit={form.onSubmit((v) => add.mutate(v))}>
          <Stack gap="sm">
            <FormError error={add.error} title="Enregistrement impossible" />
            <Textarea label="Nouvelle note" autosize minRows={3} maxLength={5000} {...form.getInputProps('text')} />
            <FormActions saving={add.isPending} submitLabel="Ajouter la note" />
          </Stack>
        </form>
      )}
      <FormError error={notes.error} title="Chargement impossible" />
      {notes.isPending ? (
        <Loader aria-label="Chargement des notes" />
      ) : notes.data?.items.length === 0 ? (
        <Text c="dimmed">Aucune note.</Text>
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Notes de suivi">
          {notes.data?.items.map((n) => (
            <Card key={n.id} withBorder component="li">
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Text size="sm" c="dimmed">
                  {formatDateTime(n.createdAt)}
                  {n.authorName ? ` — ${n.authorName}` : ''}
                  {n.updatedAt !== n.createdAt && ` (modifiée le ${formatDateTime(n.updatedAt)})`}
                </Text>
                {n.editable && person.can.write && (
                  <Button size="xs" variant="subtle" onClick={() => setEditing(n)}>
                    Modifier
                  </Button>
                )}
              </Group>
              <Text mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
                {n.text}
              </Text>
            </Card>
          ))}
        </Stack>
      )}
      <AppModal opened={editing !== null} onClose={() => setEditing(null)} title="Modifier la note" size="lg">
        {editing && <NoteEditForm person={person} note={editing} onDone={() => setEditing(null)} />}
      </AppModal>
    </Stack>
  )
}

function NoteEditForm({ person, note, onDone }: { person: PersonDetail; note: Note; onDone: () => void }) {
  const form = useForm({
    initialValues: { text: note.text },
    validate: (v) => bodyErrors(noteUpdateInput, { ...v, version: note.version }),
  })
  const save = useRecordMutation(
    person.id,
    form,
    (v: { text: string }) => recordApi.changeNote(person.id, note.id, { text: v.text, version: note.version }),
    onDone,
  )
  return (
    <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack gap="md">
        <FormError error={save.error} title="Enregistrement impossible" />
        <Textarea label="Note" autosize minRows={4} maxLength={5000} data-autofocus {...form.getInputProps('text')} />
        <FormActions saving={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  )
}
