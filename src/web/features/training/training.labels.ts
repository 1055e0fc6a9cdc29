import { nsfGroups, nsfLabel } from '../../../shared/training/nsf.ts'
import {
  infoAttendances,
  prescriptionStatuses,
  sessionStatuses,
  trainingExitKinds,
  trainingFunders,
  trainingLevels,
  trainingSituationKinds,
} from '../../../shared/training/training.nomenclature.ts'
import { formatDate, formatDateTime, formatNumber } from '../../components/format.ts'

// The French words of the training screens (the department's, the counsellor's, the training body's portal and the
// fund's): labels of the shared code lists, the options the forms offer, a status's badge colour and the few
// formats every page repeats (a session's dates, its places). Other training pages import from here.

type Labels = { labels: Record<string, string> }
const labelOf = (list: Labels) => (code: string | number | null | undefined) =>
  code === null || code === undefined || code === '' ? '—' : (list.labels[String(code)] ?? String(code))
/** the options of a select, in the list's order */
const optionsOf = (list: Labels & { codes: readonly string[] }) =>
  list.codes.map((value) => ({ value, label: list.labels[value] ?? value }))

export const funderLabel = labelOf(trainingFunders)
export const levelLabel = labelOf(trainingLevels)
export const situationKindLabel = labelOf(trainingSituationKinds)
export const sessionStatusLabel = labelOf(sessionStatuses)
export const prescriptionStatusLabel = labelOf(prescriptionStatuses)
export const attendanceLabel = labelOf(infoAttendances)
export const exitKindLabel = labelOf(trainingExitKinds)

export const funderOptions = optionsOf(trainingFunders)
export const levelOptions = optionsOf(trainingLevels)
export const situationKindOptions = optionsOf(trainingSituationKinds)
export const sessionStatusOptions = optionsOf(sessionStatuses)
export const prescriptionStatusOptions = optionsOf(prescriptionStatuses)
export const attendanceOptions = optionsOf(infoAttendances)
export const exitKindOptions = optionsOf(trainingExitKinds)
/** the body's answer after the information session */
export const outcomeOptions = [
  { value: 'accepted', label: 'Retenue' },
  { value: 'waiting_list', label: 'Liste complémentaire' },
  { value: 'not_accepted', label: 'Non retenue' },
]
/** the 93 NSF speciality groups, « 311 — Transport, manutention, magasinage » */
export const nsfOptions = nsfGroups.map(({ code, label }) => ({ value: code, label: `${code} — ${label}` }))
/** « 311m — … » or « — » */
export const nsfText = (code: string | null | undefined) => {
  if (!code) return '—'
  const label = nsfLabel(code)
  return label ? `${code} — ${label}` : code
}

/**
 * A prescription status's badge colour. The badge always shows its words: the colour only repeats them. Waiting for
 * someone (blue, orange when the counsellor must complete), a place held or the training done (green), stopped (red,
 * grey).
 */
export const prescriptionStatusColor = (status: string) => {
  switch (status) {
    case 'submitted':
    case 'validated':
      return 'blue'
    case 'more_info':
    case 'waiting_list':
      return 'orange'
    case 'accepted':
    case 'entered':
    case 'exited':
      return 'green'
    case 'refused':
    case 'not_accepted':
      return 'red'
    default:
      return 'gray'
  }
}
export const sessionStatusColor = (status: string) =>
  status === 'open' ? 'green' : status === 'cancelled' ? 'red' : 'gray'

/** « du 02/03/2026 au 30/06/2026 », « à partir du 02/03/2026 » */
export const sessionDates = (s: { startsOn: string; endsOn: string | null }) =>
  s.endsOn ? `du ${formatDate(s.startsOn)} au ${formatDate(s.endsOn)}` : `à partir du ${formatDate(s.startsOn)}`

/** « 3 places sur 12 », « complète (0 sur 12) » */
export const placesText = (s: { places: number; placesLeft: number }) =>
  s.placesLeft <= 0
    ? `complète (0 sur ${formatNumber(s.places)})`
    : `${formatNumber(s.placesLeft)} ${s.placesLeft > 1 ? 'places' : 'place'} sur ${formatNumber(s.places)}`

/** the information session: « 12/03/2026 09:30, Maison de l'emploi » or « — » */
export const infoSessionText = (s: { infoSessionAt: string | null; infoSessionPlace: string | null }) =>
  s.infoSessionAt
    ? [formatDateTime(s.infoSessionAt), s.infoSessionPlace].filter(Boolean).join(', ')
    : (s.infoSessionPlace ?? '—')

/** « MARTIN Jeanne » as the lists write a person's name */
export const personName = (p: { firstName: string; lastName: string }) => `${p.lastName.toUpperCase()} ${p.firstName}`

/** a qualification obtained: Oui / Non / — */
export const yesNo = (value: boolean | null | undefined) =>
  value === null || value === undefined ? '—' : value ? 'Oui' : 'Non'
