import { Select } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { employerQuery } from '../employers/employers.api.ts'

// The offer's contact in the company (docs/employment/offers.md « Screens »): chosen among the chosen employer's
// contacts still in post; the offer's own contact stays an option when editing, even if the person has left since.

export function ContactPicker({
  employerId,
  value,
  onChange,
  kept,
  error,
}: {
  employerId: string | null
  value: string | null
  onChange: (id: string | null) => void
  /** the offer's contact so far, kept as an option (only while the employer is the offer's) */
  kept: { id: string; name: string } | null
  error?: React.ReactNode
}) {
  const file = useQuery({ ...employerQuery(employerId ?? ''), enabled: !!employerId })
  const contacts = file.data?.contacts ?? []
  const data = contacts
    .filter((c) => c.active || c.id === kept?.id)
    .map((c) => ({
      value: c.id,
      label: `${c.name}${c.jobTitle ? `, ${c.jobTitle}` : ''}${c.active ? '' : ' (a quitté l’entreprise)'}`,
    }))
  // while the file loads, the value still has its label
  if (kept && !data.some((o) => o.value === kept.id)) data.push({ value: kept.id, label: kept.name })
  const none = !!employerId && file.isSuccess && data.length === 0
  return (
    <Select
      label="Contact dans l’entreprise"
      description={
        employerId
          ? none
            ? 'Aucun contact en poste : ajoutez-en un sur la fiche de l’entreprise'
            : 'Facultatif ; les contacts en poste'
          : 'Choisissez d’abord l’entreprise'
      }
      placeholder={file.isFetching ? 'Chargement…' : 'Aucun'}
      data={data}
      value={value}
      onChange={onChange}
      disabled={!employerId || none}
      clearable
      clearButtonProps={{ 'aria-label': 'Retirer le contact' }}
      error={error}
    />
  )
}
