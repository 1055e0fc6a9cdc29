import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import {
  fundingDeleteQuery,
  fundingInputSchema,
  fundingListQuery,
  fundingParams,
  fundingSchema,
  fundingUpdateSchema,
} from '../../../shared/plie/funding.schema.ts'
import type { Deps } from '../../deps.ts'
import { defineRoute } from '../../http/route.ts'
import { changeFunding, createFunding, fundingOfYear, removeFunding } from './funding.service.ts'
import { pliePolicy } from './plie.policy.ts'

/** The PLIE's funding operations per year and funder (docs/plie.md « Funding »). */
export function fundingRoutes(app: FastifyInstance, deps: Deps) {
  const tags = ['PLIE : financements']
  /** who reads the funding: who sets the PLIE up, and who records pathways (plieSetup + pliePathways) */
  const readers = [...new Set([...pliePolicy.setup, ...pliePolicy.read])]
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/plie/funding',
    summary: 'Opérations financées du PLIE pour une année, par financeur (montants en centimes)',
    tags,
    access: readers,
    query: fundingListQuery,
    response: z.array(fundingSchema),
    read: true,
    handler: async (ctx) => fundingOfYear(ctx, ctx.query.year),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/plie/funding',
    summary: 'Enregistrer une opération financée (année, financeur, montants programmé et réalisé en centimes)',
    tags,
    access: pliePolicy.setup,
    body: fundingInputSchema,
    response: fundingSchema,
    status: 201,
    handler: async (ctx) => createFunding(ctx, ctx.body),
  })

  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/plie/funding/:id',
    summary: 'Modifier une opération financée (avec la version lue)',
    tags,
    access: pliePolicy.setup,
    params: fundingParams,
    body: fundingUpdateSchema,
    response: fundingSchema,
    handler: async (ctx) => changeFunding(ctx, ctx.params.id, ctx.body),
  })

  defineRoute(app, deps, {
    method: 'DELETE',
    url: '/api/plie/funding/:id',
    summary: 'Supprimer une opération financée (avec la version lue ; tracé dans le journal)',
    tags,
    access: pliePolicy.setup,
    params: fundingParams,
    query: fundingDeleteQuery,
    status: 204,
    handler: async (ctx) => removeFunding(ctx, ctx.params.id, ctx.query.version),
  })
}
