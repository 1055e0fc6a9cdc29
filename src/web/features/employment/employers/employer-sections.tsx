import {
  Button,
  Checkbox,
  Group,
  List,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useId, useState } from 'react'
import {
  type ContactInput,
  contactInput,
  type EmployerDetail,
  type InteractionInput,
  interactionInput,
} from '../../../../shared/employment/employers.schema.ts'
import {
  contractKinds,
  immersionStatuses,
  interactionKinds,
  offerStatuses,
} from '../../../../shared/employment/employment.nomenclature.ts'
import { bodyErrors } from '../../../components/body-errors.ts'
import { FormActions } from '../../../components/form-actions.tsx'
import { applyFieldErrors, FormError } from '../../../components/form-error.tsx'
import { formatDate, formatNumber, today } from '../../../components/format.ts'
import { employersApi, refreshEmployers } from './employers.api.ts'

// The company file's sections (docs/employment/employers.md « Screens »): contacts, interactions, history.

const label = (list: { labels: Record<string, string> }, code: string) => list.labels[code] ?? code
const blank = (s: string) => (s.trim() === '' ? null : s.trim())

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  const id = useId()
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="xs">
        {title}
      </Title>
      {children}
    </section>
  )
}

// ---- contacts

export function ContactsSection({ employer: e, manage }: { employer: EmployerDetail; manage: boolean }) {
  const [adding, setAdding] = useState(false)
  return (
    <Section title="Contacts">
      <Stack gap="sm">
        {e.contacts.length === 0 && <Text size="sm">Aucun contact enregistré.</Text>}
        {e.contacts.length > 0 && (
          <List spacing={4}>
            {e.contacts.map((c) => (
              <List.Item key={c.id}>
                <Text span fw={c.isPrimary ? 600 : undefined}>
                  {c.name}
                </Text>
                {c.jobTitle && `, ${c.jobTitle}`}
                {[c.phone, c.email].filter(Boolean).length > 0 &&
                  ` — ${[c.phone, c.email].filter(Boolean).join(' — ')}`}
                {c.isPrimary && ' (contact principal)'}
                {!c.active && ' (a quitté l’entreprise)'}
              </List.Item>
            ))}
          </List>
        )}
        {manage && !adding && (
          <Button variant="default" size="xs" w="fit-content" onClick={() => setAdding(true)}>
            Ajouter un contact
          </Button>
        )}
        {manage && adding && <ContactForm employerId={e.id} onDone={() => setAdding(false)} />}
      </Stack>
    </Section>
  )
}

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

function ContactForm({ employerId, onDone }: { employerId: string; onDone: () => void }) {
  const client = useQueryClient()
  const form = useForm<ContactValues>({
    mode: 'uncontrolled',
    initialValues: { name: '', jobTitle: '', phone: '', email: '', isPrimary: false },
    validate: (v) => contactBody(v).errors,
  })
  const add = useMutation({
    mutationFn: (v: ContactValues) => employersApi.addContact(employerId, contactBody(v).body),
    onSuccess: async () => {
      await refreshEmployers(client)
      onDone()
    },
    onError: (error) => applyFieldErrors(form, error),
  })
  return (
    <form onSubmit={form.onSubmit((v) => add.mutate(v))} noValidate aria-label="Nouveau contact">
      <Stack gap="sm" maw={720}>
        <FormError error={add.error} title="Enregistrement impossible" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Nom du contact" required maxLength={200} data-autofocus {...form.getInputProps('name')} />
          <TextInput label="Fonction" maxLength={200} {...form.getInputProps('jobTitle')} />
          <TextInput label="Téléphone du contact" type="tel" maxLength={30} {...form.getInputProps('phone')} />
          <TextInput label="Courriel du contact" type="email" maxLength={254} {...form.getInputProps('email')} />
        </SimpleGrid>
        <Checkbox label="Contact principal" {...form.getInputProps('isPrimary', { type: 'checkbox' })} />
        <FormActions saving={add.isPending} submitLabel="Ajouter le contact" onCancel={onDone} />
      </Stack>
    </form>
  )
}

// ---- interactions

const KIND_OPTIONS = interactionKinds.codes.map((code) => ({ value: code, label: interactionKinds.labels[code] }))

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

