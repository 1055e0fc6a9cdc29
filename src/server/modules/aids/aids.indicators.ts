import type { IndicatorDeclaration } from '../../reporting/indicator.ts'
import { aidProjects } from './indicators/projects.ts'
import { aidRequests } from './indicators/requests.ts'

/** The aids family (aid.requests, aid.projects), in the order of the report's section. */
export const aidsIndicators: IndicatorDeclaration[] = [aidRequests, aidProjects]
