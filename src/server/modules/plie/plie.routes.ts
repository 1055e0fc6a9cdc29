import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../deps.ts'
import { committeeRoutes } from './committees.routes.ts'
import { esfRoutes } from './esf.routes.ts'
import { fundingRoutes } from './funding.routes.ts'
import { organisationRoutes } from './organisations.routes.ts'
import { pathwayRoutes } from './pathways.routes.ts'
import { proposalRoutes } from './proposals.routes.ts'

/** The PLIE's routes, one file per part (docs/plie.md). */
export function plieRoutes(app: FastifyInstance, deps: Deps) {
  proposalRoutes(app, deps)
  committeeRoutes(app, deps)
  pathwayRoutes(app, deps)
  organisationRoutes(app, deps)
  esfRoutes(app, deps)
  fundingRoutes(app, deps)
}
