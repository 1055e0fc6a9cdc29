import type { IndicatorDeclaration } from '../../reporting/indicator.ts'
import { employmentApprenticeship } from './indicators/apprenticeship.ts'
import { employmentClauses } from './indicators/clauses.ts'
import { employmentImmersions } from './indicators/immersions.ts'
import { employmentRecruitmentOperations } from './indicators/operations.ts'
import { employmentCandidatePools } from './indicators/pools.ts'

/**
 * The employment family (employment.apprenticeship, .immersions, .recruitment_operations, .clauses, .candidate_pools),
 * in the report's order.
 */
export const employmentIndicators: IndicatorDeclaration[] = [
  employmentApprenticeship,
  employmentImmersions,
  employmentRecruitmentOperations,
  employmentClauses,
  employmentCandidatePools,
]
