import type { FastifyInstance } from 'fastify'
import {
  eligibilityViewSchema,
  personParams,
  proposalCreatedSchema,
  proposalInput,
  proposalListQuery,
  proposalListSchema,
  proposalParams,
  proposalSchema,
  withdrawInput,
} from '../../../shared/plie/proposals.schema.ts'
import type { Deps } from '../../deps.ts'
import { defineRoute } from '../../http/route.ts'
import { pliePolicy } from './plie.policy.ts'
import { eligibilityToday, listForActor, listForPerson, propose, withdraw } from './proposals.service.ts'

const tags = ['PLIE']

export function proposalRoutes(app: FastifyInstance, deps: Deps) {
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/persons/:personId/plie/eligibility',
    summary: 'Éligibilité au PLIE ce jour : commune membre et publics cibles, ce qui est rempli et ce qui manque',
    tags,
    access: pliePolicy.read,
    params: personParams,
    response: eligibilityViewSchema,
    read: true,
    handler: async (c) => eligibilityToday(c, c.params.personId),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/persons/:personId/plie/proposals',
    summary:
      'Proposer une personne pour un parcours PLIE (éligibilité vérifiée et conservée ; par dérogation motivée sinon)',
    tags,
    access: pliePolicy.write,
    params: personParams,
    body: proposalInput,
    response: proposalCreatedSchema,
    status: 201,
    handler: async (c) => propose(c, c.params.personId, c.body),
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/persons/:personId/plie/proposals',
    summary: 'Les propositions PLIE d’une personne, la plus récente d’abord',
    tags,
    access: pliePolicy.read,
    params: personParams,
    response: proposalListSchema,
    read: true,
    handler: async (c) => listForPerson(c, c.params.personId),
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/plie/proposals',
    summary: 'Propositions PLIE des sites de l’utilisateur (toute la structure pour la direction), par statut et site',
    tags,
    access: pliePolicy.committees,
    query: proposalListQuery,
    response: proposalListSchema,
    read: true,
    handler: async (c) => listForActor(c, c.query),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/plie/proposals/:id/withdraw',
    summary: 'Retirer une proposition en attente du comité (hors ordre du jour)',
    tags,
    access: pliePolicy.write,
    params: proposalParams,
    body: withdrawInput,
    response: proposalSchema,
    handler: async (c) => withdraw(c, c.params.id, c.body.version),
  })
}
