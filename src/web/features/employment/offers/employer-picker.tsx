import { Select, type SelectProps } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { employersQuery } from './offers.api.ts'

// The offer's employer: the structure's active companies (the employers part's list), searched by name, SIRET or
// commune as one types; the offer's own employer stays an option when editing.

export function EmployerPicker({
  value,
  onChange,
  initial,
  ...props
}: Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null
  onChange: (id: string | null) => void
  initial: { id: string; name: string } | null
}) {
  const [search, setSearch] = useState('')
  const [debounced] = useDebouncedValue(search.trim(), 250)
  const [chosen, setChosen] = useState<{ id: string; name: string } | null>(initial)
  const typed = chosen && search === chosen.name ? '' : debounced
  const results = useQuery(employersQuery(typed))
  const data = useMemo(() => {
    const options = new Map<string, string>()
    if (chosen) options.set(chosen.id, chosen.name)
    for (const e of results.data?.items ?? [])
      if (!options.has(e.id)) options.set(e.id, e.communeName ? `${e.name} (${e.communeName})` : e.name)
    return [...options].map(([id, label]) => ({ value: id, label }))
  }, [chosen, results.data])
  return (
    <Select
      label="Entreprise"
      description="Tapez le nom, le SIRET ou la commune"
      required
      {...props}
      data={data}
      value={value}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={results.isFetching ? 'Recherche…' : 'Aucune entreprise'}
      onChange={(id) => {
        const label = data.find((o) => o.value === id)?.label
        setChosen(id && label ? { id, name: label } : null)
        onChange(id)
      }}
    />
  )
}
