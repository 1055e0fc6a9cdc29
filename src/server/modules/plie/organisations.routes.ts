import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../deps.ts'

export function organisationRoutes(_app: FastifyInstance, _deps: Deps) {}
