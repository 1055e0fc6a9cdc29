import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../deps.ts'
import { caseloadRoutes } from './caseload.routes.ts'
import { eventRoutes } from './events.routes.ts'
import { interviewRoutes } from './interview.routes.ts'
import { propositionRoutes } from './propositions.routes.ts'
import { enrolmentRoutes, situationRoutes } from './situations.routes.ts'

/** The counsellor's daily record: events, propositions, situations, programme enrolments, and the caseload. */
export function accompanimentRoutes(app: FastifyInstance, deps: Deps) {
  eventRoutes(app, deps)
  propositionRoutes(app, deps)
  interviewRoutes(app, deps)
  situationRoutes(app, deps)
  enrolmentRoutes(app, deps)
  caseloadRoutes(app, deps)
}
