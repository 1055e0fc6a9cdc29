import type { IndicatorDeclaration } from '../../reporting/indicator.ts'

/** The aids family (aid.requests, aid.projects), in the order of the report's section. Being built: none yet. */
export const aidsIndicators: IndicatorDeclaration[] = []
