import { Badge, Button, Group, Loader, Radio, Stack, Switch, Table, Text, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { channels, deliveryStatuses, type Message, purposes } from '../../../shared/agenda/messages.schema.ts'
import { FormError } from '../../components/form-error.tsx'
import { formatDate, formatDateTime } from '../../components/format.ts'
import type { FileTabProps } from '../../web-module.ts'
import { agendaApi, personAgendaQuery, refreshAgenda } from './agenda.api.ts'
import { placeText } from './appointment-detail.tsx'
import { attendanceLabel, frenchTime, kindLabel } from './labels.ts'

/**
 * The person file's "Rendez-vous" tab: the person's appointments past and future, every message sent to them, and
 * their consent to messages with the channel they prefer.
 */
export function AppointmentsTab({ person }: FileTabProps) {
  const data = useQuery(personAgendaQuery(person.id))
  if (data.isPending) return <Loader aria-label="Chargement des rendez-vous" />
  if (!data.data) return <FormError error={data.error} title="Chargement impossible" />
  const { appointments, messages, contact } = data.data
  return (
    <Stack gap="lg">
      <ContactForm personId={person.id} contact={contact} canWrite={person.can.write} />
      <section aria-labelledby="rdv-liste">
        <Title order={2} size="h4" id="rdv-liste" mb="xs">
          Rendez-vous
        </Title>
        <Table.ScrollContainer minWidth={700}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th>Heure</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Lieu</Table.Th>
                <Table.Th>Conseiller</Table.Th>
                <Table.Th>Présence</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {appointments.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text ta="center">Aucun rendez-vous.</Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {appointments.map((a) => {
                const mine = a.persons.find((p) => p.personId === person.id)
                return (
                  <Table.Tr key={a.id}>
                    <Table.Td>{formatDate(a.date)}</Table.Td>
                    <Table.Td>
                      {frenchTime(a.start)}–{frenchTime(a.end)}
                    </Table.Td>
                    <Table.Td>
                      {a.title ?? kindLabel(a.kind)}
                      {a.cancelled && (
                        <Badge ml="xs" color="gray" variant="light">
                          annulé
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{placeText(a)}</Table.Td>
                    <Table.Td>{a.counsellorName}</Table.Td>
                    <Table.Td>{attendanceLabel(mine?.attendance ?? null)}</Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </section>
      <section aria-labelledby="rdv-messages">
        <Title order={2} size="h4" id="rdv-messages" mb="xs">
          Messages envoyés
        </Title>
        {messages.length === 0 ? (
          <Text>Aucun message.</Text>
        ) : (
          <Table.ScrollContainer minWidth={700}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Envoyé le</Table.Th>
                  <Table.Th>Message</Table.Th>
                  <Table.Th>Canal</Table.Th>
                  <Table.Th>À</Table.Th>
                  <Table.Th>État</Table.Th>
                  <Table.Th>Texte</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {messages.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>{formatDateTime(m.sentAt)}</Table.Td>
                    <Table.Td>{purposes.labels[m.purpose]}</Table.Td>
                    <Table.Td>{channels.labels[m.channel]}</Table.Td>
                    <Table.Td>{m.recipient}</Table.Td>
                    <Table.Td>{stateOf(m)}</Table.Td>
                    <Table.Td maw={360}>
                      <Text size="sm" lineClamp={3}>
                        {m.subject ? `${m.subject} — ` : ''}
                        {m.body}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </section>
    </Stack>
  )
}

function ContactForm({
  personId,
  contact,
  canWrite,
}: {
  personId: string
  contact: {
    consent: boolean | null
    channel: 'email' | 'sms' | null
    recordedAt: string | null
    recordedByName: string | null
    hasEmail: boolean
    hasPhone: boolean
    version: number
  }
  canWrite: boolean
}) {
  const client = useQueryClient()
  const [consent, setConsent] = useState(contact.consent ?? false)
  const [channel, setChannel] = useState<'email' | 'sms'>(contact.channel ?? (contact.hasEmail ? 'email' : 'sms'))
  const save = useMutation({
    mutationFn: () => agendaApi.saveContact(personId, { consent, channel, version: contact.version }),
    onSuccess: () => refreshAgenda(client),
  })
  return (
    <section aria-labelledby="rdv-accord">
      <Title order={2} size="h4" id="rdv-accord" mb="xs">
        Convocations et rappels
      </Title>
      <FormError error={save.error} title="Accord non enregistré" />
      <Text size="sm" mb="xs">
        {contact.consent === null
          ? 'Accord non recueilli : aucun message ne part.'
          : `${contact.consent ? 'Accepte' : 'Refuse'} les messages (${contact.channel ? channels.labels[contact.channel] : ''}), noté le ${formatDateTime(contact.recordedAt!)}${contact.recordedByName ? ` par ${contact.recordedByName}` : ''}.`}
        {!contact.hasEmail && ' Pas d’adresse électronique dans le dossier.'}
        {!contact.hasPhone && ' Pas de téléphone dans le dossier.'}
      </Text>
      {canWrite && (
        <Group align="flex-end">
          <Switch
            label="La personne accepte de recevoir convocations et rappels"
            checked={consent}
            onChange={(e) => setConsent(e.currentTarget.checked)}
          />
          <Radio.Group label="Canal préféré" value={channel} onChange={(v) => setChannel(v as 'email' | 'sms')}>
            <Group mt="xs">
              <Radio value="email" label="Courriel" />
              <Radio value="sms" label="SMS" />
            </Group>
          </Radio.Group>
          <Button variant="light" loading={save.isPending} onClick={() => save.mutate()}>
            Enregistrer l’accord
          </Button>
        </Group>
      )}
    </section>
  )
}

/** Sent or failed; for an SMS, what the provider last said of its delivery (its webhook), and when. */
function stateOf(m: Message): string {
  if (m.status === 'failed') return `Échec : ${m.error ?? ''}`
  if (!m.delivery) return 'Envoyé'
  const label = deliveryStatuses.labels[m.delivery.status]
  return m.delivery.at ? `${label} (${formatDateTime(m.delivery.at)})` : label
}
