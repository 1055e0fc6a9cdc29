import type { FastifyInstance } from 'fastify'
import {
  coLeadersSchema,
  registrationSchema,
  sessionListQuery,
  sessionListSchema,
  sessionParams,
  sessionPersonParams,
  sessionSchema,
  unregistrationSchema,
} from '../../../shared/sessions/sessions.schema.ts'
import type { Deps } from '../../deps.ts'
import { defineRoute } from '../../http/route.ts'
import { sessionsPolicy } from './sessions.policy.ts'
import { listForActor, readSession, registerPerson, setSessionCoLeaders, unregisterPerson } from './sessions.service.ts'
import { renderSignInSheet } from './sign-in-sheet.ts'

const tags = ['Séances collectives']

export function sessionRoutes(app: FastifyInstance, deps: Deps) {
  const ctx = <C extends { tx: unknown }>(c: C) => ({ ...c, deps }) as C & { deps: Deps }

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/sessions',
    summary:
      'Séances collectives (ateliers, réunions d’information) à venir ou passées, avec les inscrits et les places',
    tags,
    access: sessionsPolicy.read,
    query: sessionListQuery,
    response: sessionListSchema,
    read: true,
    handler: async (c) => listForActor(ctx(c), c.query),
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/sessions/:id',
    summary: 'Une séance collective et sa liste de présence',
    tags,
    access: sessionsPolicy.read,
    params: sessionParams,
    response: sessionSchema,
    read: true,
    handler: async (c) => readSession(ctx(c), c.params.id),
  })

  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/sessions/:id/co-leaders',
    summary: 'Nommer les co-animateurs (ils voient la séance et notent les présences comme l’animateur)',
    tags,
    access: sessionsPolicy.register,
    params: sessionParams,
    body: coLeadersSchema,
    response: sessionSchema,
    handler: async (c) => setSessionCoLeaders(ctx(c), c.params.id, c.body),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/sessions/:id/persons',
    summary: 'Inscrire une personne (dans la limite des places ; avec la version lue de la séance)',
    tags,
    access: sessionsPolicy.register,
    params: sessionParams,
    body: registrationSchema,
    response: sessionSchema,
    handler: async (c) => registerPerson(ctx(c), c.params.id, c.body),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/sessions/:id/persons/:personId/unregister',
    summary: 'Désinscrire une personne (tant que sa présence n’est pas notée)',
    tags,
    access: sessionsPolicy.register,
    params: sessionPersonParams,
    body: unregistrationSchema,
    response: sessionSchema,
    handler: async (c) => unregisterPerson(ctx(c), c.params.id, c.params.personId, c.body.version),
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/sessions/:id/sign-in-sheet.pdf',
    summary: 'Feuille d’émargement (PDF) : une ligne par inscrit, une case à signer',
    tags,
    access: sessionsPolicy.read,
    params: sessionParams,
    read: true,
    handler: async (c) => {
      const session = await readSession(ctx(c), c.params.id)
      const structure = await c.tx
        .selectFrom('structure')
        .select('name')
        .where('id', '=', c.actor.structureId)
        .executeTakeFirstOrThrow()
      const pdf = await renderSignInSheet(session, structure.name)
      await c.audit({
        action: 'sign-in-sheet',
        entity: 'appointment',
        entityId: session.id,
        detail: { persons: session.persons.length },
      })
      c.reply.header('content-type', 'application/pdf')
      c.reply.header('content-disposition', `attachment; filename="emargement-${session.date}.pdf"`)
      return pdf
    },
  })
}
