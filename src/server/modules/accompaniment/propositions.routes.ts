import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import {
  personItemParams,
  personParams,
  propositionInputSchema,
  propositionListQuery,
  propositionPageSchema,
  propositionSchema,
  propositionThemeSchema,
  propositionUpdateSchema,
} from '../../../shared/accompaniment/accompaniment.schema.ts'
import type { Deps } from '../../deps.ts'
import { defineRoute } from '../../http/route.ts'
import { accompanimentPolicy } from './accompaniment.policy.ts'
import { loadThemes, sortedThemes } from './propositions.repository.ts'
import { changeProposition, createProposition, listPersonPropositions } from './propositions.service.ts'

const tags = ['Accompagnement : propositions']

export function propositionRoutes(app: FastifyInstance, deps: Deps) {
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/reference/proposition-themes',
    summary: 'Thèmes des propositions par domaine : liste nationale et éléments locaux (rattachés à un code national)',
    tags: ['Référentiels'],
    access: accompanimentPolicy.reference,
    response: z.array(propositionThemeSchema),
    handler: async ({ tx, actor }) => sortedThemes(await loadThemes(tx, actor.structureId)),
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/persons/:personId/propositions',
    summary:
      'Propositions de la personne, les plus récentes d’abord ; les propositions de santé ne sont montrées qu’à ceux qui la suivent',
    tags,
    access: accompanimentPolicy.read,
    params: personParams,
    query: propositionListQuery,
    response: propositionPageSchema,
    handler: async (ctx) => listPersonPropositions(ctx, ctx.params.personId, ctx.query),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/persons/:personId/propositions',
    summary: 'Enregistrer une proposition (domaine × thème)',
    tags,
    access: accompanimentPolicy.write,
    params: personParams,
    body: propositionInputSchema,
    response: propositionSchema,
    status: 201,
    handler: async (ctx) => createProposition(ctx, ctx.params.personId, ctx.body),
  })

  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/persons/:personId/propositions/:id',
    summary: 'Modifier une proposition (avec la version lue)',
    tags,
    access: accompanimentPolicy.write,
    params: personItemParams,
    body: propositionUpdateSchema,
    response: propositionSchema,
    handler: async (ctx) => changeProposition(ctx, ctx.params.personId, ctx.params.id, ctx.body),
  })
}
