import { MultiSelect } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { formatDate } from '../../components/format.ts'
import { personSearchQuery } from '../persons/persons.api.ts'

export interface PickedPerson {
  id: string
  label: string
}

/**
 * The persons of an appointment: typed by name (the persons module's search, every word of at least two letters),
 * picked from the list with the keyboard; those already chosen stay listed with their names.
 */
export function PersonPicker({
  value,
  onChange,
  error,
  max,
}: {
  value: PickedPerson[]
  onChange: (persons: PickedPerson[]) => void
  error?: React.ReactNode
  max: number
}) {
  const [search, setSearch] = useState('')
  const [q] = useDebouncedValue(search.trim(), 250)
  const usable = q.split(/\s+/).every((w) => w.replace(/[^\p{L}]/gu, '').length >= 2)
  const found = useQuery({
    ...personSearchQuery({ q, page: 1, pageSize: 10, order: 'asc' }),
    enabled: q.length >= 2 && usable,
  })
  const data = useMemo(() => {
    const options = new Map(value.map((p) => [p.id, p.label]))
    for (const p of found.data?.items ?? [])
      options.set(p.id, `${p.lastName.toUpperCase()} ${p.firstName} (${formatDate(p.birthDate)})`)
    return [...options].map(([v, label]) => ({ value: v, label }))
  }, [found.data, value])
  return (
    <MultiSelect
      label={max > 1 ? 'Personnes' : 'Personne'}
      description="Tapez le nom (au moins deux lettres par mot)"
      data={data}
      value={value.map((p) => p.id)}
      onChange={(ids) => onChange(ids.map((id) => ({ id, label: data.find((d) => d.value === id)?.label ?? id })))}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      maxValues={max}
      nothingFoundMessage={q.length < 2 ? 'Tapez un nom' : found.isFetching ? 'Recherche…' : 'Aucune personne trouvée'}
      error={error}
      hidePickedOptions
    />
  )
}
