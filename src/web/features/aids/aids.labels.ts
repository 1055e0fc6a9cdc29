import {
  aidDecisions,
  aidPurposes,
  aidTracks,
  paymentModes,
  requestStatuses,
} from '../../../shared/aids/aids.nomenclature.ts'

// The French words of the aids' screens: the lists the forms offer, built from the shared nomenclatures.

type Labels = { labels: Record<string, string> }
const labelOf = (list: Labels) => (code: string | null) => (code ? (list.labels[code] ?? code) : '—')

export const purposeLabel = labelOf(aidPurposes)
export const trackLabel = labelOf(aidTracks)
export const modeLabel = labelOf(paymentModes)
export const statusLabel = labelOf(requestStatuses)

/** the options of a fund's own list (its tracks, purposes, payment modes) */
export const optionsOf = (list: Labels, codes: readonly string[]) =>
  codes.map((value) => ({ value, label: list.labels[value] ?? value }))

export const decisionOptions = aidDecisions.codes.map((value) => ({ value, label: aidDecisions.labels[value] }))

/** a status's colour: waiting (blue), granted (green), refused or cancelled (grey, red) */
export const statusColor = (status: string) =>
  status === 'granted' || status === 'partly_granted'
    ? 'green'
    : status === 'refused'
      ? 'red'
      : status === 'cancelled' || status === 'redirected'
        ? 'gray'
        : 'blue'
