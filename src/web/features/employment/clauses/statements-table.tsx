import { Table, Text, Title } from '@mantine/core'
import type { ClauseStatement } from '../../../../shared/employment/clauses.schema.ts'
import { formatDateTime, formatNumber } from '../../../components/format.ts'

// « Relevés importés »: one line per company and month, its latest version (docs/employment/clauses.md « Relevés »).

const month = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`

export function StatementsTable({ statements }: { statements: ClauseStatement[] }) {
  return (
    <section aria-labelledby="clause-statements">
      <Title order={2} size="h3" id="clause-statements" mb="xs">
        Relevés importés
      </Title>
      {statements.length === 0 ? (
        <Text>Aucun relevé importé.</Text>
      ) : (
        <Table striped aria-label="Relevés importés" maw={1100}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Mois</Table.Th>
              <Table.Th>Entreprise</Table.Th>
              <Table.Th>Fichier (dernière version)</Table.Th>
              <Table.Th>Importé le</Table.Th>
              <Table.Th>Par</Table.Th>
              <Table.Th ta="right">Lignes</Table.Th>
              <Table.Th ta="right">Heures</Table.Th>
              <Table.Th ta="right">Versions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {statements.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{s.months.map(month).join(', ') || '—'}</Table.Td>
                <Table.Td>{s.employerName ?? (s.period ? 'Entreprise à désigner' : '—')}</Table.Td>
                <Table.Td>{s.fileName}</Table.Td>
                <Table.Td>{formatDateTime(s.importedAt)}</Table.Td>
                <Table.Td>{s.importedBy ?? '—'}</Table.Td>
                <Table.Td ta="right">{formatNumber(s.rowCount)}</Table.Td>
                <Table.Td ta="right">{formatNumber(s.hours)}</Table.Td>
                <Table.Td ta="right">{formatNumber(s.versions)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  )
}
