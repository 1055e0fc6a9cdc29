import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import {
  catalogueEntrySchema,
  indicatorComparisonSchema,
  indicatorQuery,
  reportQuery,
} from '../../shared/reporting/reporting.schema.ts'
import type { Deps } from '../deps.ts'
import { defineRoute } from '../http/route.ts'
import { allIndicators, catalogueEntry, getIndicator } from './catalogue.ts'
import { crossRoutes } from './cross.routes.ts'
import { compareIndicator } from './engine.ts'
import { objectiveRoutes } from './objectives.routes.ts'
import { buildAnnualReport } from './report/build.ts'
import { reportFile } from './report/files.ts'
import { readForReport } from './report-db.ts'
import { reportingPolicy, scopeFor, siteScope } from './reporting.policy.ts'

const tags = ['Indicateurs et rapport annuel']

/** Indicators (catalogue, one indicator over periods), the annual report in JSON, spreadsheet or PDF, objectives. */
export function reportingRoutes(app: FastifyInstance, deps: Deps) {
  const thresholds = () => deps.config.secrecy

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/indicators',
    summary: 'Catalogue des indicateurs, avec leur définition',
    tags,
    access: reportingPolicy.readCatalogue,
    response: z.array(catalogueEntrySchema),
    handler: async () => allIndicators().map(catalogueEntry),
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/indicators/:id',
    summary:
      'Un indicateur sur une période et un périmètre (site, programme, commune, conseiller), par sexe sur demande ; ' +
      'compare=N donne aussi les N − 1 périodes précédentes de même durée ; public=true applique le secret statistique',
    tags,
    access: reportingPolicy.readIndicators,
    params: z.object({ id: z.string().max(80) }),
    query: indicatorQuery,
    response: indicatorComparisonSchema,
    handler: async ({ tx, actor, params, query }) => {
      const decl = getIndicator(params.id)
      const results = await readForReport(deps, tx, (q) =>
        compareIndicator(q, decl, {
          structureId: actor.structureId,
          period: { from: query.from, to: query.to },
          scope: scopeFor(actor, query),
          bySex: query.bySex === 'true',
          published: query.public === 'true' ? thresholds() : undefined,
          count: query.compare,
        }),
      )
      return { indicator: catalogueEntry(decl), results }
    },
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/reports/annual',
    summary:
      'Rapport annuel (chapitre Mission Locale) : format=json (indicateurs par identifiant), xlsx ou pdf. Le tableur ' +
      'et le PDF sont des documents publiables (secret statistique) sauf public=false ; le JSON est interne sauf public=true',
    tags,
    access: reportingPolicy.readReport,
    query: reportQuery,
    handler: async ({ tx, actor, query, now, reply, audit }) => {
      const published = query.public === undefined ? query.format !== 'json' : query.public === 'true'
      // the indicators read on the report database (a replica when there is one); the audit line is written here, on
      // the primary, in the request's transaction
      const report = await readForReport(deps, tx, (q) =>
        buildAnnualReport(q, {
          structureId: actor.structureId,
          period: { from: query.from, to: query.to },
          siteIds: siteScope(actor, query.siteId),
          published: published ? thresholds() : undefined,
          now,
        }),
      )
      await audit({
        action: 'report.annual',
        entity: 'report',
        entityId: null,
        detail: { from: query.from, to: query.to, siteId: query.siteId ?? null, format: query.format, published },
      })
      if (query.format === 'json') return report
      const file = await reportFile(report, query.format)
      reply.header('content-type', file.contentType)
      reply.header('content-disposition', `attachment; filename="${file.name}"`)
      return file.body
    },
  })

  objectiveRoutes(app, deps)
  crossRoutes(app, deps)
}
