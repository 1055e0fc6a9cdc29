import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../deps.ts'
import { auditRoutes } from './audit.routes.ts'
import { personAuditRoutes } from './person-audit.routes.ts'
import { programmeRoutes } from './programmes.routes.ts'
import { siteRoutes } from './sites.routes.ts'
import { structureRoutes } from './structure.routes.ts'
import { userRoutes } from './users.routes.ts'

/** The administration's routes: the structure, sites, programmes, users, the audit log. */
export function adminRoutes(app: FastifyInstance, deps: Deps) {
  structureRoutes(app, deps)
  siteRoutes(app, deps)
  programmeRoutes(app, deps)
  userRoutes(app, deps)
  auditRoutes(app, deps)
  personAuditRoutes(app, deps)
}
