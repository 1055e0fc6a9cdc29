import { priorityAreas, sexes } from '../../../shared/nomenclatures/person.ts'
import type { ListColumn } from '../../http/list-export.ts'
import type { PersonExportRow } from './search.repository.ts'

/** The columns of an exported list of persons (a search, the people behind an indicator's cell). */
export const personListColumns: ListColumn<PersonExportRow>[] = [
  { header: 'Nom', value: (r) => r.lastName, width: 20 },
  { header: 'Prénom', value: (r) => r.firstName, width: 16 },
  { header: 'Sexe', value: (r) => sexes.labels[r.sex] ?? r.sex },
  { header: 'Date de naissance', kind: 'date', value: (r) => r.birthDate },
  { header: 'Âge', kind: 'number', value: (r) => r.age, width: 6 },
  { header: 'Site', value: (r) => r.siteName, width: 20 },
  { header: 'Référent', value: (r) => r.referentName ?? '', width: 20 },
  { header: 'Premier accueil', kind: 'date', value: (r) => r.firstReceptionDate },
  { header: 'Quartier prioritaire', value: (r) => (r.priorityArea ? priorityAreas.labels[r.priorityArea] : '') },
  { header: '26 ans le', kind: 'date', value: (r) => r.ageOutDate },
  { header: 'Fin prévue du CEJ', kind: 'date', value: (r) => r.cejPlannedEnd },
]
