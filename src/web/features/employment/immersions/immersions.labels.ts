import {
  immersionObjectives,
  immersionOutcomes,
  immersionStatuses,
} from '../../../../shared/employment/employment.nomenclature.ts'
import { formatNumber } from '../../../components/format.ts'

// The French words of the immersions screens (docs/employment/immersions.md): the code lists' labels and options, a
// status's badge colour, a module's validation rate.

type List = { labels: Record<string, string>; codes: readonly string[] }
const labelOf = (list: List) => (code: string | null | undefined) => (code ? (list.labels[code] ?? code) : '—')
const optionsOf = (list: List) => list.codes.map((value) => ({ value, label: list.labels[value] ?? value }))

export const objectiveLabel = labelOf(immersionObjectives)
export const statusLabel = labelOf(immersionStatuses)
export const outcomeLabel = labelOf(immersionOutcomes)
export const objectiveOptions = optionsOf(immersionObjectives)
export const statusOptions = optionsOf(immersionStatuses)
export const outcomeOptions = optionsOf(immersionOutcomes)

export const statusColor = (status: string) =>
  ({ draft: 'gray', signed: 'blue', done: 'green', cancelled: 'red' })[status] ?? 'gray'

/** « 93,3 % », or « — » with nobody */
export const rateText = (rate: number | null) =>
  rate === null ? '—' : `${formatNumber(rate, { maximumFractionDigits: 1 })} %`

export const validatedText = (v: boolean | null) => (v === null ? 'Non évaluée' : v ? 'Validée' : 'Non validée')
