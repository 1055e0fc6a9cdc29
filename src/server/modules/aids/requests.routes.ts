import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../deps.ts'

/** The aids' routes: requests, decisions, payments, the worklist and the dashboards (H1). Being built: no route yet. */
export function requestRoutes(_app: FastifyInstance, _deps: Deps) {}
