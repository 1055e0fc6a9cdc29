import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../deps.ts'
import { allowanceRoutes } from './allowance.routes.ts'
import { commissionRoutes } from './commissions.routes.ts'
import { fundRoutes } from './funds.routes.ts'
import { projectRoutes } from './projects.routes.ts'
import { requestRoutes } from './requests.routes.ts'

/** The aids' routes, one file per part (docs/aids.md). */
export function aidsRoutes(app: FastifyInstance, deps: Deps) {
  fundRoutes(app, deps)
  requestRoutes(app, deps)
  commissionRoutes(app, deps)
  allowanceRoutes(app, deps)
  projectRoutes(app, deps)
}
