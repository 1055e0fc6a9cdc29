import type { IndicatorDeclaration } from '../../reporting/indicator.ts'

/** placeholder: the training family (training.steps, training.actions, training.professionalisation_fund) */
export const trainingIndicators: IndicatorDeclaration[] = []
