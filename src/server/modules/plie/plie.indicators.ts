import type { IndicatorDeclaration } from '../../reporting/indicator.ts'
import { plieEmploymentSteps } from './indicators/employment-steps.ts'
import { plieEntries } from './indicators/entries.ts'
import { plieFlow } from './indicators/flow.ts'
import { plieFunding } from './indicators/funding.ts'
import { plieObjectives } from './indicators/objectives.ts'
import { plieExitsByPartner } from './indicators/partners.ts'
import { pliePositiveExits } from './indicators/positive-exits.ts'

/** The PLIE family, in the order of the report's chapter. */
export const plieIndicators: IndicatorDeclaration[] = [
  plieFlow,
  plieObjectives,
  plieEntries,
  pliePositiveExits,
  plieEmploymentSteps,
  plieExitsByPartner,
  plieFunding,
]
