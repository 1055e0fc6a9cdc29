import { Group, Stack, Table, Text, Title } from '@mantine/core'
import { useId } from 'react'
import type { EmployerDetail } from '../../../../shared/employment/employers.schema.ts'
import {
  contractKinds,
  immersionStatuses,
  offerStatuses,
} from '../../../../shared/employment/employment.nomenclature.ts'
import { formatDate, formatNumber } from '../../../components/format.ts'

// The company file's sections (docs/employment/employers.md « Screens »): the history; the contacts in
// employer-contacts.tsx, the interactions in employer-interactions.tsx.

const label = (list: { labels: Record<string, string> }, code: string) => list.labels[code] ?? code

export function Section({ title, children }: { title: string; children: React.ReactNode }) {
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
