import { Badge, Group, Loader, Stack, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { can } from '../../../../shared/auth/roles.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatDate } from '../../../components/format.ts'
import type { FileTabProps } from '../../../web-module.ts'
import { useMe } from '../../auth/auth.api.ts'
import { AnchorLink, ButtonLink } from '../../persons/anchor-link.tsx'
import { immersionsQuery } from './immersions.api.ts'
import { objectiveLabel, outcomeLabel, statusColor, statusLabel, validatedText } from './immersions.labels.ts'

// The person file's « Immersions » tab (docs/employment/immersions.md « Screens »): the person's work immersions
// with their status, assessment and what followed; « Préparer une immersion » for the counsellor and the officer.

export function ImmersionsTab({ person }: FileTabProps) {
  const me = useMe()
  const query = useQuery(immersionsQuery({ personId: person.id }))
  if (query.error) return <FormError error={query.error} title="Chargement impossible" />
  if (!query.data) return <Loader aria-label="Chargement des immersions" />
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h4">
          Immersions en entreprise
        </Title>
        {can(me.role, 'employmentPosition') && (
          <ButtonLink to="/emploi/immersions/nouvelle" search={{ personId: person.id }}>
            Préparer une immersion
          </ButtonLink>
        )}
      </Group>
      {query.data.length === 0 ? (
        <Text>Aucune immersion.</Text>
      ) : (
        <Table striped aria-label="Immersions de la personne">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Entreprise d’accueil</Table.Th>
              <Table.Th>Dates</Table.Th>
              <Table.Th>Objet</Table.Th>
              <Table.Th>Évaluation</Table.Th>
              <Table.Th>Suite</Table.Th>
              <Table.Th>Statut</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {query.data.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Th scope="row" fw={500}>
                  <AnchorLink to="/emploi/immersions/$id" params={{ id: i.id }}>
                    {i.employer.name}
                  </AnchorLink>
                  <Text size="xs" c="dimmed">
                    {i.jobTitle}
                  </Text>
                </Table.Th>
                <Table.Td>
                  du {formatDate(i.startsOn)} au {formatDate(i.endsOn)}
                </Table.Td>
                <Table.Td>{objectiveLabel(i.objective)}</Table.Td>
                <Table.Td>{validatedText(i.validated)}</Table.Td>
                <Table.Td>{i.outcome ? outcomeLabel(i.outcome) : '—'}</Table.Td>
                <Table.Td>
                  <Badge color={statusColor(i.status)} variant="light">
                    {statusLabel(i.status)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}
