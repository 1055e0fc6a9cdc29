import type { FastifyInstance } from 'fastify'
import {
  type CaseloadRow,
  caseloadExportQuery,
  caseloadPageSchema,
  caseloadQuery,
} from '../../../shared/accompaniment/caseload.schema.ts'
import type { Deps } from '../../deps.ts'
import { type ListColumn, sendList } from '../../http/list-export.ts'
import { defineRoute } from '../../http/route.ts'
import { accompanimentPolicy } from './accompaniment.policy.ts'
import { caseload, caseloadForExport } from './caseload.service.ts'

const tags = ['Accompagnement : portefeuille']

export function caseloadRoutes(app: FastifyInstance, deps: Deps) {
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/caseload',
    summary:
      'Portefeuille du conseiller : dernier contact, prochain rendez-vous, situations et programmes en cours, alerte de contact',
    tags,
    access: accompanimentPolicy.caseload,
    query: caseloadQuery,
    response: caseloadPageSchema,
    handler: async (ctx) => caseload(ctx, ctx.query),
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/caseload/export',
    summary:
      'Le portefeuille filtré (programme, site, 26 ans, fin de CEJ, alertes) en CSV (Excel, « ; ») ou XLSX ; export tracé',
    tags,
    access: accompanimentPolicy.caseloadExport,
    query: caseloadExportQuery,
    handler: async (ctx) => {
      const { query } = ctx
      const page = await caseloadForExport(ctx, query)
      const sites = new Map(
        (
          await ctx.tx
            .selectFrom('site')
            .select(['id', 'name'])
            .where('structure_id', '=', ctx.actor.structureId)
            .execute()
        ).map((s) => [s.id, s.name]),
      )
      const columns: ListColumn<CaseloadRow>[] = [
        { header: 'Nom', value: (r) => r.lastName, width: 20 },
        { header: 'Prénom', value: (r) => r.firstName, width: 16 },
        { header: 'Date de naissance', kind: 'date', value: (r) => r.birthDate },
        { header: 'Âge', kind: 'number', value: (r) => r.age, width: 6 },
        { header: 'Site', value: (r) => sites.get(r.siteId) ?? '', width: 20 },
        { header: 'Dernier contact', kind: 'date', value: (r) => r.lastContactDate },
        { header: 'Jours sans contact', kind: 'number', value: (r) => r.daysSinceContact },
        { header: 'Prochain rendez-vous', kind: 'date', value: (r) => r.nextEvent?.date },
        { header: 'Situations en cours', value: (r) => r.openSituations.map((s) => s.label).join(', '), width: 24 },
        { header: 'Programmes', value: (r) => r.openEnrolments.map((e) => e.code).join(', ') },
        { header: '26 ans le', kind: 'date', value: (r) => r.ageOutDate },
        { header: 'Fin prévue du CEJ', kind: 'date', value: (r) => r.cejPlannedEnd },
        { header: 'Alerte de contact', value: (r) => (r.alert ? 'oui' : 'non') },
      ]
      const { format, ...filters } = query
      return sendList(ctx, {
        list: 'caseload',
        name: 'portefeuille',
        title: 'Portefeuille',
        today: page.today,
        columns,
        rows: page.items,
        format,
        filters: { ...filters, counsellorId: page.counsellorId },
      })
    },
  })
}
