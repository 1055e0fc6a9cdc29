import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { personItemParams, personParams } from '../../../shared/accompaniment/accompaniment.schema.ts'
import {
  enrolmentInputSchema,
  enrolmentSchema,
  enrolmentUpdateSchema,
  situationInputSchema,
  situationListQuery,
  situationSchema,
  situationUpdateSchema,
} from '../../../shared/accompaniment/situations.schema.ts'
import type { Deps } from '../../deps.ts'
import { defineRoute } from '../../http/route.ts'
import { accompanimentPolicy } from './accompaniment.policy.ts'
import { changeEnrolment, createEnrolment, listPersonEnrolments } from './enrolments.service.ts'
import { changeSituation, createSituation, listPersonSituations, removeSituation } from './situations.service.ts'

export function situationRoutes(app: FastifyInstance, deps: Deps) {
  const tags = ['Accompagnement : situations']
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/persons/:personId/situations',
    summary: 'Situations de la personne (emploi, alternance, formation…), datées, les plus récentes d’abord',
    tags,
    access: accompanimentPolicy.read,
    params: personParams,
    query: situationListQuery,
    response: z.array(situationSchema),
    handler: async (ctx) => listPersonSituations(ctx, ctx.params.personId, ctx.query.open),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/persons/:personId/situations',
    summary: 'Enregistrer une situation',
    tags,
    access: accompanimentPolicy.write,
    params: personParams,
    body: situationInputSchema,
    response: situationSchema,
    status: 201,
    handler: async (ctx) => createSituation(ctx, ctx.params.personId, ctx.body),
  })

  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/persons/:personId/situations/:id',
    summary: 'Modifier une situation (avec la version lue), par exemple pour saisir sa date de fin',
    tags,
    access: accompanimentPolicy.write,
    params: personItemParams,
    body: situationUpdateSchema,
    response: situationSchema,
    handler: async (ctx) => changeSituation(ctx, ctx.params.personId, ctx.params.id, ctx.body),
  })

  defineRoute(app, deps, {
    method: 'DELETE',
    url: '/api/persons/:personId/situations/:id',
    summary: 'Supprimer une situation saisie par erreur (tracé dans le journal)',
    tags,
    access: accompanimentPolicy.write,
    params: personItemParams,
    status: 204,
    handler: async (ctx) => removeSituation(ctx, ctx.params.personId, ctx.params.id),
  })
}

export function enrolmentRoutes(app: FastifyInstance, deps: Deps) {
  const tags = ['Accompagnement : programmes']
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/persons/:personId/enrolments',
    summary: 'Inscriptions de la personne dans les programmes (CIVIS, CEJ, PLIE, parrainage…)',
    tags,
    access: accompanimentPolicy.read,
    params: personParams,
    response: z.array(enrolmentSchema),
    handler: async (ctx) => listPersonEnrolments(ctx, ctx.params.personId),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/persons/:personId/enrolments',
    summary: 'Inscrire la personne dans un programme (une seule inscription en cours par programme)',
    tags,
    access: accompanimentPolicy.write,
    params: personParams,
    body: enrolmentInputSchema,
    response: enrolmentSchema,
    status: 201,
    handler: async (ctx) => createEnrolment(ctx, ctx.params.personId, ctx.body),
  })

  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/persons/:personId/enrolments/:id',
    summary: 'Modifier une inscription (avec la version lue), par exemple pour enregistrer la sortie et son motif',
    tags,
    access: accompanimentPolicy.write,
    params: personItemParams,
    body: enrolmentUpdateSchema,
    response: enrolmentSchema,
    handler: async (ctx) => changeEnrolment(ctx, ctx.params.personId, ctx.params.id, ctx.body),
  })
}
