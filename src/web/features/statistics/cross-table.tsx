import { Group, Loader, Select, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { can } from '../../../shared/auth/roles.ts'
import type { ListFilters } from '../../../shared/lists/list.schema.ts'
import type { PersonSearchPage } from '../../../shared/persons/person.schema.ts'
import type { CrossCatalogue, CrossResult } from '../../../shared/reporting/cross.schema.ts'
import { api } from '../../api.ts'
import { AppModal } from '../../components/app-modal.tsx'
import { FormError } from '../../components/form-error.tsx'
import { formatDate, formatNumber } from '../../components/format.ts'
import { ExportButtons, ListFilterFields } from '../../components/list-export.tsx'
import { TablePagination } from '../../components/table.tsx'
import { useMe } from '../auth/auth.api.ts'
import { AnchorLink } from '../persons/anchor-link.tsx'

// Two breakdowns of the indicator crossed (level × site…), in persons; a cell opens on the persons behind it for
// those who may open files (the server says so: canOpenPersons). Mounted by the statistics page, one line.

interface Scope {
  indicator: string
  from: string
  to: string
  siteId?: string | undefined
}

const url = {
  catalogue: '/api/indicators/cross',
  cross: (id: string) => `/api/indicators/${encodeURIComponent(id)}/cross`,
  persons: (id: string) => `/api/indicators/${encodeURIComponent(id)}/cross/persons`,
}

interface Cell {
  row?: string
  column?: string
  label: string
}

export function CrossTable({ scope }: { scope: Scope }) {
  const catalogue = useQuery({
    queryKey: ['indicators', 'cross'],
    queryFn: ({ signal }) => api.get<CrossCatalogue>(url.catalogue, undefined, signal),
    staleTime: Number.POSITIVE_INFINITY,
  })
  const entry = catalogue.data?.find((c) => c.indicatorId === scope.indicator)
  const [chosen, setChosen] = useState<{ rows: string; columns: string } | null>(null)
  const [cell, setCell] = useState<Cell | null>(null)
  const dims = entry?.dimensions ?? []
  const pick = (key: string | undefined, fallback: number) =>
    dims.some((d) => d.key === key) ? key! : (dims[fallback]?.key ?? '')
  const rows = pick(chosen?.rows ?? 'level', 0)
  const columns = pick(chosen?.columns ?? 'site', 1)
  const query = { from: scope.from, to: scope.to, siteId: scope.siteId, rows, columns }
  const result = useQuery({
    queryKey: ['indicators', scope.indicator, 'cross', query],
    queryFn: ({ signal }) => api.get<CrossResult>(url.cross(scope.indicator), query, signal),
    enabled: !!entry && rows !== columns && scope.from <= scope.to,
    placeholderData: keepPreviousData,
  })
  if (!entry) return null
  const options = dims.map((d) => ({ value: d.key, label: d.label }))
  const data = result.data
  const open = (c: Cell, n: number) =>
    data?.canOpenPersons && n > 0 ? (
      <UnstyledButton
        onClick={() => setCell(c)}
        td="underline"
        c="blue.8"
        fw={600}
        aria-label={`${formatNumber(n)} : voir les personnes (${c.label})`}
      >
        {formatNumber(n)}
      </UnstyledButton>
    ) : (
      formatNumber(n)
    )

  return (
    <Stack gap="sm" component="section" aria-labelledby="cross-title">
      <Title order={2} size="h3" id="cross-title">
        Croiser deux ventilations
      </Title>
      <Group align="flex-end" gap="md">
        <Select
          label="En lignes"
          data={options}
          value={rows}
          onChange={(v) => v && setChosen({ rows: v, columns })}
          allowDeselect={false}
          w={220}
        />
        <Select
          label="En colonnes"
          data={options}
          value={columns}
          onChange={(v) => v && setChosen({ rows, columns: v })}
          allowDeselect={false}
          error={rows === columns ? 'Choisissez une autre ventilation que celle des lignes.' : undefined}
          w={220}
        />
      </Group>
      <FormError error={result.error} title="Croisement impossible" />
      {result.isPending && rows !== columns ? (
        <Loader aria-label="Calcul du croisement" />
      ) : (
        data &&
        rows !== columns && (
          <Table.ScrollContainer minWidth={480}>
            <Table withTableBorder striped verticalSpacing={4} fz="sm" aria-busy={result.isFetching}>
              <Table.Caption>
                {data.label} : {data.rowDimension.label.toLowerCase()} × {data.columnDimension.label.toLowerCase()}{' '}
                (personnes)
                {data.canOpenPersons ? ' — un nombre ouvre la liste des personnes' : ''}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{data.rowDimension.label}</Table.Th>
                  {data.columns.map((c) => (
                    <Table.Th key={c.key} ta="right">
                      {c.label}
                    </Table.Th>
                  ))}
                  <Table.Th ta="right">Total</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.rows.map((r, i) => (
                  <Table.Tr key={r.key}>
                    <Table.Th scope="row" fw={500}>
                      {r.label}
                    </Table.Th>
                    {data.columns.map((c, j) => (
                      <Table.Td key={c.key} ta="right">
                        {open({ row: r.key, column: c.key, label: `${r.label}, ${c.label}` }, data.cells[i]?.[j] ?? 0)}
                      </Table.Td>
                    ))}
                    <Table.Td ta="right" fw={700}>
                      {open({ row: r.key, label: r.label }, data.rowTotals[i] ?? 0)}
                    </Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr>
                  <Table.Th scope="row">Total</Table.Th>
                  {data.columns.map((c, j) => (
                    <Table.Td key={c.key} ta="right" fw={700}>
                      {open({ column: c.key, label: c.label }, data.columnTotals[j] ?? 0)}
                    </Table.Td>
                  ))}
                  <Table.Td ta="right" fw={700}>
                    {open({ label: 'toutes les personnes' }, data.total)}
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )
      )}
      <AppModal opened={!!cell} onClose={() => setCell(null)} title={`Personnes : ${cell?.label ?? ''}`} size="xl">
        {cell && <CellPersons indicator={scope.indicator} query={{ ...query, row: cell.row, column: cell.column }} />}
      </AppModal>
    </Stack>
  )
}

/** The persons behind a cell, within the files the reader may see, with the lists' filters and the export. */
function CellPersons({ indicator, query }: { indicator: string; query: Record<string, string | undefined> }) {
  const me = useMe()
  const [filters, setFilters] = useState<ListFilters>({})
  const [paging, setPaging] = useState({ page: 1, pageSize: 25 })
  const params = {
    ...query,
    programmeFilter: filters.programmeId,
    ageOutBefore: filters.ageOutBefore,
    cejEndBefore: filters.cejEndBefore,
  }
  const persons = useQuery({
    queryKey: ['indicators', indicator, 'cross', 'persons', params, paging],
    queryFn: ({ signal }) => api.get<PersonSearchPage>(url.persons(indicator), { ...params, ...paging }, signal),
    placeholderData: keepPreviousData,
  })
  return (
    <Stack gap="sm">
      <Text size="sm">Parmi les personnes dont vous pouvez ouvrir le dossier.</Text>
      <ListFilterFields
        site={false}
        value={filters}
        onChange={(patch) => {
          setFilters({ ...filters, ...patch })
          setPaging({ ...paging, page: 1 })
        }}
      />
      {can(me.role, 'listExport') && (
        <ExportButtons url={`${url.persons(indicator)}/export`} query={params} label="ces personnes" />
      )}
      <FormError error={persons.error} title="Chargement impossible" />
      {persons.isPending ? (
        <Loader aria-label="Chargement des personnes" />
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped verticalSpacing={4} fz="sm" aria-busy={persons.isFetching}>
            <Table.Caption>Personnes de la case</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Personne</Table.Th>
                <Table.Th>Date de naissance</Table.Th>
                <Table.Th>Site</Table.Th>
                <Table.Th>Référent</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {persons.data?.items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <AnchorLink to="/personnes/$id" params={{ id: p.id }} fw={600}>
                      {p.lastName.toUpperCase()} {p.firstName}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{formatDate(p.birthDate)}</Table.Td>
                  <Table.Td>{p.siteName}</Table.Td>
                  <Table.Td>{p.referentName ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {persons.data && (
        <TablePagination
          total={persons.data.total}
          page={paging.page}
          pageSize={paging.pageSize}
          onChange={setPaging}
        />
      )}
    </Stack>
  )
}
