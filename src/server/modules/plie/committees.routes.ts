import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../deps.ts'

export function committeeRoutes(_app: FastifyInstance, _deps: Deps) {}
