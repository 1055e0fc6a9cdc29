import type { FastifyInstance } from 'fastify'
import { aidYearQuery, fundDashboardSchema, fundParams, overviewSchema } from '../../../shared/aids/funds.schema.ts'
import {
  aidPaymentCancelInput,
  aidPaymentInput,
  aidPaymentParams,
  aidPayScheduledInput,
  paymentSchema,
} from '../../../shared/aids/payments.schema.ts'
import {
  aidCancelInput,
  aidDecisionInput,
  aidDocumentsInput,
  aidPersonParams,
  aidProofInput,
  aidRequestInput,
  aidRequestListSchema,
  aidRequestParams,
  aidRequestSchema,
  aidRequestWithPaymentsSchema,
  worklistSchema,
} from '../../../shared/aids/requests.schema.ts'
import type { Deps } from '../../deps.ts'
import { defineRoute } from '../../http/route.ts'
import { aidsPolicy } from './aids.policy.ts'
import { decideRequest } from './decisions.service.ts'
import { cancelPayment, payInstalment, recordPayment, recordProof } from './payments.service.ts'
import { askAid, cancelRequest, oneRequest, personRequests, receiveDocuments } from './requests.service.ts'
import { fundDashboard, overview, worklist } from './worklist.service.ts'

/** The aids' routes: requests, decisions, payments, the worklist and the dashboards (docs/aids.md). */
export function requestRoutes(app: FastifyInstance, deps: Deps) {
  const tags = ['Aides : demandes']
  /** the counsellor who asks, and the aid officer who checks (documents, cancellation) */
  const askOrManage = [...new Set([...aidsPolicy.ask, ...aidsPolicy.manage])]

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/persons/:personId/aids/requests',
    summary: 'Les demandes d’aide d’une personne, la plus récente d’abord, avec leurs paiements',
    tags,
    access: aidsPolicy.read,
    params: aidPersonParams,
    response: aidRequestListSchema,
    read: true,
    handler: async (c) => personRequests(c, c.params.personId),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/persons/:personId/aids/requests',
    summary:
      'Demander une aide pour une personne (fonds ouvert, voie, objet, éligibilité et plafond vérifiés ; complète quand les pièces y sont)',
    tags,
    access: aidsPolicy.ask,
    params: aidPersonParams,
    body: aidRequestInput,
    response: aidRequestSchema,
    status: 201,
    handler: async (c) => askAid(c, c.params.personId, c.body),
  })
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/aids/requests/:id',
    summary: 'Une demande d’aide, sa décision et ses paiements',
    tags,
    access: aidsPolicy.read,
    params: aidRequestParams,
    response: aidRequestWithPaymentsSchema,
    read: true,
    handler: async (c) => oneRequest(c, c.params.id),
  })
  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/aids/requests/:id/documents',
    summary: 'Les pièces reçues (la liste entière) : la demande est complète quand aucune ne manque',
    tags,
    access: askOrManage,
    params: aidRequestParams,
    body: aidDocumentsInput,
    response: aidRequestSchema,
    handler: async (c) => receiveDocuments(c, c.params.id, c.body.documents, c.body.version),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/aids/requests/:id/cancel',
    summary: 'Annuler une demande pas encore décidée (avec la version lue)',
    tags,
    access: askOrManage,
    params: aidRequestParams,
    body: aidCancelInput,
    response: aidRequestSchema,
    handler: async (c) => cancelRequest(c, c.params.id, c.body.reason, c.body.version),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/aids/requests/:id/decision',
    summary:
      'Décider une demande complète (urgence, ou fonds décidé par le chargé des aides) : accordée, en partie, refusée, réorientée ; jamais au-delà de l’enveloppe',
    tags,
    access: aidsPolicy.manage,
    params: aidRequestParams,
    body: aidDecisionInput,
    response: aidRequestSchema,
    handler: async (c) => decideRequest(c, c.params.id, c.body),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/aids/requests/:id/payments',
    summary: 'Enregistrer un paiement d’une aide accordée (jamais plus que l’accordé au total)',
    tags,
    access: aidsPolicy.manage,
    params: aidRequestParams,
    body: aidPaymentInput,
    response: paymentSchema,
    status: 201,
    handler: async (c) => recordPayment(c, c.params.id, c.body),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/aids/requests/:id/proof',
    summary: 'Le justificatif d’utilisation reçu (avec la version lue)',
    tags,
    access: aidsPolicy.manage,
    params: aidRequestParams,
    body: aidProofInput,
    response: aidRequestSchema,
    handler: async (c) => recordProof(c, c.params.id, c.body.receivedOn, c.body.version),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/aids/payments/:id/cancel',
    summary: 'Annuler un paiement par une contre-passation (montant négatif, motif) ; une fois seulement',
    tags,
    access: aidsPolicy.manage,
    params: aidPaymentParams,
    body: aidPaymentCancelInput,
    response: paymentSchema,
    status: 201,
    handler: async (c) => cancelPayment(c, c.params.id, c.body.reason),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/aids/payments/:id/pay',
    summary: 'Payer une échéance programmée (date et mode de paiement)',
    tags,
    access: aidsPolicy.manage,
    params: aidPaymentParams,
    body: aidPayScheduledInput,
    response: paymentSchema,
    handler: async (c) => payInstalment(c, c.params.id, c.body.paidOn, c.body.mode),
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/aids/worklist',
    summary:
      'Le travail du chargé des aides : à compléter, à décider, urgences (heures restantes), à payer, échéances dues, justificatifs attendus',
    tags,
    access: aidsPolicy.manage,
    response: worklistSchema,
    read: true,
    handler: async (c) => worklist(c),
  })
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/aids/funds/:id/dashboard',
    summary:
      'Tableau de bord d’un fonds pour une année : enveloppe, engagé et payé mois par mois, demandes par statut et objet',
    tags,
    access: aidsPolicy.wholeStructure,
    params: fundParams,
    query: aidYearQuery,
    response: fundDashboardSchema,
    read: true,
    handler: async (c) => fundDashboard(c, c.params.id, c.query.year),
  })
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/aids/overview',
    summary: 'Vue de la direction : l’enveloppe de chaque fonds pour une année (alloué, engagé, payé, reste)',
    tags,
    access: aidsPolicy.wholeStructure,
    query: aidYearQuery,
    response: overviewSchema,
    read: true,
    handler: async (c) => overview(c, c.query.year),
  })
}
