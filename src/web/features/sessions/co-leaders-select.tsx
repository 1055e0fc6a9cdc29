import { MultiSelect, type MultiSelectProps } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { counsellorsQuery } from '../persons/persons.api.ts'

/** The counsellors of the structure who may co-lead a session with its leader (the leader left out), by name. */
export function CoLeadersSelect({ leaderId, ...props }: Omit<MultiSelectProps, 'data'> & { leaderId: string }) {
  const counsellors = useQuery(counsellorsQuery)
  const data = (counsellors.data ?? [])
    .filter((c) => c.id !== leaderId)
    .map((c) => ({ value: c.id, label: `${c.displayName} (${c.sites.map((s) => s.name).join(', ') || 'sans site'})` }))
  return (
    <MultiSelect
      label="Co-animateurs"
      description="Ils voient la séance dans leur agenda et notent les présences."
      searchable
      clearable
      maxValues={10}
      nothingFoundMessage="Aucun conseiller de ce nom"
      data={data}
      {...props}
    />
  )
}
