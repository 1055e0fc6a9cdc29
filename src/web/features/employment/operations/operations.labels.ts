import {
  applicationOutcomes,
  applicationSources,
  funnelStages,
  operationStatuses,
  poolKinds,
} from '../../../../shared/employment/employment.nomenclature.ts'
import type { Funnel } from '../../../../shared/employment/operations.schema.ts'
import { poolLeftReasons, poolStages } from '../../../../shared/employment/pools.schema.ts'
import { formatNumber } from '../../../components/format.ts'

// The French words of the operations' and pools' screens: the code lists' labels and options, the funnel's stages.
type Labels = { labels: Record<string, string>; codes: readonly string[] }
const labelOf = (list: Labels) => (code: string | null | undefined) => (code ? (list.labels[code] ?? code) : '—')
const optionsOf = (list: Labels) => list.codes.map((value) => ({ value, label: list.labels[value] ?? value }))

export const operationStatusLabel = labelOf(operationStatuses)
export const operationStatusOptions = optionsOf(operationStatuses)
export const sourceLabel = labelOf(applicationSources)
export const sourceOptions = optionsOf(applicationSources)
export const outcomeLabel = labelOf(applicationOutcomes)
export const outcomeOptions = optionsOf(applicationOutcomes)
export const stageOptions = optionsOf(funnelStages)
export const poolKindLabel = labelOf(poolKinds)
export const poolKindOptions = optionsOf(poolKinds)
export const poolStageOptions = optionsOf(poolStages)
export const leftReasonLabel = labelOf(poolLeftReasons)
export const leftReasonOptions = optionsOf(poolLeftReasons)

export const operationStatusColor = (s: string) =>
  s === 'running' ? 'blue' : s === 'planned' ? 'grape' : s === 'closed' ? 'gray' : 'red'

/** the funnel's stages in order, with their counts */
export const funnelRows = (f: Funnel) =>
  funnelStages.codes.map((code) => ({ code, label: funnelStages.labels[code], count: f[code] }))

/** « 87,47 % » (the local share), « — » without any known commune */
export const percentText = (p: number | null) =>
  p === null ? '—' : `${formatNumber(p, { minimumFractionDigits: 2, maximumFractionDigits: 2 })} %`
