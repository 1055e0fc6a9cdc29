import type { FastifyInstance } from 'fastify'
import { esfAnswersInputSchema, esfAnswersSchema, esfExportQuery } from '../../../shared/plie/esf.schema.ts'
import { enrolmentParams } from '../../../shared/plie/pathways.schema.ts'
import type { Deps } from '../../deps.ts'
import { defineRoute } from '../../http/route.ts'
import { esfExport, readEsfAnswers, recordEsfAnswers } from './esf.service.ts'
import { pliePolicy } from './plie.policy.ts'

/** The ESF+ participant data: the answers of a pathway, the participant export (docs/plie.md « Import and export, ESF+ »). */
export function esfRoutes(app: FastifyInstance, deps: Deps) {
  const tags = ['PLIE : FSE+']
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/plie/pathways/:enrolmentId/esf',
    summary: 'Réponses FSE+ enregistrées pour le parcours (entrée, sortie, six mois après la sortie), avec leur date',
    tags,
    access: pliePolicy.read,
    params: enrolmentParams,
    response: esfAnswersSchema,
    read: true,
    handler: async (ctx) => readEsfAnswers(ctx, ctx.params.enrolmentId),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/plie/pathways/:enrolmentId/esf',
    summary: 'Enregistrer les réponses FSE+ du participant à un moment (entrée, sortie, six mois après la sortie)',
    tags,
    access: pliePolicy.write,
    params: enrolmentParams,
    body: esfAnswersInputSchema,
    response: esfAnswersSchema,
    handler: async (ctx) => recordEsfAnswers(ctx, ctx.params.enrolmentId, ctx.body),
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/plie/esf/participants.xlsx',
    summary:
      'Participants FSE+ de la période (parcours ouverts) et indicateurs communs de l’annexe I du règlement (UE) ' +
      '2021/1057, en XLSX ; export tracé, personnes nommées',
    tags,
    access: pliePolicy.esfExport,
    query: esfExportQuery,
    read: true,
    handler: async (ctx) => {
      const file = await esfExport(ctx, ctx.query)
      ctx.reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      ctx.reply.header('content-disposition', `attachment; filename="${file.fileName}"`)
      return file.body
    },
  })
}
