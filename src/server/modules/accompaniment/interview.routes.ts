import type { FastifyInstance } from 'fastify'
import { personParams } from '../../../shared/accompaniment/accompaniment.schema.ts'
import { interviewInputSchema, interviewSchema } from '../../../shared/accompaniment/interview.schema.ts'
import type { Deps } from '../../deps.ts'
import { defineRoute } from '../../http/route.ts'
import { accompanimentPolicy } from './accompaniment.policy.ts'
import { recordInterview } from './interview.service.ts'

export function interviewRoutes(app: FastifyInstance, deps: Deps) {
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/persons/:personId/interviews',
    summary: 'Enregistrer un entretien : l’événement, ses propositions et un changement de situation, ensemble',
    tags: ['Accompagnement : entretien'],
    access: accompanimentPolicy.write,
    params: personParams,
    body: interviewInputSchema,
    response: interviewSchema,
    status: 201,
    handler: async (ctx) => recordInterview(ctx, ctx.params.personId, ctx.body),
  })
}
