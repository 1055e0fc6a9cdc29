import { Stack, Table, Text, Title } from '@mantine/core'
import type {
  Figure,
  IndicatorResult,
  ObjectiveResult,
  ResultTable,
} from '../../../shared/reporting/reporting.schema.ts'
import { formatNumber } from '../../components/format.ts'
import { Chart } from './lazy-chart.tsx'
import { tableChart } from './statistics.charts.ts'
import { formatValue } from './statistics.format.ts'

// One indicator result as the statistician reads it: key figures, objectives, then each table with its note.

/**
 * The frame a wide table scrolls in on a narrow screen: reachable from the keyboard (the arrows scroll it) and named
 * after its table, so the page itself never scrolls sideways.
 */
export const scrollFrame = (label: string) => ({
  scrollAreaProps: { viewportProps: { tabIndex: 0, role: 'region', 'aria-label': `${label} (tableau défilant)` } },
})

export const SECRET_HELP = 's : secret statistique (effectif trop faible pour être publié)'

export function FiguresTable({ figures, caption }: { figures: Figure[]; caption: string }) {
  if (!figures.length) return null
  return (
    <Table withTableBorder w="auto" maw={720}>
      <Table.Caption>{caption}</Table.Caption>
      <Table.Tbody>
        {figures.map((f) => (
          <Table.Tr key={f.key}>
            <Table.Th scope="row" fw={400}>
              {f.label}
            </Table.Th>
            <Table.Td ta="right" fw={700}>
              {formatValue(f.value, f.kind, f.decimals, f.hidden)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

export function ObjectivesTable({ objectives }: { objectives: ObjectiveResult[] }) {
  if (!objectives.length) return null
  const n = (v: number | null, d = 0) => (v === null ? 's' : formatNumber(v, { maximumFractionDigits: d }))
  return (
    <Table withTableBorder striped w="auto">
      <Table.Caption>Objectifs des conventions</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Objectif</Table.Th>
          <Table.Th>Convention</Table.Th>
          <Table.Th ta="right">Cible</Table.Th>
          <Table.Th ta="right">Résultat</Table.Th>
          <Table.Th ta="right">Écart</Table.Th>
          <Table.Th ta="right">Taux</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {objectives.map((o) => (
          <Table.Tr key={o.objectiveId}>
            <Table.Td>{o.label}</Table.Td>
            <Table.Td>
              {o.agreement} ({o.funder})
            </Table.Td>
            <Table.Td ta="right">
              {n(o.target, 1)}
              {o.prorated ? ' (au prorata)' : ''}
            </Table.Td>
            <Table.Td ta="right">{n(o.result, 1)}</Table.Td>
            <Table.Td ta="right">{o.gap === null ? 's' : `${o.gap > 0 ? '+' : ''}${n(o.gap, 1)}`}</Table.Td>
            <Table.Td ta="right" fw={700}>
              {o.rate === null ? 's' : `${n(o.rate, 1)} %`}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

export function ResultTableView({ table }: { table: ResultTable }) {
  const parents = new Set(table.rows.map((r) => r.parent).filter(Boolean))
  const hidden = table.rows.some((r) => r.hidden?.length)
  const chart = tableChart(table)
  return (
    <Stack gap={4}>
      {chart && <Chart chart={chart} />}
      <Table.ScrollContainer minWidth={480} {...scrollFrame(table.title)}>
        <Table withTableBorder striped w="auto" miw={480}>
          <Table.Caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 700 }}>
            {table.title}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{table.rowHeader}</Table.Th>
              {table.columns.map((c) => (
                <Table.Th key={c.key} ta="right">
                  {c.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {table.rows.map((row) => {
              const strong = row.total || parents.has(row.key)
              return (
                <Table.Tr key={row.key} fw={strong ? 700 : undefined}>
                  <Table.Th scope="row" fw={strong ? 700 : 400} pl={row.parent ? 'xl' : undefined}>
                    {row.label}
                  </Table.Th>
                  {table.columns.map((c, i) => (
                    <Table.Td key={c.key} ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatValue(row.values[i], c.kind, c.decimals, row.hidden?.includes(i))}
                    </Table.Td>
                  ))}
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {table.note && (
        <Text size="sm" c="dimmed" fs="italic">
          {table.note}
        </Text>
      )}
      {hidden && (
        <Text size="sm" c="dimmed">
          {SECRET_HELP}
        </Text>
      )}
    </Stack>
  )
}

/** A whole result: the headline value, the key figures, the objectives and every table. */
export function ResultView({ result, title }: { result: IndicatorResult; title?: string }) {
  return (
    <Stack gap="md">
      {title && (
        <Title order={2} size="h3">
          {title}
        </Title>
      )}
      <Text size="xl" fw={700} aria-live="polite">
        {result.value === null ? 's' : formatNumber(result.value)}{' '}
        <Text span size="md" fw={400}>
          {result.label.toLowerCase()}
        </Text>
      </Text>
      <FiguresTable figures={result.figures} caption="Chiffres clés" />
      <ObjectivesTable objectives={result.objectives} />
      {result.tables.map((t) => (
        <ResultTableView key={t.key} table={t} />
      ))}
    </Stack>
  )
}
