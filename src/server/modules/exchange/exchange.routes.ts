import type { FastifyInstance } from 'fastify'
import {
  exportResponseSchema,
  importRequestSchema,
  importResponseSchema,
} from '../../../shared/exchange/exchange.schema.ts'
import type { Deps } from '../../deps.ts'
import { defineRoute } from '../../http/route.ts'
import { apiExport, apiImport } from './exchange.api.ts'
import { exchangePolicy } from './exchange.policy.ts'

const tags = ['Import et export']

// Two pairs of routes, one per scope (docs/import-format.md, « API »): the whole bundle with the person files
// (the director, second factor required), and the organisation's configuration alone (the admin).
export function exchangeRoutes(app: FastifyInstance, deps: Deps) {
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/exchange/import',
    summary:
      'Importer un petit lot complet, données des personnes comprises (direction, double authentification ; tout ou rien)',
    tags,
    access: exchangePolicy.all,
    body: importRequestSchema,
    response: importResponseSchema,
    handler: (ctx) => apiImport(ctx, 'all', ctx.body),
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/exchange/export',
    summary: 'Exporter toute la structure, données des personnes comprises (direction, double authentification)',
    tags,
    access: exchangePolicy.all,
    response: exportResponseSchema,
    handler: (ctx) => apiExport(ctx, 'all'),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/exchange/configuration/import',
    summary:
      'Importer la configuration seule : sites, programmes, utilisateurs, thèmes (administrateur ; tout ou rien)',
    tags,
    access: exchangePolicy.configuration,
    body: importRequestSchema,
    response: importResponseSchema,
    handler: (ctx) => apiImport(ctx, 'configuration', ctx.body),
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/exchange/configuration/export',
    summary: 'Exporter la configuration seule : sites, programmes, utilisateurs, thèmes (administrateur)',
    tags,
    access: exchangePolicy.configuration,
    response: exportResponseSchema,
    handler: (ctx) => apiExport(ctx, 'configuration'),
  })
}
