import { Badge, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import type { TrainingSession } from '../../../../shared/training/catalogue.schema.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatDate, formatNumber } from '../../../components/format.ts'
import { Page } from '../../../components/page.tsx'
import { AnchorLink } from '../../persons/anchor-link.tsx'
import {
  infoSessionText,
  personName,
  placesText,
  prescriptionStatusColor,
  prescriptionStatusLabel,
  sessionDates,
} from '../training.labels.ts'
import { portalBodiesQuery, portalPrescriptionsQuery, portalSessionsQuery } from './portal.api.ts'

/**
 * « Mes sessions de formation », the training body's portal: its name, its sessions with places taken and left, and per
 * session the people the department sent (name, birth date, phone, e-mail) with their status; each opens the page where
 * the body answers. Nothing else of the person's file.
 */
export function PortalPage() {
  const bodies = useQuery(portalBodiesQuery)
  const sessions = useQuery(portalSessionsQuery)
  const names = (bodies.data ?? []).map((b) => b.name).join(', ')
  return (
    <Page title="Mes sessions de formation">
      <FormError error={bodies.error ?? sessions.error} title="Chargement impossible" />
      {bodies.data && (
        <Text>
          {bodies.data.length === 0
            ? 'Ce compte n’est rattaché à aucun organisme de formation : le département formation doit l’y rattacher.'
            : `Organisme : ${names}`}
        </Text>
      )}
      {sessions.isPending ? (
        <Loader aria-label="Chargement des sessions" />
      ) : sessions.data?.length === 0 ? (
        <Text>Aucune session.</Text>
      ) : (
        <Stack gap="md">
          {(sessions.data ?? []).map((s) => (
            <SessionCard key={s.id} session={s} />
          ))}
        </Stack>
      )}
    </Page>
  )
}

function SessionCard({ session: s }: { session: TrainingSession }) {
  const people = useQuery(portalPrescriptionsQuery(s.id))
  const headingId = `session-${s.id}`
  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4" id={headingId}>
            {s.actionTitle} — {sessionDates(s)}
          </Title>
          <Badge variant="light" color={s.placesLeft > 0 ? 'green' : 'gray'}>
            {placesText(s)}
          </Badge>
        </Group>
        <Text size="sm">
          {s.bodyName} · {s.communeName ?? s.place ?? 'lieu à préciser'} · places prises : {formatNumber(s.placesTaken)}{' '}
          · en attente de réponse : {formatNumber(s.pending)}
        </Text>
        <Text size="sm">Information collective : {infoSessionText(s)}</Text>
        <FormError error={people.error} title="Personnes prescrites indisponibles" />
        {people.isPending ? (
          <Loader size="sm" aria-label="Chargement des personnes prescrites" />
        ) : people.data?.length === 0 ? (
          <Text size="sm">Aucune personne prescrite validée pour l’instant.</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped aria-label={`Personnes prescrites : ${s.actionTitle}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Personne</Table.Th>
                  <Table.Th>Née le</Table.Th>
                  <Table.Th>Téléphone</Table.Th>
                  <Table.Th>Courriel</Table.Th>
                  <Table.Th>Statut</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(people.data ?? []).map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <AnchorLink to="/formation/organisme/prescriptions/$id" params={{ id: p.id }}>
                        {personName(p.person)}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>{p.person.birthDate ? formatDate(p.person.birthDate) : '—'}</Table.Td>
                    <Table.Td>{p.person.phone ?? '—'}</Table.Td>
                    <Table.Td>{p.person.email ?? '—'}</Table.Td>
                    <Table.Td>
                      <Badge color={prescriptionStatusColor(p.status)} variant="light">
                        {prescriptionStatusLabel(p.status)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  )
}
