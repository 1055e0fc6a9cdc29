import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../deps.ts'

export function pathwayRoutes(_app: FastifyInstance, _deps: Deps) {}
