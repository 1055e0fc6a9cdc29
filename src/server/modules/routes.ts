import type { FastifyInstance } from 'fastify'
import type { Deps } from '../deps.ts'
import { reportingRoutes } from '../reporting/reporting.routes.ts'
import { accompanimentModule } from './accompaniment/accompaniment.module.ts'
import { adminRoutes } from './admin/admin.routes.ts'
import { authRoutes } from './auth/auth.routes.ts'
import { exchangeRoutes } from './exchange/exchange.routes.ts'
import { healthRoutes } from './health/health.routes.ts'
import { personRoutes } from './persons/persons.routes.ts'
import { referenceRoutes } from './reference/reference.routes.ts'

/** Every feature's routes, in one list: a new module adds one line here. */
export function featureRoutes(app: FastifyInstance, deps: Deps) {
  healthRoutes(app, deps)
  authRoutes(app, deps)
  referenceRoutes(app, deps)
  adminRoutes(app, deps)
  personRoutes(app, deps)
  accompanimentModule.routes(app, deps)
  reportingRoutes(app, deps)
  exchangeRoutes(app, deps)
}