export function InteractionsSection({ employer: e, manage }: { employer: EmployerDetail; manage: boolean }) {
  const client = useQueryClient()
  const form = useForm<InteractionValues>({
    mode: 'uncontrolled',
    initialValues: { date: today(), kind: 'call', contactId: null, subject: '', note: '' },
    validate: (v) => interactionBody(v).errors,
  })
  const add = useMutation({
    mutationFn: (v: InteractionValues) => employersApi.addInteraction(e.id, interactionBody(v).body),
    onSuccess: async () => {
      form.reset()
      await refreshEmployers(client)
    },
    onError: (error) => applyFieldErrors(form, error),
  })
  const contacts = e.contacts.filter((c) => c.active).map((c) => ({ value: c.id, label: c.name }))
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
                <Text size="sm">
                  <Text span fw={600}>
                    {formatDate(i.date)} — {label(interactionKinds, i.kind)}
                  </Text>{' '}
                  : {i.subject}
                  {i.contactName && ` (avec ${i.contactName})`}
                  {i.officerName && `, par ${i.officerName}`}
                </Text>
                {i.note && (
                  <Text size="sm" c="dimmed">
                    {i.note}
                  </Text>
                )}
              </li>
            ))}
          </ol>
        )}
        {manage && (
          <form onSubmit={form.onSubmit((v) => add.mutate(v))} noValidate aria-label="Noter un échange">
            <Stack gap="sm" maw={720}>
              <Title order={3} size="h4">
                Noter un échange
              </Title>
              <FormError error={add.error} title="Enregistrement impossible" />
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
              <FormActions saving={add.isPending} submitLabel="Enregistrer l’échange" />
            </Stack>
          </form>
        )}
      </Stack>
    </Section>
  )
}

// ---- history

export function HistorySection({ employer: e }: { employer: EmployerDetail }) {
  const h = e.history
  return (
    <Section title="Historique">
      <Stack gap="md">
        <Group gap="xl">
          <Text>Offres : {formatNumber(h.counts.offers)}</Text>
          <Text>Recrutements : {formatNumber(h.counts.placements)}</Text>
          <Text>Immersions : {formatNumber(h.counts.immersions)}</Text>
          <Text>Heures d’insertion (clauses) : {formatNumber(h.counts.clauseHours)}</Text>
        </Group>
        <History
          title="Offres d’emploi"
          empty="Aucune offre."
          heads={['Poste', 'Contrat', 'Postes', 'Statut', 'Reçue le']}
        >
          {h.offers.map((o) => [
            o.title,
            label(contractKinds, o.contractKind),
            formatNumber(o.positions),
            label(offerStatuses, o.status),
            formatDate(o.createdOn),
          ])}
        </History>
        <History title="Recrutements" empty="Aucun recrutement." heads={['Personne', 'Poste', 'Contrat', 'Début']}>
          {h.placements.map((p) => [
            p.personName ?? '—',
            p.jobTitle ?? '—',
            label(contractKinds, p.contractKind),
            formatDate(p.startDate),
          ])}
        </History>
        <History title="Immersions (PMSMP)" empty="Aucune immersion." heads={['Personne', 'Métier', 'Dates', 'Statut']}>
          {h.immersions.map((i) => [
            i.personName ?? '—',
            i.jobTitle,
            `du ${formatDate(i.startsOn)} au ${formatDate(i.endsOn)}`,
            label(immersionStatuses, i.status),
          ])}
        </History>
        <History
          title="Clauses d’insertion"
          empty="Aucun lot attribué."
          heads={['Opération', 'Lot', 'Heures exigées', 'Heures réalisées']}
        >
          {h.clauseLots.map((l) => [
            l.operationName,
            l.label,
            formatNumber(l.requiredHours),
            formatNumber(l.hoursDone),
          ])}
        </History>
      </Stack>
    </Section>
  )
}

function History({
  title,
  empty,
  heads,
  children,
}: {
  title: string
  empty: string
  heads: string[]
  children: string[][]
}) {
  const id = useId()
  return (
    <section aria-labelledby={id}>
      <Title order={3} size="h4" id={id} mb={4}>
        {title}
      </Title>
      {children.length === 0 ? (
        <Text size="sm">{empty}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                {heads.map((h) => (
                  <Table.Th key={h} scope="col">
                    {h}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {children.map((row, k) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows of a read-only list, in the server's order
                <Table.Tr key={k}>
                  {row.map((cell, c) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed
                    <Table.Td key={c}>{cell}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  )
}
