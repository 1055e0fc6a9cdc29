import type { FastifyInstance } from 'fastify'
import {
  type QualityFile,
  qualityFilesExportQuery,
  qualityFilesPageSchema,
  qualityFilesQuery,
  qualityRuleParams,
  qualityScopeQuery,
  qualitySummarySchema,
  qualityTrendQuery,
  qualityTrendSchema,
} from '../../../shared/quality/quality.schema.ts'
import type { Deps } from '../../deps.ts'
import { type ListColumn, sendList } from '../../http/list-export.ts'
import { defineRoute } from '../../http/route.ts'
import { qualityPolicy } from './quality.policy.ts'
import { qualityFiles, qualitySummary, qualityTrend } from './quality.service.ts'

const tags = ['Qualité des données']

const fileColumns: ListColumn<QualityFile>[] = [
  { header: 'Nom', value: (r) => r.lastName, width: 20 },
  { header: 'Prénom', value: (r) => r.firstName, width: 16 },
  { header: 'Date de naissance', kind: 'date', value: (r) => r.birthDate },
  { header: 'Site', value: (r) => r.siteName, width: 20 },
  { header: 'Référent', value: (r) => r.referentName ?? '', width: 20 },
  { header: 'À corriger', value: (r) => r.detail ?? '', width: 48 },
]

/** The data-entry charter's rules: counts by site and counsellor, the files to fix, the trend. */
export function qualityRoutes(app: FastifyInstance, deps: Deps) {
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/quality',
    summary:
      'Qualité des données : pour chaque règle de la charte de saisie, le nombre de dossiers en cours qui ne la ' +
      'respectent pas aujourd’hui, en tout, par site et par conseiller',
    tags,
    access: qualityPolicy.counts,
    query: qualityScopeQuery,
    response: qualitySummarySchema,
    read: true,
    handler: async (ctx) => qualitySummary(ctx, ctx.query),
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/quality/trend',
    summary: 'Qualité des données mois par mois (dernier jour de chaque mois, aujourd’hui pour le mois en cours)',
    tags,
    access: qualityPolicy.trend,
    query: qualityTrendQuery,
    response: qualityTrendSchema,
    read: true,
    handler: async (ctx) => qualityTrend(ctx, ctx.query),
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/quality/rules/:rule/files',
    summary: 'Les dossiers à corriger pour une règle, avec ce qui ne va pas (un lien vers chaque dossier)',
    tags,
    access: qualityPolicy.files,
    params: qualityRuleParams,
    query: qualityFilesQuery,
    response: qualityFilesPageSchema,
    read: true,
    handler: async (ctx) => qualityFiles(ctx, ctx.params.rule, ctx.query),
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/quality/rules/:rule/files/export',
    summary: 'Les dossiers à corriger pour une règle en CSV ou XLSX ; export tracé',
    tags,
    access: qualityPolicy.export,
    params: qualityRuleParams,
    query: qualityFilesExportQuery,
    handler: async (ctx) => {
      const { format, ...scope } = ctx.query
      const page = await qualityFiles(ctx, ctx.params.rule, scope)
      return sendList(ctx, {
        list: 'quality',
        name: `qualite_${ctx.params.rule}`,
        title: 'Dossiers à corriger',
        today: page.today,
        columns: fileColumns,
        rows: page.items,
        format,
        filters: { rule: ctx.params.rule, ...scope },
      })
    },
  })
}
