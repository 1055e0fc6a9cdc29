import { Stack, Table, Text } from '@mantine/core'
import { periodHeading } from '../../../shared/reporting/period.ts'
import type { IndicatorResult, ResultTable } from '../../../shared/reporting/reporting.schema.ts'
import { formatValue } from './result-view.tsx'

// Year on year: the same indicator over several periods side by side, oldest first.

interface Line {
  key: string
  label: string
  cells: string[]
  strong?: boolean
}

function ComparisonTable({ caption, headings, lines }: { caption: string; headings: string[]; lines: Line[] }) {
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table withTableBorder striped w="auto" miw={420}>
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 700 }}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
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

/** The column a table is compared on: its total column, else its first count. */
function mainColumn(t: ResultTable) {
  const i = t.columns.findIndex((c) => c.kind === 'count' && c.total)
  return i >= 0 ? i : t.columns.findIndex((c) => c.kind === 'count')
}

export function Comparison({ results }: { results: IndicatorResult[] }) {
  const headings = results.map((r) => periodHeading(r.period))
  const last = results[results.length - 1]
  const figures: Line[] = [
    {
      key: 'value',
      label: last.label,
      strong: true,
      cells: results.map((r) => formatValue(r.value, 'count', 0, r.value === null && !!r.secrecy)),
    },
    ...last.figures.map((f) => ({
      key: f.key,
      label: f.label,
      cells: results.map((r) => {
        const x = r.figures.find((y) => y.key === f.key)
        return x ? formatValue(x.value, x.kind, x.decimals, x.hidden) : '—'
      }),
    })),
  ]
  return (
    <Stack gap="md">
      <ComparisonTable caption="Chiffres clés, période par période" headings={headings} lines={figures} />
      {last.tables.map((t) => {
        const c = mainColumn(t)
        if (c < 0) return null
        const lines = t.rows.map((row) => ({
          key: row.key,
          label: row.label,
          strong: row.total,
          cells: results.map((r) => {
            const same = r.tables.find((x) => x.key === t.key)?.rows.find((x) => x.key === row.key)
            return same ? formatValue(same.values[c], 'count', 0, same.hidden?.includes(c)) : '—'
          }),
        }))
        return (
          <Stack key={t.key} gap={4}>
            <ComparisonTable caption={`${t.title} — ${t.columns[c].label}`} headings={headings} lines={lines} />
          </Stack>
        )
      })}
      <Text size="sm" c="dimmed">
        Chaque période est calculée sur sa propre population ; les périodes précédentes ont la même durée.
      </Text>
    </Stack>
  )
}
