import { Button, Group, type GroupProps, Select, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import type { ExportFormat, ListFilters } from '../../shared/lists/list.schema.ts'
import { withQuery } from '../api.ts'
import { programmesQuery, sitesQuery } from '../features/admin/admin.api.ts'

// What every list of persons shares on screen (docs/quality.md, "Listes et exports"): the filters (programme, site,
// turning 26, end of CEJ) and the export as a file. The server applies the same scope to the file as to the list,
// and writes an audit line for it.

type Query = Record<string, string | number | boolean | null | undefined>

/** "Exporter : CSV (Excel) · Classeur Excel": links that download the list with its filters (no page: every row). */
export function ExportButtons({ url, query, label = 'la liste' }: { url: string; query: Query; label?: string }) {
  const { page: _page, pageSize: _pageSize, ...rest } = query
  const href = (format: ExportFormat) => withQuery(url, { ...rest, format })
  return (
    <Group gap={6} role="group" aria-label={`Exporter ${label}`}>
      <Button component="a" href={href('csv')} download variant="light" size="xs">
        Exporter en CSV
      </Button>
      <Button component="a" href={href('xlsx')} download variant="light" size="xs">
        Exporter en Excel
      </Button>
    </Group>
  )
}

/** A day as the browser's own date field gives it (yyyy-mm-dd, shown dd/mm/yyyy in French), or undefined. */
const dayOrUndefined = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined)

/**
 * The lists' filters. The date fields are the browser's (type="date"): keyboard and screen-reader friendly, and
 * nothing added to the first load of the caseload (the date picker's library is loaded with the forms that need it).
 */
export function ListFilterFields({
  value,
  onChange,
  site = true,
  ...group
}: {
  value: ListFilters
  onChange: (patch: Partial<ListFilters>) => void
  /** false: the list has its own site field */
  site?: boolean
} & GroupProps) {
  const programmes = useQuery(programmesQuery)
  const sites = useQuery({ ...sitesQuery, enabled: site })
  return (
    <Group align="flex-end" gap="sm" {...group}>
      <Select
        label="Programme en cours"
        placeholder="Tous"
        data={(programmes.data ?? [])
          .filter((p) => p.active)
          .map((p) => ({ value: p.id, label: `${p.code} — ${p.name}` }))}
        value={value.programmeId ?? null}
        onChange={(v) => onChange({ programmeId: v ?? undefined })}
        clearable
        clearButtonProps={{ 'aria-label': 'Tous les programmes' }}
        searchable
        size="xs"
        w={220}
      />
      {site && (
        <Select
          label="Site"
          placeholder="Tous"
          data={(sites.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          value={value.siteId ?? null}
          onChange={(v) => onChange({ siteId: v ?? undefined })}
          clearable
          clearButtonProps={{ 'aria-label': 'Tous les sites' }}
          searchable
          size="xs"
          w={180}
        />
      )}
      <TextInput
        type="date"
        label="26 ans au plus tard le"
        value={value.ageOutBefore ?? ''}
        onChange={(e) => onChange({ ageOutBefore: dayOrUndefined(e.currentTarget.value) })}
        size="xs"
        w={170}
      />
      <TextInput
        type="date"
        label="Fin de CEJ au plus tard le"
        value={value.cejEndBefore ?? ''}
        onChange={(e) => onChange({ cejEndBefore: dayOrUndefined(e.currentTarget.value) })}
        size="xs"
        w={170}
      />
    </Group>
  )
}
