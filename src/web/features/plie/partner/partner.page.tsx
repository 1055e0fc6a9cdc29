import { Alert, Badge, Card, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import type { PartnerPerson } from '../../../../shared/plie/organisations.schema.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatDate, formatNumber, today } from '../../../components/format.ts'
import { Page } from '../../../components/page.tsx'
import { partnerPeopleQuery } from './partner.api.ts'

// « Mes participants » (docs/plie.md « Setup and partners »): what a partner account sees — the persons with a step at
// its organisation or an exit credited to it, those steps and that exit. Nothing else of their file.

type Step = PartnerPerson['steps'][number]

const stepState = (s: Step, day: string) =>
  s.endDate !== null && s.endDate < day ? 'Terminée' : s.startDate > day ? 'À venir' : 'En cours'

function PersonCard({ person, day }: { person: PartnerPerson; day: string }) {
  const id = `partner-person-${person.personId}`
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Stack gap="xs">
        <Title order={2} size="h4" id={id}>
          {person.lastName.toUpperCase()} {person.firstName}
        </Title>
        {person.steps.length > 0 && (
          <Table>
            <Table.Caption>Étapes dans votre structure</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Étape</Table.Th>
                <Table.Th>Structure</Table.Th>
                <Table.Th>Du</Table.Th>
                <Table.Th>Au</Table.Th>
                <Table.Th>État</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {person.steps.map((s) => (
                <Table.Tr key={`${s.startDate}-${s.kind}-${s.organisationName}`}>
                  <Table.Td>{s.kindLabel}</Table.Td>
                  <Table.Td>{s.organisationName}</Table.Td>
                  <Table.Td>{formatDate(s.startDate)}</Table.Td>
                  <Table.Td>
                    {s.endDate
                      ? formatDate(s.endDate)
                      : s.plannedEndDate
                        ? `${formatDate(s.plannedEndDate)} (prévue)`
                        : '—'}
                  </Table.Td>
                  <Table.Td>{stepState(s, day)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {person.exit && (
          <Text size="sm">
            <Badge variant="light" color="green" mr="xs">
              Sortie créditée
            </Badge>
            le {formatDate(person.exit.date)} : {person.exit.reasonLabel} ({person.exit.organisationName})
          </Text>
        )}
      </Stack>
    </Card>
  )
}

export function PartnerPage() {
  const people = useQuery(partnerPeopleQuery)
  const day = today()
  const list = people.data ?? []
  const exits = list.filter((p) => p.exit !== null).length
  return (
    <Page title="Mes participants">
      <Text>
        Les personnes accompagnées par le PLIE qui ont une étape dans votre structure, ou dont la sortie vous est
        créditée.
      </Text>
      <FormError error={people.error} title="Chargement impossible" />
      {people.isPending ? (
        <Loader aria-label="Chargement de vos participants" />
      ) : list.length === 0 ? (
        <Alert color="gray">
          Aucun participant pour l’instant. Si vous en attendiez, demandez au PLIE de rattacher votre compte à votre
          structure.
        </Alert>
      ) : (
        <>
          <Text size="sm" role="status">
            {formatNumber(list.length)} participant{list.length > 1 ? 's' : ''}, dont {formatNumber(exits)} sortie
            {exits > 1 ? 's' : ''} créditée{exits > 1 ? 's' : ''}.
          </Text>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            {list.map((p) => (
              <PersonCard key={p.personId} person={p} day={day} />
            ))}
          </SimpleGrid>
        </>
      )}
    </Page>
  )
}
