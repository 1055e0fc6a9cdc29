import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { communeSearchQuery } from '../../../shared/admin/admin.schema.ts'
import type { Deps } from '../../deps.ts'
import { defineRoute } from '../../http/route.ts'
import { adminPolicy } from '../admin/admin.policy.ts'
import { searchCommunes } from './communes.ts'

export function referenceRoutes(app: FastifyInstance, deps: Deps) {
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/reference/communes',
    summary: 'Recherche dans la liste officielle des communes (nom, code INSEE ou code postal)',
    tags: ['Référentiels'],
    access: adminPolicy.readReference,
    query: communeSearchQuery,
    response: z.array(z.object({ code: z.string(), name: z.string(), postcode: z.string().nullable() })),
    handler: async ({ query }) => searchCommunes(query.q),
  })
}
