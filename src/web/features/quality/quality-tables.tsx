import { Table, Text, VisuallyHidden } from '@mantine/core'
import type { QualityGroup, QualityRule, QualityTrend } from '../../../shared/quality/quality.schema.ts'
import { formatDate, formatNumber } from '../../components/format.ts'

// The counts crossed with the rules: by site, by counsellor, month by month. A rule's column shows its number (the
// rules table numbers them) and says its name to screen readers.

const monthFormat = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' })
const monthLabel = (month: string) => monthFormat.format(new Date(`${month}-01T00:00:00Z`))

function RuleHeaders({ rules }: { rules: QualityRule[] }) {
  return rules.map((r, i) => (
    <Table.Th key={r.id} ta="right" title={r.label}>
      <span aria-hidden="true">R{i + 1}</span>
      <VisuallyHidden>{r.label}</VisuallyHidden>
    </Table.Th>
  ))
}

const n = (v: number | undefined) => formatNumber(v ?? 0)

/** Counts by site or by counsellor: a line per group, a column per rule. */
export function GroupTable({
  caption,
  header,
  groups,
  rules,
}: {
  caption: string
  header: string
  groups: QualityGroup[]
  rules: QualityRule[]
}) {
  if (groups.length === 0) return null
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped withTableBorder verticalSpacing={4} fz="sm">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{header}</Table.Th>
            <Table.Th ta="right">Dossiers en cours</Table.Th>
            <RuleHeaders rules={rules} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((g) => (
            <Table.Tr key={g.id ?? 'none'}>
              <Table.Th scope="row" fw={500}>
                {g.label}
              </Table.Th>
              <Table.Td ta="right">{n(g.files)}</Table.Td>
              {rules.map((r) => (
                <Table.Td key={r.id} ta="right" fw={g.counts[r.id] ? 700 : 400}>
                  {n(g.counts[r.id])}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

/** The director's trend: a line per month (its last day, today for the current one), a column per rule. */
export function TrendTable({ trend }: { trend: QualityTrend }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped withTableBorder verticalSpacing={4} fz="sm">
        <Table.Caption>Dossiers ne respectant pas chaque règle, mois par mois</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Mois</Table.Th>
            <Table.Th ta="right">Dossiers en cours</Table.Th>
            <RuleHeaders rules={trend.rules} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {trend.months.map((m) => (
            <Table.Tr key={m.month}>
              <Table.Th scope="row" fw={500}>
                {monthLabel(m.month)}{' '}
                <Text span size="xs" c="dimmed">
                  (au {formatDate(m.day)})
                </Text>
              </Table.Th>
              <Table.Td ta="right">{n(m.files)}</Table.Td>
              {trend.rules.map((r) => (
                <Table.Td key={r.id} ta="right">
                  {n(m.counts[r.id])}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
