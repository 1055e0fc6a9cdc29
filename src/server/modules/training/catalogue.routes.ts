import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import {
  actionInput,
  actionListQuery,
  actionParams,
  actionSchema,
  actionUpdate,
  bodyInput,
  bodyParams,
  bodySchema,
  bodyUpdate,
  bodyUserInput,
  sessionInput,
  sessionListSchema,
  sessionParams,
  sessionSchema,
  sessionSearchQuery,
  sessionUpdate,
} from '../../../shared/training/catalogue.schema.ts'
import { bodyUserParams, catalogueVersionQuery } from '../../../shared/training/catalogue-io.schema.ts'
import type { Deps } from '../../deps.ts'
import { defineRoute } from '../../http/route.ts'
import {
  actionList,
  bindBodyUser,
  bodyList,
  changeAction,
  changeBody,
  changeSession,
  createAction,
  createBody,
  createSession,
  oneAction,
  oneBody,
  oneSession,
  removeAction,
  removeBody,
  removeSession,
  sessionSearch,
  unbindBodyUser,
} from './catalogue.service.ts'
import { trainingPolicy } from './training.policy.ts'

/** The catalogue: training bodies and their partner accounts, actions, sessions (docs/training/catalogue.md). */
export function catalogueRoutes(app: FastifyInstance, deps: Deps) {
  const tags = ['Formation : catalogue']
  /** who reads the catalogue: the counsellors (the prescription form), the department, and who sets it up (roles.ts) */
  const readers = trainingPolicy.catalogue
  const writers = trainingPolicy.setup

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/training/bodies',
    summary: 'Les organismes de formation (SIRET, contacts, comptes partenaires rattachés)',
    tags,
    access: readers,
    response: z.array(bodySchema),
    read: true,
    handler: async (c) => bodyList(c),
  })
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/training/bodies/:id',
    summary: 'Un organisme de formation',
    tags,
    access: readers,
    params: bodyParams,
    response: bodySchema,
    read: true,
    handler: async (c) => oneBody(c, c.params.id),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/training/bodies',
    summary: 'Créer un organisme de formation (SIRET contrôlé, unique dans la structure)',
    tags,
    access: writers,
    body: bodyInput,
    response: bodySchema,
    status: 201,
    handler: async (c) => createBody(c, c.body),
  })
  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/training/bodies/:id',
    summary: 'Modifier un organisme (avec la version lue) ; active=false le désactive',
    tags,
    access: writers,
    params: bodyParams,
    body: bodyUpdate,
    response: bodySchema,
    handler: async (c) => changeBody(c, c.params.id, c.body),
  })
  defineRoute(app, deps, {
    method: 'DELETE',
    url: '/api/training/bodies/:id',
    summary: 'Supprimer un organisme sans action ni plan ; sinon 409 : le désactiver',
    tags,
    access: writers,
    params: bodyParams,
    query: catalogueVersionQuery,
    status: 204,
    handler: async (c) => removeBody(c, c.params.id, c.query.version),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/training/bodies/:id/users',
    summary: 'Rattacher un compte partenaire à l’organisme (un organisme par compte)',
    tags,
    access: writers,
    params: bodyParams,
    body: bodyUserInput,
    response: bodySchema,
    handler: async (c) => bindBodyUser(c, c.params.id, c.body.userId),
  })
  defineRoute(app, deps, {
    method: 'DELETE',
    url: '/api/training/bodies/:id/users/:userId',
    summary: 'Détacher un compte partenaire de l’organisme',
    tags,
    access: writers,
    params: bodyUserParams,
    response: bodySchema,
    handler: async (c) => unbindBodyUser(c, c.params.id, c.params.userId),
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/training/actions',
    summary: 'Les actions de formation (par organisme, financeur, actives)',
    tags,
    access: readers,
    query: actionListQuery,
    response: z.array(actionSchema),
    read: true,
    handler: async (c) => actionList(c, c.query),
  })
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/training/actions/:id',
    summary: 'Une action de formation',
    tags,
    access: readers,
    params: actionParams,
    response: actionSchema,
    read: true,
    handler: async (c) => oneAction(c, c.params.id),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/training/actions',
    summary: 'Créer une action de formation',
    tags,
    access: writers,
    body: actionInput,
    response: actionSchema,
    status: 201,
    handler: async (c) => createAction(c, c.body),
  })
  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/training/actions/:id',
    summary: 'Modifier une action (avec la version lue) ; active=false la désactive',
    tags,
    access: writers,
    params: actionParams,
    body: actionUpdate,
    response: actionSchema,
    handler: async (c) => changeAction(c, c.params.id, c.body),
  })
  defineRoute(app, deps, {
    method: 'DELETE',
    url: '/api/training/actions/:id',
    summary: 'Supprimer une action sans session ; sinon 409 : la désactiver',
    tags,
    access: writers,
    params: actionParams,
    query: catalogueVersionQuery,
    status: 204,
    handler: async (c) => removeAction(c, c.params.id, c.query.version),
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/training/sessions',
    summary: 'Chercher des sessions (domaine NSF, financeur, commune, dates, places restantes)',
    tags,
    access: readers,
    query: sessionSearchQuery,
    response: sessionListSchema,
    read: true,
    handler: async (c) => sessionSearch(c, c.query),
  })
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/training/sessions/:id',
    summary: 'Une session : places, places prises, restantes, en attente',
    tags,
    access: readers,
    params: sessionParams,
    response: sessionSchema,
    read: true,
    handler: async (c) => oneSession(c, c.params.id),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/training/sessions',
    summary: 'Créer une session d’une action',
    tags,
    access: writers,
    body: sessionInput,
    response: sessionSchema,
    status: 201,
    handler: async (c) => createSession(c, c.body),
  })
  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/training/sessions/:id',
    summary: 'Modifier une session (avec la version lue ; jamais moins de places que de places prises)',
    tags,
    access: writers,
    params: sessionParams,
    body: sessionUpdate,
    response: sessionSchema,
    handler: async (c) => changeSession(c, c.params.id, c.body),
  })
  defineRoute(app, deps, {
    method: 'DELETE',
    url: '/api/training/sessions/:id',
    summary: 'Supprimer une session sans prescription ; sinon 409',
    tags,
    access: writers,
    params: sessionParams,
    query: catalogueVersionQuery,
    status: 204,
    handler: async (c) => removeSession(c, c.params.id, c.query.version),
  })
}
