import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { versionQuery } from '../../../shared/employment/common.schema.ts'
import {
  memberInput,
  memberListQuery,
  memberSchema,
  memberUpdate,
  poolInput,
  poolListQuery,
  poolMemberParams,
  poolParams,
  poolSchema,
  poolSessionInput,
  poolSessionParams,
  poolSessionSchema,
  poolSessionUpdate,
  poolSummarySchema,
  poolUpdate,
} from '../../../shared/employment/pools.schema.ts'
import type { Deps } from '../../deps.ts'
import { defineRoute } from '../../http/route.ts'
import { employmentPolicy } from './employment.policy.ts'
import {
  addMember,
  changeMember,
  changePool,
  changePoolSession,
  createPool,
  createPoolSession,
  memberList,
  poolList,
  readPool,
  removePoolSession,
} from './pools.service.ts'

/** Candidate pools: criteria, information sessions, members and their stages (docs/employment/pools.md). */
export function poolsRoutes(app: FastifyInstance, deps: Deps) {
  const tags = ['Emploi : viviers']
  const { read, manage, position } = employmentPolicy
  const base = '/api/employment/pools'

  defineRoute(app, deps, {
    method: 'GET',
    url: base,
    summary: 'Les viviers et leurs chiffres (positionnés, informés, entretiens, entrés, en emploi)',
    tags,
    access: read,
    query: poolListQuery,
    response: z.array(poolSummarySchema),
    read: true,
    handler: async (c) => poolList(c, c.query),
  })
  defineRoute(app, deps, {
    method: 'GET',
    url: `${base}/:id`,
    summary: 'Un vivier : ses critères, ses chiffres, ses informations collectives',
    tags,
    access: read,
    params: poolParams,
    response: poolSchema,
    read: true,
    handler: async (c) => readPool(c, c.params.id),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: base,
    summary: 'Créer un vivier (programme d’apprentissage, vivier sectoriel…)',
    tags,
    access: manage,
    body: poolInput,
    response: poolSchema,
    status: 201,
    handler: async (c) => createPool(c, c.body),
  })
  defineRoute(app, deps, {
    method: 'PUT',
    url: `${base}/:id`,
    summary: 'Modifier un vivier (avec la version lue)',
    tags,
    access: manage,
    params: poolParams,
    body: poolUpdate,
    response: poolSchema,
    handler: async (c) => changePool(c, c.params.id, c.body),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: `${base}/:id/sessions`,
    summary: 'Ajouter une information collective au vivier',
    tags,
    access: manage,
    params: poolParams,
    body: poolSessionInput,
    response: poolSessionSchema,
    status: 201,
    handler: async (c) => createPoolSession(c, c.params.id, c.body),
  })
  defineRoute(app, deps, {
    method: 'PUT',
    url: `${base}/:id/sessions/:sessionId`,
    summary: 'Modifier une information collective du vivier (avec la version lue)',
    tags,
    access: manage,
    params: poolSessionParams,
    body: poolSessionUpdate,
    response: poolSessionSchema,
    handler: async (c) => changePoolSession(c, c.params.id, c.params.sessionId, c.body),
  })
  defineRoute(app, deps, {
    method: 'DELETE',
    url: `${base}/:id/sessions/:sessionId`,
    summary: 'Supprimer une information collective du vivier sans membre rattaché (avec la version lue) ; sinon 409',
    tags,
    access: manage,
    params: poolSessionParams,
    query: versionQuery,
    status: 204,
    handler: async (c) => {
      await removePoolSession(c, c.params.id, c.params.sessionId, c.query.version)
      return null
    },
  })
  defineRoute(app, deps, {
    method: 'GET',
    url: `${base}/:id/members`,
    summary: 'Les membres du vivier et leurs étapes (un conseiller : les personnes qu’il suit)',
    tags,
    access: read,
    params: poolParams,
    query: memberListQuery,
    response: z.array(memberSchema),
    read: true,
    handler: async (c) => memberList(c, c.params.id, c.query),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: `${base}/:id/members`,
    summary: 'Positionner une personne sur le vivier (un conseiller : une personne qu’il suit)',
    tags,
    access: position,
    params: poolParams,
    body: memberInput,
    response: memberSchema,
    status: 201,
    handler: async (c) => addMember(c, c.params.id, c.body),
  })
  defineRoute(app, deps, {
    method: 'PUT',
    url: `${base}/members/:id`,
    summary: 'Les étapes d’un membre : information collective, entretien, entrée, sortie (avec la version lue)',
    tags,
    access: manage,
    params: poolMemberParams,
    body: memberUpdate,
    response: memberSchema,
    handler: async (c) => changeMember(c, c.params.id, c.body),
  })
}
