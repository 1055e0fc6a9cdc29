import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../deps.ts'

/** The aids' routes: the CIVIS/CEJ allowance and its monthly payment runs (H2). Being built: no route yet. */
export function allowanceRoutes(_app: FastifyInstance, _deps: Deps) {}
