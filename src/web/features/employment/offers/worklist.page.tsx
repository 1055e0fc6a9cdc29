import { Alert, Badge, Group, Loader, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { can } from '../../../../shared/auth/roles.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatDate, formatNumber, today } from '../../../components/format.ts'
import { Page } from '../../../components/page.tsx'
import { useMe } from '../../auth/auth.api.ts'
import { AnchorLink, ButtonLink } from '../../persons/anchor-link.tsx'
import { candidateStatusLabel, contractText, personName } from '../employment.labels.ts'
import { FollowUpsTable } from './follow-ups.page.tsx'
import { worklistQuery } from './offers.api.ts'

// « Emploi », the employment officer's home (docs/employment/screens.md): the overdue follow-ups as an alert, then in
// sections with their counts: the follow-ups due, the candidates to chase (sent or at interview for a week without an
// answer), the open offers, the recruitment operations running.

function Section({ id, title, count, children }: { id: string; title: string; count: number; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="xs">
        {title} <Badge variant="light">{formatNumber(count)}</Badge>
      </Title>
      {count === 0 ? <Text c="dimmed">Rien en attente.</Text> : children}
    </section>
  )
}

export function EmploymentWorklistPage() {
  const me = useMe()
  const list = useQuery(worklistQuery)
  const w = list.data
  const day = today()
  const overdue = w?.followUpsDue.filter((f) => !f.doneOn && f.dueOn < day).length ?? 0
  const manage = can(me.role, 'employmentManage')
  return (
    <Page
      title="Emploi"
      actions={
        manage && (
          <Group gap="xs">
            <ButtonLink to="/emploi/offres/nouvelle">Nouvelle offre</ButtonLink>
          </Group>
        )
      }
    >
      <FormError error={list.error} title="Chargement impossible" />
      {list.isPending && <Loader aria-label="Chargement du tableau de bord emploi" />}
      {w && (
        <>
          {overdue > 0 && (
            <Alert color="red" variant="light" title="Suivis en retard" role="alert">
              {formatNumber(overdue)} suivi(s) d’embauche en retard.{' '}
              <AnchorLink to="/emploi/suivis">Voir les suivis</AnchorLink>
            </Alert>
          )}
          <Section id="emploi-suivis" title="Suivis des embauches à faire" count={w.followUpsDue.length}>
            <FollowUpsTable items={w.followUpsDue} caption="Suivis des embauches à faire" record={manage} />
          </Section>
          <Section id="emploi-relancer" title="Candidats à relancer" count={w.candidatesToFollow.length}>
            <Table.ScrollContainer minWidth={720}>
              <Table striped aria-label="Candidats à relancer">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Personne</Table.Th>
                    <Table.Th>Offre</Table.Th>
                    <Table.Th>Statut</Table.Th>
                    <Table.Th>Positionné(e) le</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {w.candidatesToFollow.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Th scope="row" fw={500}>
                        {personName(c.person)}
                      </Table.Th>
                      <Table.Td>
                        <AnchorLink to="/emploi/offres/$id" params={{ id: c.offer.id }}>
                          {c.offer.title}
                        </AnchorLink>
                        <Text size="xs" c="dimmed">
                          {c.offer.employerName}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {candidateStatusLabel(c.status)}
                        {c.interviewOn && ` le ${formatDate(c.interviewOn)}`}
                      </Table.Td>
                      <Table.Td>{formatDate(c.positionedAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Section>
          <Section id="emploi-offres" title="Offres ouvertes" count={w.openOffers.length}>
            <Table.ScrollContainer minWidth={720}>
              <Table striped aria-label="Offres ouvertes">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Poste</Table.Th>
                    <Table.Th>Entreprise</Table.Th>
                    <Table.Th>Contrat</Table.Th>
                    <Table.Th ta="right">Candidats</Table.Th>
                    <Table.Th>Date limite</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {w.openOffers.map((o) => (
                    <Table.Tr key={o.id}>
                      <Table.Th scope="row" fw={500}>
                        <AnchorLink to="/emploi/offres/$id" params={{ id: o.id }}>
                          {o.title}
                        </AnchorLink>
                      </Table.Th>
                      <Table.Td>{o.employerName}</Table.Td>
                      <Table.Td>{contractText(o.contractKind, o.durationMonths)}</Table.Td>
                      <Table.Td ta="right">
                        {formatNumber(Object.values(o.candidateCounts).reduce((s, n) => s + n, 0))}
                      </Table.Td>
                      <Table.Td>{o.closesOn ? formatDate(o.closesOn) : '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Section>
          <Section id="emploi-operations" title="Opérations de recrutement en cours" count={w.operationsRunning.length}>
            <Table.ScrollContainer minWidth={560}>
              <Table striped aria-label="Opérations de recrutement en cours">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Opération</Table.Th>
                    <Table.Th>Entreprise</Table.Th>
                    <Table.Th ta="right">Recrutés / postes</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {w.operationsRunning.map((op) => (
                    <Table.Tr key={op.id}>
                      <Table.Th scope="row" fw={500}>
                        {op.title}
                      </Table.Th>
                      <Table.Td>{op.employerName}</Table.Td>
                      <Table.Td ta="right">
                        {formatNumber(op.hired)} / {formatNumber(op.positions)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Section>
        </>
      )}
    </Page>
  )
}
