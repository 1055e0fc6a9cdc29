import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import {
  envelopeInput,
  envelopeParams,
  envelopeSchema,
  envelopeUpdate,
  fundVersionQuery,
  fundYearQuery,
  fundYearSchema,
  planCancelInput,
  planDecisionInput,
  planInput,
  planListQuery,
  planListSchema,
  planParams,
  planReimbursementInput,
  planSchema,
  planUpdate,
} from '../../../shared/training/fund.schema.ts'
import type { Deps } from '../../deps.ts'
import { defineRoute } from '../../http/route.ts'
import { changeFundEnvelope, createFundEnvelope, fundEnvelopes, fundYear, removeFundEnvelope } from './fund.service.ts'
import { cancelPlan, changePlan, createPlan, decidePlan, planList, readPlan, reimbursePlan } from './plans.service.ts'
import { trainingPolicy } from './training.policy.ts'

/** The professionalisation fund: its yearly envelopes and the employees' training plans (docs/training/fund.md). */
export function fundRoutes(app: FastifyInstance, deps: Deps) {
  const tags = ['Formation : fonds de professionnalisation']
  const read = trainingPolicy.fundRead
  const manage = trainingPolicy.fundManage

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/training/fund',
    summary: 'L’année du fonds : enveloppes, engagé, reste, remboursé, salariés, heures, coût horaire, cofinancements',
    tags,
    access: read,
    query: fundYearQuery,
    response: fundYearSchema,
    read: true,
    handler: async (c) => fundYear(c, c.query.year),
  })
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/training/fund/envelopes',
    summary: 'Les enveloppes du fonds par année et financeur (?year= pour une année)',
    tags,
    access: read,
    query: z.object({ year: fundYearQuery.shape.year.optional() }),
    response: z.array(envelopeSchema),
    read: true,
    handler: async (c) => fundEnvelopes(c, c.query.year),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/training/fund/envelopes',
    summary: 'Enregistrer l’enveloppe d’un financeur pour une année (une par année et financeur)',
    tags,
    access: manage,
    body: envelopeInput,
    response: envelopeSchema,
    status: 201,
    handler: async (c) => createFundEnvelope(c, c.body),
  })
  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/training/fund/envelopes/:id',
    summary: 'Modifier une enveloppe (avec la version lue ; jamais sous ce que l’année a engagé)',
    tags,
    access: manage,
    params: envelopeParams,
    body: envelopeUpdate,
    response: envelopeSchema,
    handler: async (c) => changeFundEnvelope(c, c.params.id, c.body),
  })
  defineRoute(app, deps, {
    method: 'DELETE',
    url: '/api/training/fund/envelopes/:id',
    summary: 'Supprimer une enveloppe (avec la version lue ; jamais sous ce que l’année a engagé)',
    tags,
    access: manage,
    params: envelopeParams,
    query: fundVersionQuery,
    status: 204,
    handler: async (c) => removeFundEnvelope(c, c.params.id, c.query.version),
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/training/fund/plans',
    summary: 'Les plans de formation (année du comité, ou du dépôt pour un plan à présenter ; statut ; personne)',
    tags,
    access: read,
    query: planListQuery,
    response: planListSchema,
    read: true,
    handler: async (c) => planList(c, c.query),
  })
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/training/fund/plans/:id',
    summary: 'Un plan de formation, ses cofinanceurs et la décision du comité',
    tags,
    access: read,
    params: planParams,
    response: planSchema,
    read: true,
    handler: async (c) => readPlan(c, c.params.id),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/training/fund/plans',
    summary: 'Déposer le plan de formation d’un salarié en contrat aidé (à présenter au comité)',
    tags,
    access: manage,
    body: planInput,
    response: planSchema,
    status: 201,
    handler: async (c) => createPlan(c, c.body),
  })
  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/training/fund/plans/:id',
    summary: 'Modifier un plan tant qu’il n’est pas passé en comité (avec la version lue)',
    tags,
    access: manage,
    params: planParams,
    body: planUpdate,
    response: planSchema,
    handler: async (c) => changePlan(c, c.params.id, c.body),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/training/fund/plans/:id/decision',
    summary: 'La décision du comité du fonds (validé : engage la part du fonds sur l’année du comité)',
    tags,
    access: manage,
    params: planParams,
    body: planDecisionInput,
    response: planSchema,
    handler: async (c) => decidePlan(c, c.params.id, c.body),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/training/fund/plans/:id/reimbursement',
    summary: 'Le montant remboursé à l’employeur (jamais plus que la part du fonds)',
    tags,
    access: manage,
    params: planParams,
    body: planReimbursementInput,
    response: planSchema,
    handler: async (c) => reimbursePlan(c, c.params.id, c.body),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/training/fund/plans/:id/cancel',
    summary: 'Annuler un plan (à présenter, ou validé sans remboursement : l’engagement est libéré)',
    tags,
    access: manage,
    params: planParams,
    body: planCancelInput,
    response: planSchema,
    handler: async (c) => cancelPlan(c, c.params.id, c.body),
  })
}
