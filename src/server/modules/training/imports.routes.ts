import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { catalogueImportQuery, catalogueImportResult } from '../../../shared/training/catalogue-io.schema.ts'
import type { Deps } from '../../deps.ts'
import { defineRoute } from '../../http/route.ts'
import { importCatalogue } from './imports.service.ts'
import { trainingPolicy } from './training.policy.ts'

/** a funder's whole catalogue fits; more is refused (413) before it is read */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024

/** The catalogue's imports: a funder's LHEO file, or a CSV file (docs/training/catalogue.md « Imports »). */
export function importRoutes(app: FastifyInstance, deps: Deps) {
  // The files come as they are (not in JSON): their own parsers, up to 20 MB, in this plugin's scope only.
  app.register(async (scope) => {
    for (const type of ['application/xml', 'text/xml', 'text/csv']) {
      if (scope.hasContentTypeParser(type)) scope.removeContentTypeParser(type)
      scope.addContentTypeParser(type, { parseAs: 'string', bodyLimit: MAX_IMPORT_BYTES }, (_req, body, done) =>
        done(null, body),
      )
    }
    const tags = ['Formation : catalogue']
    const file = z.string('Fichier attendu.').min(1, 'Fichier vide.')
    defineRoute(scope, deps, {
      method: 'POST',
      url: '/api/training/imports/lheo',
      summary: 'Importer le catalogue LHEO d’un financeur (XML, 20 Mo au plus ; tout ou rien ; dryRun=true : vérifier)',
      tags,
      access: trainingPolicy.setup,
      query: catalogueImportQuery,
      body: file,
      response: catalogueImportResult,
      handler: async (c) =>
        importCatalogue(c, 'lheo', c.body, {
          file: c.query.file || 'catalogue.xml',
          dryRun: c.query.dryRun === 'true',
        }),
    })
    defineRoute(scope, deps, {
      method: 'POST',
      url: '/api/training/imports/csv',
      summary:
        'Importer un catalogue CSV, une ligne par session (20 Mo au plus ; tout ou rien ; dryRun=true : vérifier)',
      tags,
      access: trainingPolicy.setup,
      query: catalogueImportQuery,
      body: file,
      response: catalogueImportResult,
      handler: async (c) =>
        importCatalogue(c, 'csv', c.body, { file: c.query.file || 'catalogue.csv', dryRun: c.query.dryRun === 'true' }),
    })
  })
}
