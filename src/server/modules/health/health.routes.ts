import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { z } from 'zod'
import type { Deps } from '../../deps.ts'
import { defineRoute } from '../../http/route.ts'

export function healthRoutes(app: FastifyInstance, deps: Deps) {
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/health',
    summary: 'État du service et de sa base de données',
    tags: ['Supervision'],
    access: 'public',
    response: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }),
    handler: async ({ tx }) => {
      await sql`select 1`.execute(tx)
      return { status: 'ok' as const, database: deps.db.kind }
    },
  })
}
