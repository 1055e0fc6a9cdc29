import type { FastifyInstance } from 'fastify'
import { idParams } from '../../../shared/admin/admin.schema.ts'
import {
  attributeEntrySchema,
  attributeIdParams,
  attributeInput,
  attributesViewSchema,
  onQuery,
  statusesViewSchema,
  statusIdParams,
  statusInput,
  statusPeriodSchema,
  statusUpdateInput,
} from '../../../shared/persons/situation.schema.ts'
import type { Deps } from '../../deps.ts'
import { defineRoute } from '../../http/route.ts'
import { personPolicy } from './person.policy.ts'
import {
  addAttribute,
  addStatus,
  attributesView,
  changeStatus,
  removeAttribute,
  statusesView,
} from './situation.service.ts'

const tags = ['Personnes : situation']

export function situationRoutes(app: FastifyInstance, deps: Deps) {
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/persons/:id/attributes',
    summary: 'Situation à une date (par défaut aujourd’hui) et historique des éléments datés',
    tags,
    access: personPolicy.file,
    params: idParams,
    query: onQuery,
    response: attributesViewSchema,
    handler: async (ctx) => attributesView(ctx, ctx.params.id, ctx.query.on),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/persons/:id/attributes',
    summary: 'Enregistrer un changement de situation à sa date d’effet (409 si une valeur existe déjà à cette date)',
    tags,
    access: personPolicy.write,
    params: idParams,
    body: attributeInput,
    response: attributeEntrySchema,
    status: 201,
    handler: async (ctx) => addAttribute(ctx, ctx.params.id, ctx.body),
  })

  defineRoute(app, deps, {
    method: 'DELETE',
    url: '/api/persons/:id/attributes/:attributeId',
    summary: 'Supprimer une saisie de situation erronée (tracée)',
    tags,
    access: personPolicy.write,
    params: attributeIdParams,
    status: 204,
    handler: async (ctx) => removeAttribute(ctx, ctx.params.id, ctx.params.attributeId),
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/persons/:id/statuses',
    summary: 'Périodes de statut (RSA, RQTH, DELD, justice) ; avec ?on= celles actives à cette date',
    tags,
    access: personPolicy.file,
    params: idParams,
    query: onQuery,
    response: statusesViewSchema,
    handler: async (ctx) => statusesView(ctx, ctx.params.id, ctx.query.on),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/persons/:id/statuses',
    summary: 'Ouvrir une période de statut (RSA, RQTH et justice : direction ou conseiller qui suit la personne)',
    tags,
    access: personPolicy.write,
    params: idParams,
    body: statusInput,
    response: statusPeriodSchema,
    status: 201,
    handler: async (ctx) => addStatus(ctx, ctx.params.id, ctx.body),
  })

  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/persons/:id/statuses/:statusId',
    summary: 'Corriger ou clore une période de statut (avec la version lue)',
    tags,
    access: personPolicy.write,
    params: statusIdParams,
    body: statusUpdateInput,
    response: statusPeriodSchema,
    handler: async (ctx) => changeStatus(ctx, ctx.params.id, ctx.params.statusId, ctx.body),
  })
}
