import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../deps.ts'

/** The aids' routes: commissions and the reinforced aid's contract (H2). Being built: no route yet. */
export function commissionRoutes(_app: FastifyInstance, _deps: Deps) {}
