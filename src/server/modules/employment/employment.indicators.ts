import type { IndicatorDeclaration } from '../../reporting/indicator.ts'

/** placeholder: the employment family (employment.apprenticeship, .immersions, .recruitment_operations, .clauses, .candidate_pools) */
export const employmentIndicators: IndicatorDeclaration[] = []
