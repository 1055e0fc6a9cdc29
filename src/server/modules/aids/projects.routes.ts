import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../deps.ts'

/** The aids' routes: youth projects (CLAP), holiday projects, indirect aids (H3). Being built: no route yet. */
export function projectRoutes(_app: FastifyInstance, _deps: Deps) {}
