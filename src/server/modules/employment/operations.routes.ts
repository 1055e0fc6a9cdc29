import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../deps.ts'

/** placeholder: filled by the part that owns this file (docs/employment/) */
export function operationsRoutes(_app: FastifyInstance, _deps: Deps) {}
