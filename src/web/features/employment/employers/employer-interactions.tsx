import { Button, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import {
  type EmployerDetail,
  type EmployerInteraction,
  type InteractionInput,
  interactionInput,
} from '../../../../shared/employment/employers.schema.ts'
import { interactionKinds } from '../../../../shared/employment/employment.nomenclature.ts'
import { isApiError } from '../../../api.ts'
import { bodyErrors } from '../../../components/body-errors.ts'
import { FormActions } from '../../../components/form-actions.tsx'
import { applyFieldErrors, FormError } from '../../../components/form-error.tsx'
import { formatDate, today } from '../../../components/format.ts'
import { Section } from './employer-sections.tsx'
import { employersApi, refreshEmployers } from './employers.api.ts'

// The company file's « Échanges avec l’entreprise » (docs/employment/employers.md « Screens »): the timeline, newest
// first, each entry with « Modifier » (the same form, with the version read; its author stays who recorded it), and
// the form « Noter un échange ».

const blank = (s: string) => (s.trim() === '' ? null : s.trim())
const KIND_OPTIONS = interactionKinds.codes.map((code) => ({ value: code, label: interactionKinds.labels[code] }))
const kindLabel = (code: string) => (interactionKinds.labels as Record<string, string>)[code] ?? code

interface InteractionValues {
  date: string
  kind: string | null
  contactId: string | null
  subject: string
  note: string
}
const interactionBody = (v: InteractionValues) => {
  const body = { date: v.date, kind: v.kind, contactId: v.contactId, subject: v.subject.trim(), note: blank(v.note) }
  return { body: body as InteractionInput, errors: bodyErrors(interactionInput, body) }
}
const valuesOf = (i?: EmployerInteraction): InteractionValues => ({
  date: i?.date ?? today(),
  kind: i?.kind ?? 'call',
  contactId: i?.contactId ?? null,
  subject: i?.subject ?? '',
  note: i?.note ?? '',
})

export function InteractionsSection({ employer: e, manage }: { employer: EmployerDetail; manage: boolean }) {
  const [editing, setEditing] = useState<string | null>(null)
  return (
    <Section title="Échanges avec l’entreprise">
      <Stack gap="md">
        {e.interactions.length === 0 && <Text size="sm">Aucun échange noté.</Text>}
        {e.interactions.length > 0 && (
          <ol
            style={{ margin: 0, paddingInlineStart: 20 }}
            aria-label="Historique des échanges, du plus récent au plus ancien"
          >
            {e.interactions.map((i) => (
              <li key={i.id} style={{ marginBottom: 8 }}>
                {editing === i.id ? (
                  <InteractionForm employer={e} interaction={i} onDone={() => setEditing(null)} />
                ) : (
                  <>
                    <Group gap="xs" wrap="wrap">
                      <Text size="sm">
                        <Text span fw={600}>
                          {formatDate(i.date)} — {kindLabel(i.kind)}
                        </Text>{' '}
                        : {i.subject}
                        {i.contactName && ` (avec ${i.contactName})`}
                        {i.officerName && `, par ${i.officerName}`}
                      </Text>
                      {manage && (
                        <Button
                          variant="subtle"
                          size="compact-xs"
                          onClick={() => setEditing(i.id)}
                          aria-label={`Modifier l’échange du ${formatDate(i.date)} : ${i.subject}`}
                        >
                          Modifier
                        </Button>
                      )}
                    </Group>
                    {i.note && (
                      <Text size="sm" c="dimmed">
                        {i.note}
                      </Text>
                    )}
                  </>
                )}
              </li>
            ))}
          </ol>
        )}
        {manage && <InteractionForm employer={e} />}
      </Stack>
    </Section>
  )
}

/** a new interaction (no `interaction`: the form stays open, emptied after each one) or an edit of one */
function InteractionForm({
  employer: e,
  interaction,
  onDone,
}: {
  employer: EmployerDetail
  interaction?: EmployerInteraction
  onDone?: () => void
}) {
  const client = useQueryClient()
  const form = useForm<InteractionValues>({
    mode: 'uncontrolled',
    initialValues: valuesOf(interaction),
    validate: (v) => interactionBody(v).errors,
  })
  const save = useMutation({
    mutationFn: (v: InteractionValues) =>
      interaction
        ? employersApi.updateInteraction(e.id, interaction.id, {
            ...interactionBody(v).body,
            version: interaction.version,
          })
        : employersApi.addInteraction(e.id, interactionBody(v).body),
    onSuccess: async () => {
      if (!interaction) form.reset()
      await refreshEmployers(client)
      onDone?.()
    },
    onError: (error) => applyFieldErrors(form, error),
  })
  const stale = isApiError(save.error) && save.error.code === 'version_conflict'
  // the active contacts, and the one the edited interaction names even if the person has left since
  const contacts = e.contacts
    .filter((c) => c.active || c.id === interaction?.contactId)
    .map((c) => ({ value: c.id, label: c.active ? c.name : `${c.name} (a quitté l’entreprise)` }))
  const title = interaction ? `Modifier l’échange du ${formatDate(interaction.date)}` : 'Noter un échange'
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate aria-label={title}>
      <Stack gap="sm" maw={720} my={interaction ? 'xs' : undefined}>
        {!interaction && (
          <Title order={3} size="h4">
            {title}
          </Title>
        )}
        <FormError error={save.error} title={stale ? 'Échange modifié entre-temps' : 'Enregistrement impossible'} />
        {stale && onDone && (
          <Button
            variant="default"
            size="xs"
            w="fit-content"
            onClick={() => void refreshEmployers(client).then(onDone)}
          >
            Recharger la fiche
          </Button>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Date de l’échange" type="date" required {...form.getInputProps('date')} />
          <Select
            label="Type d’échange"
            data={KIND_OPTIONS}
            required
            allowDeselect={false}
            {...form.getInputProps('kind')}
          />
          <Select
            label="Avec"
            placeholder="Contact (facultatif)"
            data={contacts}
            clearable
            {...form.getInputProps('contactId')}
          />
        </SimpleGrid>
        <TextInput label="Objet" required maxLength={200} {...form.getInputProps('subject')} />
        <Textarea label="Compte rendu" autosize minRows={2} maxLength={4000} {...form.getInputProps('note')} />
        <FormActions
          saving={save.isPending}
          submitLabel={interaction ? 'Enregistrer les modifications' : 'Enregistrer l’échange'}
          onCancel={onDone}
        />
      </Stack>
    </form>
  )
}
