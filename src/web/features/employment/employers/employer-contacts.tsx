import { Button, Checkbox, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import {
  type ContactInput,
  contactInput,
  type EmployerContact,
  type EmployerDetail,
} from '../../../../shared/employment/employers.schema.ts'
import { isApiError } from '../../../api.ts'
import { bodyErrors } from '../../../components/body-errors.ts'
import { FormActions } from '../../../components/form-actions.tsx'
import { applyFieldErrors, FormError } from '../../../components/form-error.tsx'
import { Section } from './employer-sections.tsx'
import { employersApi, refreshEmployers } from './employers.api.ts'

// The company file's « Contacts » (docs/employment/employers.md « Screens »): the list, « Ajouter un contact », and on
// each line « Modifier » (the same form, with the version read) and « A quitté l’entreprise » (active=false, kept for
// the interactions and offers that name the contact; « Toujours en poste » brings the contact back).

const blank = (s: string) => (s.trim() === '' ? null : s.trim())

interface ContactValues {
  name: string
  jobTitle: string
  phone: string
  email: string
  isPrimary: boolean
}
const contactBody = (v: ContactValues) => {
  const body = {
    name: v.name.trim(),
    jobTitle: blank(v.jobTitle),
    phone: blank(v.phone),
    email: blank(v.email),
    isPrimary: v.isPrimary,
  }
  return { body: body as ContactInput, errors: bodyErrors(contactInput, body) }
}
const valuesOf = (c?: EmployerContact): ContactValues => ({
  name: c?.name ?? '',
  jobTitle: c?.jobTitle ?? '',
  phone: c?.phone ?? '',
  email: c?.email ?? '',
  isPrimary: c?.isPrimary ?? false,
})
/** a contact's fields as the PUT takes them, with the version read */
const unchanged = (c: EmployerContact) => ({ ...contactBody(valuesOf(c)).body, version: c.version })

export function ContactsSection({ employer: e, manage }: { employer: EmployerDetail; manage: boolean }) {
  const [editing, setEditing] = useState<string | null>(null)
  return (
    <Section title="Contacts">
      <Stack gap="sm">
        {e.contacts.length === 0 && <Text size="sm">Aucun contact enregistré.</Text>}
        {e.contacts.length > 0 && (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {e.contacts.map((c) =>
              editing === c.id ? (
                <li key={c.id}>
                  <ContactForm employerId={e.id} contact={c} onDone={() => setEditing(null)} />
                </li>
              ) : (
                <ContactLine key={c.id} employerId={e.id} contact={c} manage={manage} onEdit={() => setEditing(c.id)} />
              ),
            )}
          </ul>
        )}
        {manage && editing !== 'new' && (
          <Button variant="default" size="xs" w="fit-content" onClick={() => setEditing('new')}>
            Ajouter un contact
          </Button>
        )}
        {manage && editing === 'new' && <ContactForm employerId={e.id} onDone={() => setEditing(null)} />}
      </Stack>
    </Section>
  )
}

function ContactLine({
  employerId,
  contact: c,
  manage,
  onEdit,
}: {
  employerId: string
  contact: EmployerContact
  manage: boolean
  onEdit: () => void
}) {
  const client = useQueryClient()
  const toggle = useMutation({
    mutationFn: () => employersApi.updateContact(employerId, c.id, { ...unchanged(c), active: !c.active }),
    onSuccess: () => refreshEmployers(client),
  })
  const stale = isApiError(toggle.error) && toggle.error.code === 'version_conflict'
  return (
    <li style={{ marginBottom: 4 }}>
      <Group gap="xs" wrap="wrap">
        <Text size="sm" c={c.active ? undefined : 'dimmed'}>
          <Text span fw={c.isPrimary ? 600 : undefined}>
            {c.name}
          </Text>
          {c.jobTitle && `, ${c.jobTitle}`}
          {[c.phone, c.email].filter(Boolean).length > 0 && ` — ${[c.phone, c.email].filter(Boolean).join(' — ')}`}
          {c.isPrimary && ' (contact principal)'}
          {!c.active && ' (a quitté l’entreprise)'}
        </Text>
        {manage && (
          <>
            <Button variant="subtle" size="compact-xs" onClick={onEdit} aria-label={`Modifier le contact ${c.name}`}>
              Modifier
            </Button>
            <Button
              variant="subtle"
              size="compact-xs"
              loading={toggle.isPending}
              onClick={() => toggle.mutate()}
              aria-label={c.active ? `${c.name} a quitté l’entreprise` : `${c.name} est toujours en poste`}
            >
              {c.active ? 'A quitté l’entreprise' : 'Toujours en poste'}
            </Button>
          </>
        )}
      </Group>
      <FormError error={toggle.error} title={stale ? 'Contact modifié entre-temps' : 'Enregistrement impossible'} />
    </li>
  )
}

function ContactForm({
  employerId,
  contact,
  onDone,
}: {
  employerId: string
  contact?: EmployerContact
  onDone: () => void
}) {
  const client = useQueryClient()
  const form = useForm<ContactValues>({
    mode: 'uncontrolled',
    initialValues: valuesOf(contact),
    validate: (v) => contactBody(v).errors,
  })
  const save = useMutation({
    mutationFn: (v: ContactValues) =>
      contact
        ? employersApi.updateContact(employerId, contact.id, {
            ...contactBody(v).body,
            version: contact.version,
            active: contact.active,
          })
        : employersApi.addContact(employerId, contactBody(v).body),
    onSuccess: async () => {
      await refreshEmployers(client)
      onDone()
    },
    onError: (error) => applyFieldErrors(form, error),
  })
  const stale = isApiError(save.error) && save.error.code === 'version_conflict'
  return (
    <form
      onSubmit={form.onSubmit((v) => save.mutate(v))}
      noValidate
      aria-label={contact ? `Modifier le contact ${contact.name}` : 'Nouveau contact'}
    >
      <Stack gap="sm" maw={720} my="xs">
        <FormError error={save.error} title={stale ? 'Contact modifié entre-temps' : 'Enregistrement impossible'} />
        {stale && (
          <Button
            variant="default"
            size="xs"
            w="fit-content"
            onClick={() => void refreshEmployers(client).then(onDone)}
          >
            Recharger la fiche
          </Button>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Nom du contact" required maxLength={200} data-autofocus {...form.getInputProps('name')} />
          <TextInput label="Fonction" maxLength={200} {...form.getInputProps('jobTitle')} />
          <TextInput label="Téléphone du contact" type="tel" maxLength={30} {...form.getInputProps('phone')} />
          <TextInput label="Courriel du contact" type="email" maxLength={254} {...form.getInputProps('email')} />
        </SimpleGrid>
        <Checkbox label="Contact principal" {...form.getInputProps('isPrimary', { type: 'checkbox' })} />
        <FormActions
          saving={save.isPending}
          submitLabel={contact ? 'Enregistrer le contact' : 'Ajouter le contact'}
          onCancel={onDone}
        />
      </Stack>
    </form>
  )
}
