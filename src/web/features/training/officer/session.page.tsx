import { Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useParams } from '@tanstack/react-router'
import { can } from '../../../../shared/auth/roles.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatDate, formatNumber } from '../../../components/format.ts'
import { Page } from '../../../components/page.tsx'
import { useMe } from '../../auth/auth.api.ts'
import { AnchorLink } from '../../persons/anchor-link.tsx'
import {
  funderLabel,
  infoSessionText,
  nsfText,
  personName,
  sessionDates,
  sessionStatusLabel,
} from '../training.labels.ts'
import { prescriptionsQuery, sessionQuery } from './officer.api.ts'
import { StatusBadge } from './prescription-card.tsx'

/** A session: its places (taken, left, pending) and, for the department, its prescriptions by status. */
export function SessionPage() {
  const { id } = useParams({ strict: false }) as { id: string }
  const me = useMe()
  const manage = can(me.role, 'trainingManage')
  const session = useQuery(sessionQuery(id))
  const list = useQuery({ ...prescriptionsQuery({ sessionId: id }), enabled: manage })
  const s = session.data
  return (
    <Page title={s ? `Session : ${s.actionTitle}` : 'Session'}>
      <FormError error={session.error ?? list.error} title="Chargement impossible" />
      {session.isPending && <Loader aria-label="Chargement de la session" />}
      {s && (
        <Stack gap="lg">
          <AnchorLink to="/formation/catalogue">Retour au catalogue</AnchorLink>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Text size="sm">Organisme : {s.bodyName}</Text>
            <Text size="sm">Financeur : {funderLabel(s.funder)}</Text>
            <Text size="sm">Domaine : {nsfText(s.nsfCode)}</Text>
            <Text size="sm">Dates : {sessionDates(s)}</Text>
            <Text size="sm">Lieu : {[s.place, s.communeName].filter(Boolean).join(', ') || '—'}</Text>
            <Text size="sm">Information collective : {infoSessionText(s)}</Text>
            <Text size="sm">Statut : {sessionStatusLabel(s.status)}</Text>
            <Text size="sm">
              Candidatures jusqu’au : {s.applicationsCloseOn ? formatDate(s.applicationsCloseOn) : '—'}
            </Text>
          </SimpleGrid>
          <section aria-labelledby="session-places">
            <Title order={2} size="h3" id="session-places" mb="xs">
              Places
            </Title>
            <Group gap="xl">
              <Text>Places : {formatNumber(s.places)}</Text>
              <Text>Prises : {formatNumber(s.placesTaken)}</Text>
              <Text fw={600}>Restantes : {formatNumber(s.placesLeft)}</Text>
              <Text>Demandes en attente : {formatNumber(s.pending)}</Text>
            </Group>
          </section>
          {manage && list.data && (
            <section aria-labelledby="session-prescriptions">
              <Title order={2} size="h3" id="session-prescriptions" mb="xs">
                Prescriptions ({formatNumber(list.data.length)})
              </Title>
              {list.data.length === 0 ? (
                <Text c="dimmed">Aucune prescription.</Text>
              ) : (
                <Table striped aria-label="Prescriptions de la session">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Personne</Table.Th>
                      <Table.Th>Statut</Table.Th>
                      <Table.Th>Prescripteur</Table.Th>
                      <Table.Th>Déposée le</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {[...list.data]
                      .sort((a, b) => a.status.localeCompare(b.status))
                      .map((p) => (
                        <Table.Tr key={p.id}>
                          <Table.Th scope="row" fw={500}>
                            <AnchorLink to="/formation/prescriptions/$id" params={{ id: p.id }}>
                              {personName(p.person)}
                            </AnchorLink>
                          </Table.Th>
                          <Table.Td>
                            <StatusBadge status={p.status} />
                          </Table.Td>
                          <Table.Td>{p.prescriberName ?? '—'}</Table.Td>
                          <Table.Td>{formatDate(p.filedAt)}</Table.Td>
                        </Table.Tr>
                      ))}
                  </Table.Tbody>
                </Table>
              )}
            </section>
          )}
        </Stack>
      )}
    </Page>
  )
}
