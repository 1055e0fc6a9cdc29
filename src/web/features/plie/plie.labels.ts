import { enrolmentExitReasons, positiveExitReasons } from '../../../shared/accompaniment/situations.schema.ts'
import { situationKindCodes, situationKinds } from '../../../shared/nomenclatures/accompaniment.ts'
import { committeeDecisions, proposalStatuses } from '../../../shared/plie/plie.nomenclature.ts'

// The French words of the PLIE's screens: the lists the forms offer, built from the shared nomenclatures.

/** the exit reasons, the positive ones marked (and listed first) */
export const exitReasonOptions = [
  {
    group: 'Sorties positives',
    items: enrolmentExitReasons.codes
      .filter((c) => positiveExitReasons.includes(c))
      .map((c) => ({ value: c, label: `${enrolmentExitReasons.labels[c]} (sortie positive)` })),
  },
  {
    group: 'Autres sorties',
    items: enrolmentExitReasons.codes
      .filter((c) => !positiveExitReasons.includes(c))
      .map((c) => ({ value: c, label: enrolmentExitReasons.labels[c] })),
  },
]

export const stepKindOptions = situationKindCodes.map((c) => ({ value: c, label: situationKinds[c].label }))

export const decisionOptions = committeeDecisions.codes.map((c) => ({ value: c, label: committeeDecisions.labels[c] }))

export const proposalStatusLabel = (status: string) =>
  proposalStatuses.labels[status as keyof typeof proposalStatuses.labels] ?? status
export const decisionLabel = (decision: string | null) =>
  decision ? (committeeDecisions.labels[decision as keyof typeof committeeDecisions.labels] ?? decision) : 'À décider'
