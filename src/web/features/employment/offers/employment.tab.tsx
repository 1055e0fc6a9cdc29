import { Badge, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { can } from '../../../../shared/auth/roles.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatDate, formatNumber, today } from '../../../components/format.ts'
import type { FileTabProps } from '../../../web-module.ts'
import { useMe } from '../../auth/auth.api.ts'
import { AnchorLink } from '../../persons/anchor-link.tsx'
import {
  candidateStatusColor,
  candidateStatusLabel,
  contractText,
  followUpOutcomeLabel,
  milestoneText,
  refusalReasonLabel,
  romeTitle,
} from '../employment.labels.ts'
import { RecordFollowUpButton } from './follow-up-form.tsx'
import { personEmploymentQuery } from './offers.api.ts'
import { ProjectButton } from './project-form.tsx'

// The person file's « Emploi » tab (docs/employment/screens.md): the job projects matching reads (added and edited by
// the counsellor or the officer), the offers the person was positioned on with their status, the hires with their
// follow-ups at 1, 3 and 6 months (recorded by the officer).

export function EmploymentTab({ person }: FileTabProps) {
  const me = useMe()
  const query = useQuery(personEmploymentQuery(person.id))
  const data = query.data
  const edit = can(me.role, 'employmentPosition')
  const manage = can(me.role, 'employmentManage')
  const day = today()
  if (query.error) return <FormError error={query.error} title="Chargement impossible" />
  if (!data) return <Loader aria-label="Chargement de l’emploi" />
  return (
    <Stack gap="lg">
      <section aria-labelledby="emploi-projets">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4" id="emploi-projets">
            Projets professionnels
          </Title>
          {edit && <ProjectButton personId={person.id} />}
        </Group>
        {data.projects.length === 0 ? (
          <Text>Aucun projet professionnel : sans projet, la personne n’apparaît pas dans les correspondances.</Text>
        ) : (
          <Table striped aria-label="Projets professionnels">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Métier (ROME)</Table.Th>
                <Table.Th>Distance maximale</Table.Th>
                <Table.Th>Disponible le</Table.Th>
                <Table.Th>Statut</Table.Th>
                {edit && <Table.Th>Action</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.projects.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Th scope="row" fw={500}>
                    {romeTitle(p.romeCode)}
                    {p.label && (
                      <Text size="xs" c="dimmed">
                        {p.label}
                      </Text>
                    )}
                  </Table.Th>
                  <Table.Td>{p.maxDistanceKm === null ? '—' : `${formatNumber(p.maxDistanceKm)} km`}</Table.Td>
                  <Table.Td>{p.availableFrom ? formatDate(p.availableFrom) : '—'}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={p.active ? 'green' : 'gray'}>
                      {p.active ? 'Actif' : 'Inactif'}
                    </Badge>
                  </Table.Td>
                  {edit && (
                    <Table.Td>
                      <ProjectButton personId={person.id} project={p} />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>
      <section aria-labelledby="emploi-candidatures">
        <Title order={2} size="h4" id="emploi-candidatures" mb="xs">
          Candidatures sur des offres
        </Title>
        {data.candidates.length === 0 ? (
          <Text>La personne n’est positionnée sur aucune offre.</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped aria-label="Candidatures sur des offres">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Offre</Table.Th>
                  <Table.Th>Entreprise</Table.Th>
                  <Table.Th>Positionné(e) le</Table.Th>
                  <Table.Th>Statut</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.candidates.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Th scope="row" fw={500}>
                      <AnchorLink to="/emploi/offres/$id" params={{ id: c.offer.id }}>
                        {c.offer.title}
                      </AnchorLink>
                    </Table.Th>
                    <Table.Td>{c.offer.employerName}</Table.Td>
                    <Table.Td>{formatDate(c.positionedAt)}</Table.Td>
                    <Table.Td>
                      <Badge color={candidateStatusColor(c.status)} variant="light">
                        {candidateStatusLabel(c.status)}
                      </Badge>
                      {c.status === 'refused' && <Text size="xs">{refusalReasonLabel(c.refusalReason)}</Text>}
                      {c.status === 'interview' && c.interviewOn && (
                        <Text size="xs">Entretien le {formatDate(c.interviewOn)}</Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </section>
      <section aria-labelledby="emploi-embauches">
        <Title order={2} size="h4" id="emploi-embauches" mb="xs">
          Embauches et suivis
        </Title>
        {data.placements.length === 0 ? (
          <Text>Aucune embauche enregistrée.</Text>
        ) : (
          <Stack gap="sm">
            {data.placements.map((p) => (
              <Card key={p.id} withBorder component="article" aria-label={`Embauche chez ${p.employerName}`}>
                <Text fw={600}>
                  {p.employerName}
                  {p.jobTitle && ` — ${p.jobTitle}`}
                </Text>
                <Text size="sm">
                  {contractText(p.contractKind, p.durationMonths)}, embauche le {formatDate(p.startDate)}
                  {p.hoursPerWeek ? `, ${formatNumber(p.hoursPerWeek)} h par semaine` : ''}
                </Text>
                <Table mt="xs" aria-label={`Suivis de l’embauche chez ${p.employerName}`}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Suivi</Table.Th>
                      <Table.Th>À faire le</Table.Th>
                      <Table.Th>Résultat</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {p.followUps.map((f) => (
                      <Table.Tr key={f.id}>
                        <Table.Th scope="row" fw={500}>
                          {milestoneText(f.milestoneMonths)}
                        </Table.Th>
                        <Table.Td>
                          {formatDate(f.dueOn)}
                          {!f.doneOn && f.dueOn < day && (
                            <Text span size="sm" c="red.9" fw={600}>
                              {' '}
                              (en retard)
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          {f.doneOn ? (
                            `${followUpOutcomeLabel(f.outcome)}, le ${formatDate(f.doneOn)}${f.note ? ` : ${f.note}` : ''}`
                          ) : manage ? (
                            <RecordFollowUpButton followUp={f} person={p.person} />
                          ) : (
                            'À faire'
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Card>
            ))}
          </Stack>
        )}
      </section>
    </Stack>
  )
}
