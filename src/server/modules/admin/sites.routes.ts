import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { idParams, siteInputSchema, siteSchema, siteUpdateSchema } from '../../../shared/admin/admin.schema.ts'
import type { Deps } from '../../deps.ts'
import { defineRoute } from '../../http/route.ts'
import { adminPolicy } from './admin.policy.ts'
import { createSite, getSite, listSites, updateSite } from './sites.repository.ts'

const tags = ['Administration : sites']

export function siteRoutes(app: FastifyInstance, deps: Deps) {
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/admin/sites',
    summary: 'Antennes et permanences de la structure, avec leurs communes',
    tags,
    access: adminPolicy.readReference,
    response: z.array(siteSchema),
    handler: async ({ tx, actor }) => listSites(tx, actor.structureId),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/admin/sites',
    summary: 'Créer une antenne ou une permanence',
    tags,
    access: adminPolicy.manageSites,
    body: siteInputSchema,
    response: siteSchema,
    status: 201,
    handler: async ({ tx, actor, body, audit }) => {
      const id = await createSite(tx, actor.structureId, body)
      await audit({ action: 'create', entity: 'site', entityId: id, detail: body })
      return (await getSite(tx, actor.structureId, id))!
    },
  })

  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/admin/sites/:id',
    summary: 'Modifier un site (avec la version lue, refusé si quelqu’un l’a modifié entre-temps)',
    tags,
    access: adminPolicy.manageSites,
    params: idParams,
    body: siteUpdateSchema,
    response: siteSchema,
    handler: async ({ tx, actor, params, body, audit }) => {
      await updateSite(tx, actor.structureId, params.id, body)
      await audit({ action: 'update', entity: 'site', entityId: params.id, detail: body })
      return (await getSite(tx, actor.structureId, params.id))!
    },
  })
}
