import { Stack, Table, Text } from '@mantine/core'
import type { IndicatorResult } from '../../../shared/reporting/reporting.schema.ts'
import { Chart } from './lazy-chart.tsx'
import { scrollFrame } from './result-view.tsx'
import { mainColumn, periodsChart } from './statistics.charts.ts'
import { comparisonTitles, lineCells, periodHeadings } from './statistics.format.ts'

// Year on year: the same indicator over several periods side by side, oldest first, each period followed by the
// change from the one before (difference and percent; points for shares).

interface Line {
  key: string
  label: string
  cells: string[]
  strong?: boolean
}

function ComparisonTable({
  caption,
  rowHeader,
  headings,
  lines,
}: {
  caption: string
  /** the first column's heading (what its lines are): a table header is never empty (axe's empty-table-header) */
  rowHeader: string
  headings: string[]
  lines: Line[]
}) {
  return (
    <Table.ScrollContainer minWidth={420} {...scrollFrame(caption)}>
      <Table withTableBorder striped w="auto" miw={420}>
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 700 }}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{rowHeader}</Table.Th>
            {headings.map((h) => (
              <Table.Th key={h} ta="right">
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l) => (
            <Table.Tr key={l.key}>
              <Table.Th scope="row" fw={l.strong ? 700 : 400}>
                {l.label}
              </Table.Th>
              {l.cells.map((c, i) => (
                <Table.Td key={headings[i]} ta="right" fw={l.strong ? 700 : undefined} style={{ whiteSpace: 'nowrap' }}>
                  {c}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

export function Comparison({ results }: { results: IndicatorResult[] }) {
  const periods = results.map((r) => r.period)
  const last = results[results.length - 1]
  const figures: Line[] = [
    {
      key: 'value',
      label: last.label,
      strong: true,
      cells: lineCells(
        results.map((r) => ({ value: r.value, hidden: r.value === null && !!r.secrecy })),
        'count',
        0,
      ),
    },
    ...last.figures.map((f) => ({
      key: f.key,
      label: f.label,
      cells: lineCells(
        results.map((r) => {
          const x = r.figures.find((y) => y.key === f.key)
          return { value: x?.value ?? null, hidden: x?.hidden }
        }),
        f.kind,
        f.decimals,
      ),
    })),
  ]
  const chart = periodsChart(results)
  return (
    <Stack gap="md">
      {chart && <Chart chart={chart} />}
      <ComparisonTable
        caption="Chiffres clés, période par période"
        rowHeader="Chiffre"
        headings={periodHeadings(periods)}
        lines={figures}
      />
      {last.tables.map((t) => {
        const c = mainColumn(t)
        if (c < 0) return null
        const tables = results.map((r) => r.tables.find((x) => x.key === t.key))
        const { caption, headings } = comparisonTitles(
          tables.map((x) => x?.title),
          periods,
        )
        const lines = t.rows.map((row) => ({
          key: row.key,
          label: row.label,
          strong: row.total,
          cells: lineCells(
            tables.map((x) => {
              const same = x?.rows.find((y) => y.key === row.key)
              return { value: same?.values[c] ?? null, hidden: same?.hidden?.includes(c) }
            }),
            'count',
            0,
          ),
        }))
        return (
          <Stack key={t.key} gap={4}>
            <ComparisonTable
              caption={`${caption} — ${t.columns[c].label}`}
              rowHeader={t.rowHeader}
              headings={headings}
              lines={lines}
            />
          </Stack>
        )
      })}
      <Text size="sm" c="dimmed">
        Chaque période est calculée sur sa propre population ; les périodes précédentes ont la même durée. Évolution :
        écart avec la période précédente et variation en % (en points pour les parts). s : secret statistique.
      </Text>
    </Stack>
  )
}
