import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { Deps } from '../../deps.ts'
import { defineRoute } from '../../http/route.ts'
import { listPartnerAccounts } from './partner-accounts.repository.ts'
import { trainingPolicy } from './training.policy.ts'

/** a partner account of the structure and the training body it is bound to (null: free to bind) */
export const partnerAccountSchema = z.object({
  id: z.uuid(),
  displayName: z.string(),
  email: z.string(),
  bodyId: z.uuid().nullable(),
})

/**
 * The partner accounts the training officer may bind to a body: the administration's user list needs
 * `administration`, which the department lacks (docs/training/catalogue.md).
 */
export function partnerAccountRoutes(app: FastifyInstance, deps: Deps) {
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/training/partner-accounts',
    summary: 'Les comptes partenaires actifs de la structure et l’organisme de formation de chacun',
    tags: ['Formation : catalogue'],
    access: trainingPolicy.setup,
    response: z.array(partnerAccountSchema),
    read: true,
    handler: async (c) => listPartnerAccounts(c.tx, c.actor.structureId),
  })
}
