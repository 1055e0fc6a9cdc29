import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../deps.ts'
import { clausesRoutes } from './clauses.routes.ts'
import { employersRoutes } from './employers.routes.ts'
import { immersionsRoutes } from './immersions.routes.ts'
import { offersRoutes } from './offers.routes.ts'
import { operationsRoutes } from './operations.routes.ts'
import { placementsRoutes } from './placements.routes.ts'
import { poolsRoutes } from './pools.routes.ts'

/** The employment routes, one file per part (docs/employment/). */
export function employmentRoutes(app: FastifyInstance, deps: Deps) {
  employersRoutes(app, deps)
  offersRoutes(app, deps)
  placementsRoutes(app, deps)
  operationsRoutes(app, deps)
  poolsRoutes(app, deps)
  immersionsRoutes(app, deps)
  clausesRoutes(app, deps)
}
