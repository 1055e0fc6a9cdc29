import {
  profCofunderKinds,
  profContractKinds,
  profPlanStatuses,
} from '../../../../shared/training/training.nomenclature.ts'
import { today } from '../../../components/format.ts'

// The fund's French words: the code lists' labels and options, a plan status's badge colour (the badge always shows
// its words: the colour only repeats them).

type List = { codes: readonly string[]; labels: Record<string, string> }
const optionsOf = (list: List) => list.codes.map((value) => ({ value, label: list.labels[value] ?? value }))
const labelOf = (list: List) => (code: string | null | undefined) => (code ? (list.labels[code] ?? code) : '—')

export const planStatusLabel = labelOf(profPlanStatuses)
export const contractLabel = labelOf(profContractKinds)
export const cofunderKindLabel = labelOf(profCofunderKinds)
export const planStatusOptions = optionsOf(profPlanStatuses)
export const contractOptions = optionsOf(profContractKinds)
export const cofunderKindOptions = optionsOf(profCofunderKinds)

export const planStatusColor = (status: string) =>
  status === 'validated' ? 'green' : status === 'refused' ? 'red' : status === 'cancelled' ? 'gray' : 'blue'

export const thisYear = () => Number(today().slice(0, 4))
/** this year and the twelve before, next year too (an envelope voted ahead); 2009 stays reachable (the data set) */
export const yearOptions = () => {
  const current = thisYear()
  const years = Array.from({ length: current + 2 - 2005 }, (_, i) => String(current + 1 - i))
  return years
}
