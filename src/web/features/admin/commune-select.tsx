import { MultiSelect } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { type Commune, communesQuery } from './admin.api.ts'

const labelOf = (c: Commune) => (c.postcode ? `${c.name} (${c.postcode})` : `${c.name} (${c.code})`)

/** Searchable multi-select over the official list of communes, by name or postcode; the value is INSEE codes. */
export function CommuneSelect({
  value,
  onChange,
  initial,
  error,
}: {
  value: string[]
  onChange: (codes: string[]) => void
  /** communes already attached, so their names show before any search */
  initial: Commune[]
  error?: React.ReactNode
}) {
  const [search, setSearch] = useState('')
  const [debounced] = useDebouncedValue(search.trim(), 250)
  const [known, setKnown] = useState<Map<string, string>>(() => new Map(initial.map((c) => [c.code, labelOf(c)])))
  const results = useQuery(communesQuery(debounced))

  const data = useMemo(() => {
    const options = new Map<string, string>()
    for (const code of value) options.set(code, known.get(code) ?? code)
    for (const c of results.data ?? []) if (!options.has(c.code)) options.set(c.code, labelOf(c))
    return [...options].map(([code, label]) => ({ value: code, label }))
  }, [value, known, results.data])

  function change(codes: string[]) {
    const next = new Map(known)
    for (const c of results.data ?? []) if (codes.includes(c.code)) next.set(c.code, labelOf(c))
    setKnown(next)
    onChange(codes)
  }

  const nothingFound =
    debounced.length < 2
      ? 'Saisissez au moins 2 caractères'
      : results.isFetching
        ? 'Recherche…'
        : 'Aucune commune trouvée'

  return (
    <MultiSelect
      label="Communes desservies"
      description="Recherchez une commune par son nom ou son code postal"
      placeholder={value.length === 0 ? 'Dunkerque, 59140…' : undefined}
      data={data}
      value={value}
      onChange={change}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      hidePickedOptions
      nothingFoundMessage={nothingFound}
      clearable
      clearButtonProps={{ 'aria-label': 'Retirer toutes les communes' }}
      maxDropdownHeight={260}
      error={error}
    />
  )
}
