import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { sessionListSchema } from '../../../shared/training/catalogue.schema.ts'
import {
  bodyAnswerInput,
  entryInput,
  exitInput,
  prescriptionListSchema,
  prescriptionParams,
  prescriptionSchema,
} from '../../../shared/training/prescriptions.schema.ts'
import type { Deps } from '../../deps.ts'
import { defineRoute } from '../../http/route.ts'
import { recordAnswer, recordEntry, recordExit } from './answers.service.ts'
import { portalBodies, portalPrescription, portalPrescriptions, portalSessions, portalVia } from './portal.service.ts'
import { trainingPolicy } from './training.policy.ts'

const tags = ['Formation : portail des organismes']
const access = trainingPolicy.bodyPortal
const portalQuery = z.object({ sessionId: z.uuid('Identifiant invalide.').optional() })

/** A training body's partner account: its sessions, the persons prescribed to them, its answers. */
export function portalRoutes(app: FastifyInstance, deps: Deps) {
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/training/portal/bodies',
    summary: 'Les organismes de formation du compte partenaire',
    tags,
    access,
    response: z.array(z.object({ id: z.string(), name: z.string() })),
    read: true,
    handler: async (c) => portalBodies(c),
  })
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/training/portal/sessions',
    summary: 'Les sessions des organismes du compte partenaire, avec leurs places',
    tags,
    access,
    response: sessionListSchema,
    read: true,
    handler: async (c) => portalSessions(c),
  })
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/training/portal/prescriptions',
    summary: 'Les personnes prescrites sur ses sessions, une fois la prescription validée (identité réduite)',
    tags,
    access,
    query: portalQuery,
    response: prescriptionListSchema,
    read: true,
    handler: async (c) => portalPrescriptions(c, c.query.sessionId),
  })
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/training/portal/prescriptions/:id',
    summary: 'Une personne prescrite sur une de ses sessions',
    tags,
    access,
    params: prescriptionParams,
    response: prescriptionSchema,
    read: true,
    handler: async (c) => portalPrescription(c, c.params.id),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/training/portal/prescriptions/:id/answer',
    summary: 'Répondre après l’information collective : présence, tests, retenu, liste complémentaire ou non retenu',
    tags,
    access,
    params: prescriptionParams,
    body: bodyAnswerInput,
    response: prescriptionSchema,
    handler: async (c) => recordAnswer(c, c.params.id, c.body, portalVia),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/training/portal/prescriptions/:id/entry',
    summary: 'Entrée en formation',
    tags,
    access,
    params: prescriptionParams,
    body: entryInput,
    response: prescriptionSchema,
    handler: async (c) => recordEntry(c, c.params.id, c.body, portalVia),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/training/portal/prescriptions/:id/exit',
    summary: 'Sortie de formation et résultat',
    tags,
    access,
    params: prescriptionParams,
    body: exitInput,
    response: prescriptionSchema,
    handler: async (c) => recordExit(c, c.params.id, c.body, portalVia),
  })
}
