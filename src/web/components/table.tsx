import { Group, Pagination, Select, Table, Text, UnstyledButton } from '@mantine/core'
import type { ReactNode } from 'react'
import { formatNumber } from './format.ts'

/** A column header that sorts on click; aria-sort tells assistive technologies the current order. */
export function SortableTh<S extends string>({
  column,
  sort,
  order,
  onSort,
  children,
}: {
  column: S
  sort: S
  order: 'asc' | 'desc'
  onSort: (column: S, order: 'asc' | 'desc') => void
  children: ReactNode
}) {
  const active = sort === column
  const next = active && order === 'asc' ? 'desc' : 'asc'
  return (
    <Table.Th aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={() => onSort(column, next)} fw={700} fz="sm">
        {children} <span aria-hidden="true">{active ? (order === 'asc' ? '▲' : '▼') : '↕'}</span>
      </UnstyledButton>
    </Table.Th>
  )
}

const PAGE_SIZES = ['10', '25', '50', '100']
const CONTROL_LABELS = {
  first: 'Première page',
  previous: 'Page précédente',
  next: 'Page suivante',
  last: 'Dernière page',
} as const

/** "1 234 résultats", the page links, and how many rows per page. */
export function TablePagination({
  total,
  page,
  pageSize,
  onChange,
}: {
  total: number
  page: number
  pageSize: number
  onChange: (next: { page: number; pageSize: number }) => void
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize))
  return (
    <Group justify="space-between" wrap="wrap">
      <Text size="sm" aria-live="polite">
        {total === 0 ? 'Aucun résultat' : `${formatNumber(total)} résultat${total > 1 ? 's' : ''}`}
        {pages > 1 && ` — page ${page} sur ${pages}`}
      </Text>
      <Group gap="md">
        <nav aria-label="Pages du tableau">
          <Pagination
            total={pages}
            value={Math.min(page, pages)}
            onChange={(next) => onChange({ page: next, pageSize })}
            getControlProps={(control) => ({ 'aria-label': CONTROL_LABELS[control] })}
            getItemProps={(item) => ({ 'aria-label': `Page ${item}` })}
            size="sm"
          />
        </nav>
        <Select
          label="Lignes par page"
          data={PAGE_SIZES}
          value={String(pageSize)}
          onChange={(value) => value && onChange({ page: 1, pageSize: Number(value) })}
          allowDeselect={false}
          size="xs"
          w={120}
        />
      </Group>
    </Group>
  )
}
