import {
  candidateStatuses,
  contractKinds,
  followUpOutcomes,
  offerStatuses,
  refusalReasons,
} from '../../../shared/employment/employment.nomenclature.ts'
import { ROME, romeTitle } from '../../../shared/employment/rome.ts'
import { formatNumber } from '../../components/format.ts'

// The French words of the employment screens (docs/employment/screens.md): labels of the shared code lists, the
// options the forms offer, a status's badge colour, the ROME list as options and the few formats every page repeats.
// Every employment page may import from here (read only for the parts other than the offers').

type Labels = { labels: Record<string, string> }
const labelOf = (list: Labels) => (code: string | number | null | undefined) =>
  code === null || code === undefined || code === '' ? '—' : (list.labels[String(code)] ?? String(code))
const optionsOf = (list: Labels & { codes: readonly string[] }) =>
  list.codes.map((value) => ({ value, label: list.labels[value] ?? value }))

export const contractKindLabel = labelOf(contractKinds)
export const offerStatusLabel = labelOf(offerStatuses)
export const candidateStatusLabel = labelOf(candidateStatuses)
export const refusalReasonLabel = labelOf(refusalReasons)
export const followUpOutcomeLabel = labelOf(followUpOutcomes)

export const contractKindOptions = optionsOf(contractKinds)
export const offerStatusOptions = optionsOf(offerStatuses)
export const candidateStatusOptions = optionsOf(candidateStatuses)
export const refusalReasonOptions = optionsOf(refusalReasons)
export const followUpOutcomeOptions = optionsOf(followUpOutcomes)

/** the 532 ROME fiches as options of a searchable select: « K2111 — Formateur / Formatrice » */
export const romeOptions = Object.keys(ROME).map((code) => ({ value: code, label: romeTitle(code) }))
export { romeTitle }

/** the levels of the 2019 nomenclature (1 to 8) */
export const levelOptions = [
  { value: '3', label: '3 — CAP, BEP' },
  { value: '4', label: '4 — Baccalauréat' },
  { value: '5', label: '5 — Bac + 2 (BTS, DUT)' },
  { value: '6', label: '6 — Bac + 3 (licence, BUT)' },
  { value: '7', label: '7 — Bac + 5 (master)' },
  { value: '8', label: '8 — Doctorat' },
  { value: '1', label: '1 — Savoirs de base' },
  { value: '2', label: '2 — Socle de compétences (CléA)' },
]

/** « MARTIN Jeanne » as the lists write a person's name */
export const personName = (p: { firstName: string; lastName: string }) => `${p.lastName.toUpperCase()} ${p.firstName}`

/** « CDD 6 mois », « CDI », « Contrat d’apprentissage 24 mois » */
export const contractText = (kind: string, months: number | null | undefined) =>
  kind === 'cdi' || months === null || months === undefined
    ? contractKindLabel(kind)
    : `${contractKindLabel(kind)} ${formatNumber(months)} mois`

/** the badge colour of a candidate's status; the badge always shows its words */
export const candidateStatusColor = (status: string) => {
  switch (status) {
    case 'proposed':
      return 'blue'
    case 'sent':
    case 'interview':
      return 'orange'
    case 'hired':
      return 'green'
    case 'refused':
      return 'red'
    default:
      return 'gray'
  }
}
export const offerStatusColor = (status: string) =>
  status === 'open' ? 'green' : status === 'filled' ? 'blue' : status === 'cancelled' ? 'red' : 'gray'

/** « 3 postes », « 1 poste » */
export const positionsText = (n: number) => `${formatNumber(n)} ${n > 1 ? 'postes' : 'poste'}`

/** « Suivi à 1 mois » */
export const milestoneText = (months: number) => `Suivi à ${formatNumber(months)} mois`
