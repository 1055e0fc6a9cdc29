import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../deps.ts'

/** The aids' routes: the funds and their envelopes (H1). Being built: no route yet. */
export function fundRoutes(_app: FastifyInstance, _deps: Deps) {}
