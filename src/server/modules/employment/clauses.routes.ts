import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import {
  clauseContractInput,
  clauseDashboardSchema,
  clauseHomeSchema,
  clauseIdParams,
  clauseLotInput,
  clauseLotUpdate,
  clauseOperationDetail,
  clauseOperationInput,
  clauseOperationUpdate,
  clauseParticipantInput,
  clauseParticipantSchema,
  clauseParticipantUpdate,
  clauseStatementQuery,
  clauseStatementResult,
} from '../../../shared/employment/clauses.schema.ts'
import type { Deps } from '../../deps.ts'
import { defineRoute } from '../../http/route.ts'
import { renderClauseStatement } from './clause-statement-pdf.ts'
import { importStatement, MAX_STATEMENT_BYTES, type StatementFormat } from './clause-statements.service.ts'
import {
  changeClauseLot,
  changeClauseOperation,
  changeClauseParticipant,
  clauseDashboard,
  clauseHome,
  clauseParticipants,
  createClauseContract,
  createClauseLot,
  createClauseOperation,
  createClauseParticipant,
  operationFigures,
  readClauseOperation,
} from './clauses.service.ts'
import { employmentPolicy } from './employment.policy.ts'
import { invalid, todayOf } from './employment-ctx.ts'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The procurement social clauses (docs/employment/clauses.md): the facilitator's records and the statements. */
export function clausesRoutes(app: FastifyInstance, deps: Deps) {
  const tags = ['Emploi : clauses sociales']
  const read = employmentPolicy.clausesRead
  const manage = employmentPolicy.clausesManage

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/employment/clauses',
    summary: 'Le tableau de bord des clauses : heures dues et réalisées par opération (chantier) et par entreprise',
    tags,
    access: read,
    response: clauseDashboardSchema,
    read: true,
    handler: async (c) => clauseDashboard(c),
  })
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/employment/clauses/home',
    summary:
      'Le bloc d’accueil du facilitateur : heures dues et réalisées cette année, relevés du mois dernier manquants',
    tags,
    access: manage,
    response: clauseHomeSchema,
    read: true,
    handler: async (c) => clauseHome(c),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/employment/clauses/operations',
    summary: 'Enregistrer une opération (maître d’ouvrage, marché, chantier)',
    tags,
    access: manage,
    body: clauseOperationInput,
    response: clauseOperationDetail,
    status: 201,
    handler: async (c) => createClauseOperation(c, c.body),
  })
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/employment/clauses/operations/:id',
    summary:
      'Une opération : lots, entreprises, participants (lecture d’un critère sensible tracée), contrats, relevés',
    tags,
    access: read,
    params: clauseIdParams,
    response: clauseOperationDetail,
    read: true,
    handler: async (c) => readClauseOperation(c, c.params.id),
  })
  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/employment/clauses/operations/:id',
    summary: 'Modifier une opération (avec la version lue)',
    tags,
    access: manage,
    params: clauseIdParams,
    body: clauseOperationUpdate,
    response: clauseOperationDetail,
    handler: async (c) => changeClauseOperation(c, c.params.id, c.body),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/employment/clauses/operations/:id/lots',
    summary: 'Ajouter un lot : l’entreprise attributaire et les heures d’insertion dues',
    tags,
    access: manage,
    params: clauseIdParams,
    body: clauseLotInput,
    response: clauseOperationDetail,
    status: 201,
    handler: async (c) => createClauseLot(c, c.params.id, c.body),
  })
  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/employment/clauses/lots/:id',
    summary: 'Modifier un lot (avec la version lue)',
    tags,
    access: manage,
    params: clauseIdParams,
    body: clauseLotUpdate,
    response: clauseOperationDetail,
    handler: async (c) => changeClauseLot(c, c.params.id, c.body),
  })
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/employment/clauses/participants',
    summary: 'Les participants aux clauses et leur critère d’éligibilité (lecture d’un critère sensible tracée)',
    tags,
    access: read,
    response: z.array(clauseParticipantSchema),
    read: true,
    handler: async (c) => clauseParticipants(c),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/employment/clauses/participants',
    summary: 'Valider l’éligibilité d’une personne aux clauses (un critère par personne)',
    tags,
    access: manage,
    body: clauseParticipantInput,
    response: clauseParticipantSchema,
    status: 201,
    handler: async (c) => createClauseParticipant(c, c.body),
  })
  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/employment/clauses/participants/:id',
    summary: 'Modifier le critère d’éligibilité d’un participant (avec la version lue)',
    tags,
    access: manage,
    params: clauseIdParams,
    body: clauseParticipantUpdate,
    response: clauseParticipantSchema,
    handler: async (c) => changeClauseParticipant(c, c.params.id, c.body),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/employment/clauses/contracts',
    summary: 'Enregistrer un contrat signé par un participant avec l’entreprise d’un lot',
    tags,
    access: manage,
    body: clauseContractInput,
    response: clauseOperationDetail,
    status: 201,
    handler: async (c) => createClauseContract(c, c.body),
  })
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/employment/clauses/operations/:id/statement.pdf',
    summary: 'Le relevé de l’opération pour le maître d’ouvrage (PDF) : heures par entreprise et par public, effectifs',
    tags,
    access: read,
    params: clauseIdParams,
    read: true,
    handler: async (c) => {
      const figures = await operationFigures(c, c.params.id)
      const structure = await c.tx
        .selectFrom('structure')
        .select('name')
        .where('id', '=', c.actor.structureId)
        .executeTakeFirstOrThrow()
      const pdf = await renderClauseStatement(figures, structure.name, todayOf(c))
      await c.audit({ action: 'clause.statement-pdf', entity: 'clause_operation', entityId: c.params.id })
      c.reply.header('content-type', 'application/pdf')
      c.reply.header(
        'content-disposition',
        `attachment; filename="releve-clauses-${figures.summary.siteLabel.replace(/[^\w-]/g, '_')}.pdf"`,
      )
      return pdf
    },
  })

  // The statement file comes as it is (CSV text or an XLSX workbook), 5 MB at most, in this plugin's scope only.
  app.register(async (scope) => {
    for (const type of ['text/csv', XLSX]) {
      if (scope.hasContentTypeParser(type)) scope.removeContentTypeParser(type)
      scope.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: MAX_STATEMENT_BYTES }, (_req, body, done) =>
        done(null, body),
      )
    }
    defineRoute(scope, deps, {
      method: 'POST',
      url: '/api/employment/clauses/operations/:id/statements',
      summary:
        'Importer le relevé mensuel d’une entreprise (CSV ou XLSX, 5 Mo au plus ; tout ou rien ; le même mois remplace)',
      tags,
      access: manage,
      params: clauseIdParams,
      query: clauseStatementQuery,
      response: clauseStatementResult,
      status: 201,
      handler: async (c) => {
        const type = String(c.req.headers['content-type'] ?? '')
          .split(';')[0]!
          .trim()
        const data = c.req.body
        if (!Buffer.isBuffer(data) || data.length === 0)
          throw invalid('file', 'Fichier attendu : un relevé CSV (text/csv) ou XLSX.')
        const format: StatementFormat = type === XLSX ? 'xlsx' : 'csv'
        const file = c.query.file || (format === 'xlsx' ? 'releve.xlsx' : 'releve.csv')
        return importStatement(c, c.params.id, format, data, file)
      },
    })
  })
}
