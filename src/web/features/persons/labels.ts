import {
  attendances,
  eventKinds,
  propositionDomains,
  propositionOutcomes,
  referralSources,
  situationGroups,
  situationKinds,
} from '../../../shared/nomenclatures/accompaniment.ts'
import {
  type AttributeKind,
  attributeKinds,
  type Level2019,
  level1969From2019,
  levels2019,
  priorityAreas,
  sexes,
  statuses,
} from '../../../shared/nomenclatures/person.ts'

// Code lists turned into the options of the forms, and the labels of the screens (French, from the nomenclatures).

export interface Option {
  value: string
  label: string
}
export const optionsOf = (labels: Record<string, string>): Option[] =>
  Object.entries(labels).map(([value, label]) => ({ value, label }))
export const labelOf = (labels: Record<string, string>, code: string | null | undefined) =>
  code ? (labels[code] ?? code) : ''

export const sexOptions = optionsOf(sexes.labels)
export const priorityAreaOptions = [{ value: '', label: 'Non' }, ...optionsOf(priorityAreas.labels)]
export const referralSourceOptions = optionsOf(referralSources.labels)
export const eventKindOptions = optionsOf(eventKinds.labels)
export const attendanceOptions = optionsOf(attendances.labels)
export const domainOptions = optionsOf(propositionDomains.labels)
export const outcomeOptions = optionsOf(propositionOutcomes.labels)
export const statusLabels = statuses.labels as Record<string, string>

/** 2019 nomenclature (décret 2019-14), with the 1969 level it maps to. */
const level2019Names: Record<Level2019, string> = {
  1: 'savoirs de base',
  2: 'savoirs élémentaires',
  3: 'CAP, BEP',
  4: 'baccalauréat',
  5: 'bac + 2',
  6: 'bac + 3/4 (licence)',
  7: 'bac + 5 (master)',
  8: 'doctorat',
}
export const level2019Label = (l: number) =>
  `Niveau ${l} — ${level2019Names[l as Level2019] ?? ''} (1969 : ${level1969From2019(l as Level2019)})`
export const level2019Options = levels2019.map((l) => ({ value: String(l), label: level2019Label(l) }))

export const attributeOptions = (attribute: AttributeKind): Option[] =>
  optionsOf(attributeKinds[attribute].labels as Record<string, string>)

/** How a recorded value reads: the label of its code; education levels in both nomenclatures. */
export function attributeValueLabel(
  attribute: AttributeKind,
  value: { value: string; level2019?: number | null } | null | undefined,
) {
  if (!value) return 'Non renseigné'
  const label = labelOf(attributeKinds[attribute].labels as Record<string, string>, value.value)
  if (attribute === 'education_level' && value.level2019 != null) return `${label} · niveau ${value.level2019} (2019)`
  return label
}

/** Situation kinds grouped for a Select: Emploi, Alternance, Formation… */
export const situationKindGroups = Object.entries(situationGroups.labels).map(([group, label]) => ({
  group: label,
  items: Object.entries(situationKinds)
    .filter(([, k]) => k.group === group)
    .map(([value, k]) => ({ value, label: k.label })),
}))
