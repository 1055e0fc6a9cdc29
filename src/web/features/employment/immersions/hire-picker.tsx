import { Select, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import type { Immersion } from '../../../../shared/employment/immersions.schema.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatDate } from '../../../components/format.ts'
import { contractText } from '../employment.labels.ts'
import { personHiresQuery } from './immersions.api.ts'

// The outcome « Contrat de travail » points at one of the person's hires (docs/employment/immersions.md): a list of
// their placements, the host company's first, instead of an identifier to paste. The server checks it is the person's.

export function HirePicker({
  immersion,
  value,
  onChange,
  error,
}: {
  immersion: Immersion
  value: string
  onChange: (placementId: string) => void
  error?: string
}) {
  const hires = useQuery(personHiresQuery(immersion.person.id))
  if (hires.error) return <FormError error={hires.error} title="Recrutements introuvables" />
  const items = [...(hires.data ?? [])].sort(
    (a, b) =>
      Number(b.employerId === immersion.employer.id) - Number(a.employerId === immersion.employer.id) ||
      b.startDate.localeCompare(a.startDate),
  )
  if (hires.data && items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Aucun recrutement enregistré pour cette personne : enregistrez l’embauche (onglet Emploi du dossier), puis
        reliez-la ici.
      </Text>
    )
  return (
    <Select
      label="Embauche liée"
      description="Le recrutement de la personne qui fait suite à l’immersion"
      placeholder={hires.isPending ? 'Chargement…' : 'Aucune (à relier plus tard)'}
      data={items.map((p) => ({
        value: p.id,
        label: `${p.employerName} — ${p.jobTitle ?? 'poste non précisé'} — ${contractText(p.contractKind, p.durationMonths)}, le ${formatDate(p.startDate)}`,
      }))}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      error={error}
      clearable
      searchable
    />
  )
}
