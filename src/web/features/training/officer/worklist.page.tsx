import { Badge, Loader, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import type { TrainingSession } from '../../../../shared/training/catalogue.schema.ts'
import type { Prescription } from '../../../../shared/training/prescriptions.schema.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatDate, formatNumber, today } from '../../../components/format.ts'
import { Page } from '../../../components/page.tsx'
import { AnchorLink } from '../../persons/anchor-link.tsx'
import { personName, sessionDates } from '../training.labels.ts'
import { worklistQuery } from './officer.api.ts'

// « Prescriptions à traiter » (docs/training/screens.md « Le département formation »): the training officer's worklist
// in sections with their counts — to validate (the oldest first), more information asked, the bodies' answers
// overdue, the sessions filling up. Each person's name opens the prescription.

export function WorkSection({
  id,
  title,
  count,
  children,
}: {
  id: string
  title: string
  count: number
  children: ReactNode
}) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="xs">
        {title} <Badge variant="light">{formatNumber(count)}</Badge>
      </Title>
      {count === 0 ? <Text c="dimmed">Rien en attente.</Text> : children}
    </section>
  )
}

function Prescriptions({ items, caption, late }: { items: Prescription[]; caption: string; late?: boolean }) {
  const day = today()
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover aria-label={caption}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Personne</Table.Th>
            <Table.Th>Action</Table.Th>
            <Table.Th>Session</Table.Th>
            <Table.Th>Prescripteur</Table.Th>
            <Table.Th>Déposée le</Table.Th>
            <Table.Th>Réponse attendue le</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Th scope="row" fw={500}>
                <AnchorLink to="/formation/prescriptions/$id" params={{ id: p.id }}>
                  {personName(p.person)}
                </AnchorLink>
              </Table.Th>
              <Table.Td>
                {p.session.actionTitle}
                <Text size="xs" c="dimmed">
                  {p.session.bodyName}
                </Text>
              </Table.Td>
              <Table.Td>{sessionDates(p.session)}</Table.Td>
              <Table.Td>{p.prescriberName ?? '—'}</Table.Td>
              <Table.Td>{formatDate(p.filedAt)}</Table.Td>
              <Table.Td>
                {p.answerDueOn ? formatDate(p.answerDueOn) : '—'}
                {(late || (p.answerDueOn && p.answerDueOn < day)) && p.answerDueOn && (
                  <Text span size="sm" c="red.9" fw={600}>
                    {' '}
                    (en retard)
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

function Sessions({ items }: { items: TrainingSession[] }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover aria-label="Sessions qui se remplissent">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Action</Table.Th>
            <Table.Th>Organisme</Table.Th>
            <Table.Th>Dates</Table.Th>
            <Table.Th ta="right">Places restantes</Table.Th>
            <Table.Th ta="right">En attente</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Th scope="row" fw={500}>
                <AnchorLink to="/formation/sessions/$id" params={{ id: s.id }}>
                  {s.actionTitle}
                </AnchorLink>
              </Table.Th>
              <Table.Td>{s.bodyName}</Table.Td>
              <Table.Td>{sessionDates(s)}</Table.Td>
              <Table.Td ta="right">
                {formatNumber(s.placesLeft)} / {formatNumber(s.places)}
              </Table.Td>
              <Table.Td ta="right">{formatNumber(s.pending)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

export function WorklistPage() {
  const list = useQuery(worklistQuery)
  const w = list.data
  return (
    <Page title="Prescriptions à traiter">
      <FormError error={list.error} title="Chargement impossible" />
      {list.isPending && <Loader aria-label="Chargement des prescriptions à traiter" />}
      {w && (
        <>
          <WorkSection id="formation-a-valider" title="À valider" count={w.toValidate.length}>
            <Prescriptions items={w.toValidate} caption="Prescriptions à valider" />
          </WorkSection>
          <WorkSection id="formation-complement" title="Complément demandé" count={w.moreInfo.length}>
            <Prescriptions items={w.moreInfo} caption="Complément demandé au prescripteur" />
          </WorkSection>
          <WorkSection id="formation-retard" title="Réponses en retard" count={w.answersOverdue.length}>
            <Prescriptions items={w.answersOverdue} caption="Réponses des organismes en retard" late />
          </WorkSection>
          <WorkSection id="formation-sessions" title="Sessions qui se remplissent" count={w.sessionsFilling.length}>
            <Sessions items={w.sessionsFilling} />
          </WorkSection>
        </>
      )}
    </Page>
  )
}
