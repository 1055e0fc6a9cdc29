import { Table } from '@mantine/core'
import type { ReactNode } from 'react'
import { formatNumber } from '../../../components/format.ts'

// The table alternative of a required vs done chart: the same figures, with the share done.

export interface HoursRow {
  key: string
  label: ReactNode
  requiredHours: number
  doneHours: number
}

export const donePercent = (done: number, required: number) =>
  required > 0 ? `${formatNumber(Math.round((done / required) * 1000) / 10)} %` : '—'

export function HoursTable({ caption, head, rows }: { caption: string; head: string; rows: HoursRow[] }) {
  return (
    <Table striped aria-label={caption} maw={760}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{head}</Table.Th>
          <Table.Th ta="right">Heures dues</Table.Th>
          <Table.Th ta="right">Heures réalisées</Table.Th>
          <Table.Th ta="right">Réalisé</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Th scope="row" fw={400}>
              {r.label}
            </Table.Th>
            <Table.Td ta="right">{formatNumber(r.requiredHours)}</Table.Td>
            <Table.Td ta="right">{formatNumber(r.doneHours)}</Table.Td>
            <Table.Td ta="right">{donePercent(r.doneHours, r.requiredHours)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
