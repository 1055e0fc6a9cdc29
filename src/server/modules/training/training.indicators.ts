import type { IndicatorDeclaration } from '../../reporting/indicator.ts'
import { trainingActions } from './indicators/actions.ts'
import { trainingProfessionalisationFund } from './indicators/fund.ts'
import { trainingSteps } from './indicators/steps.ts'

/** The training family (training.steps, training.actions, training.professionalisation_fund), in the report's order. */
export const trainingIndicators: IndicatorDeclaration[] = [
  trainingSteps,
  trainingActions,
  trainingProfessionalisationFund,
]
