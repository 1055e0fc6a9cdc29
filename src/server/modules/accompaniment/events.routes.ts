import type { FastifyInstance } from 'fastify'
import {
  eventInputSchema,
  eventListQuery,
  eventPageSchema,
  eventSchema,
  eventUpdateSchema,
  personItemParams,
  personParams,
} from '../../../shared/accompaniment/accompaniment.schema.ts'
import type { Deps } from '../../deps.ts'
import { defineRoute } from '../../http/route.ts'
import { accompanimentPolicy } from './accompaniment.policy.ts'
import { changeEvent, createEvent, listPersonEvents, readEvent, removeEvent } from './events.service.ts'

const tags = ['Accompagnement : événements']

export function eventRoutes(app: FastifyInstance, deps: Deps) {
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/persons/:personId/events',
    summary: 'Événements de la personne (entretiens, ateliers, appels…), les plus récents d’abord',
    tags,
    access: accompanimentPolicy.read,
    params: personParams,
    query: eventListQuery,
    response: eventPageSchema,
    handler: async (ctx) => listPersonEvents(ctx, ctx.params.personId, ctx.query),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/persons/:personId/events',
    summary: 'Enregistrer un événement, ou planifier un rendez-vous (date à venir, sans présence)',
    tags,
    access: accompanimentPolicy.write,
    params: personParams,
    body: eventInputSchema,
    response: eventSchema,
    status: 201,
    handler: async (ctx) => createEvent(ctx, ctx.params.personId, ctx.body),
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/persons/:personId/events/:id',
    summary: 'Un événement de la personne (avec sa version, pour le compléter)',
    tags,
    access: accompanimentPolicy.read,
    params: personItemParams,
    response: eventSchema,
    handler: async (ctx) => readEvent(ctx, ctx.params.personId, ctx.params.id),
  })

  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/persons/:personId/events/:id',
    summary: 'Modifier un événement (avec la version lue)',
    tags,
    access: accompanimentPolicy.write,
    params: personItemParams,
    body: eventUpdateSchema,
    response: eventSchema,
    handler: async (ctx) => changeEvent(ctx, ctx.params.personId, ctx.params.id, ctx.body),
  })

  defineRoute(app, deps, {
    method: 'DELETE',
    url: '/api/persons/:personId/events/:id',
    summary: 'Supprimer un événement (tracé dans le journal)',
    tags,
    access: accompanimentPolicy.write,
    params: personItemParams,
    status: 204,
    handler: async (ctx) => removeEvent(ctx, ctx.params.personId, ctx.params.id),
  })
}
