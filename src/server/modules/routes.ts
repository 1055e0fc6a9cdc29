import type { FastifyInstance } from 'fastify'
import type { Deps } from '../deps.ts'
import { serverModules } from './modules.ts'

/** Every module's routes, in the order of the module list. */
export function featureRoutes(app: FastifyInstance, deps: Deps) {
  for (const m of serverModules) m.routes?.(app, deps)
}
