import type { FastifyInstance } from 'fastify'
import { caseloadPageSchema, caseloadQuery } from '../../../shared/accompaniment/caseload.schema.ts'
import type { Deps } from '../../deps.ts'
import { defineRoute } from '../../http/route.ts'
import { accompanimentPolicy } from './accompaniment.policy.ts'
import { caseload } from './caseload.service.ts'

export function caseloadRoutes(app: FastifyInstance, deps: Deps) {
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/caseload',
    summary:
      'Portefeuille du conseiller : dernier contact, prochain rendez-vous, situations et programmes en cours, alerte de contact',
    tags: ['Accompagnement : portefeuille'],
    access: accompanimentPolicy.caseload,
    query: caseloadQuery,
    response: caseloadPageSchema,
    handler: async (ctx) => caseload(ctx, ctx.query),
  })
}
