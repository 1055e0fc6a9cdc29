import { Select, type SelectProps } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { can } from '../../../shared/auth/roles.ts'
import { type Commune, communesQuery, sitesQuery } from '../admin/admin.api.ts'
import { useMe } from '../auth/auth.api.ts'
import { counsellorsQuery } from './persons.api.ts'

type PickerProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value?: string | null
  onChange?: (value: string | null) => void
}

const communeLabel = (c: Commune) => (c.postcode ? `${c.name} (${c.postcode})` : `${c.name} (${c.code})`)

/** One commune of the official list, searched by name or postcode; the value is its INSEE code. */
export function CommunePicker({
  value,
  onChange,
  initial,
  ...props
}: Omit<PickerProps, 'onChange' | 'value'> & {
  value: string | null
  onChange: (commune: Commune | null) => void
  /** the commune already recorded, so its name shows before any search */
  initial?: Commune | null
}) {
  const [search, setSearch] = useState(initial ? communeLabel(initial) : '')
  const [debounced] = useDebouncedValue(search.trim(), 250)
  const [chosen, setChosen] = useState<Commune | null>(initial ?? null)
  const typed = chosen && search === communeLabel(chosen) ? '' : debounced
  const results = useQuery(communesQuery(typed))
  const data = useMemo(() => {
    const options = new Map<string, string>()
    if (chosen) options.set(chosen.code, communeLabel(chosen))
    for (const c of results.data ?? []) if (!options.has(c.code)) options.set(c.code, communeLabel(c))
    return [...options].map(([code, label]) => ({ value: code, label }))
  }, [chosen, results.data])

  return (
    <Select
      label="Commune"
      description="Liste officielle : tapez le nom ou le code postal"
      placeholder="Dunkerque, 59140…"
      {...props}
      data={data}
      value={value}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={
        typed.length < 2 ? 'Saisissez au moins 2 caractères' : results.isFetching ? 'Recherche…' : 'Aucune commune'
      }
      clearable
      clearButtonProps={{ 'aria-label': 'Retirer la commune' }}
      onChange={(code) => {
        const commune = code ? (results.data?.find((c) => c.code === code) ?? chosen) : null
        setChosen(commune)
        onChange(commune)
      }}
    />
  )
}

/**
 * An active counsellor of the structure as referent. Those of `siteId` come first, so the usual choice is near at
 * hand; the others stay available (a person may be followed from another site).
 */
export function CounsellorSelect({ value, onChange, siteId, ...props }: PickerProps & { siteId?: string | null }) {
  const counsellors = useQuery(counsellorsQuery)
  const data = useMemo(() => {
    const list = counsellors.data ?? []
    if (!siteId) return list.map((c) => ({ value: c.id, label: c.displayName }))
    const here = list.filter((c) => c.sites.some((s) => s.id === siteId))
    const elsewhere = list.filter((c) => !here.includes(c))
    return [
      { group: 'Conseillers du site', items: here.map((c) => ({ value: c.id, label: c.displayName })) },
      { group: 'Autres conseillers', items: elsewhere.map((c) => ({ value: c.id, label: c.displayName })) },
    ].filter((g) => g.items.length > 0)
  }, [counsellors.data, siteId])
  return (
    <Select
      label="Référent"
      placeholder="À désigner"
      {...props}
      data={data}
      value={value ?? null}
      onChange={(v) => onChange?.(v)}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': 'Aucun référent' }}
      nothingFoundMessage={counsellors.isPending ? 'Chargement…' : 'Aucun conseiller'}
    />
  )
}

/**
 * A site: by default the user's own sites (where a new file may go), `all` for every active site of the structure
 * (where an event took place, a transfer). Those who see every person of the structure may use any site (the server's
 * rule for a new file, persons.service.ts).
 */
export function SiteSelect({
  value,
  onChange,
  all = false,
  current,
  ...props
}: PickerProps & { all?: boolean; current?: { id: string; name: string } }) {
  const me = useMe()
  const everyone = all || can(me.role, 'personsWholeStructure')
  const sites = useQuery({ ...sitesQuery, enabled: everyone, staleTime: 5 * 60_000 })
  const data = useMemo(() => {
    const list = everyone
      ? (sites.data ?? []).filter((s) => s.active || s.id === value).map((s) => ({ id: s.id, name: s.name }))
      : me.sites
    const options = list.map((s) => ({ value: s.id, label: s.name }))
    if (current && !options.some((o) => o.value === current.id))
      options.push({ value: current.id, label: current.name })
    return options
  }, [everyone, sites.data, me.sites, value, current])
  return (
    <Select
      label="Site"
      allowDeselect={false}
      nothingFoundMessage="Aucun site"
      {...props}
      data={data}
      value={value ?? null}
      onChange={(v) => onChange?.(v)}
      searchable
    />
  )
}
