import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../deps.ts'
import { catalogueRoutes } from './catalogue.routes.ts'
import { fundRoutes } from './fund.routes.ts'
import { importRoutes } from './imports.routes.ts'
import { partnerAccountRoutes } from './partner-accounts.routes.ts'
import { portalRoutes } from './portal.routes.ts'
import { prescriptionRoutes } from './prescriptions.routes.ts'

/** The training routes, one file per part (docs/training/). */
export function trainingRoutes(app: FastifyInstance, deps: Deps) {
  catalogueRoutes(app, deps)
  partnerAccountRoutes(app, deps)
  importRoutes(app, deps)
  prescriptionRoutes(app, deps)
  portalRoutes(app, deps)
  fundRoutes(app, deps)
}
