import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import {
  organisationInputSchema,
  organisationParams,
  organisationSchema,
  organisationUpdateSchema,
  organisationUsersSchema,
  partnerPersonSchema,
  plieCommuneSchema,
  plieCommunesInputSchema,
} from '../../../shared/plie/organisations.schema.ts'
import type { Deps } from '../../deps.ts'
import { defineRoute } from '../../http/route.ts'
import {
  changeOrganisation,
  communes,
  createOrganisation,
  linkOrganisationUsers,
  organisations,
  setCommunes,
} from './organisations.service.ts'
import { partnerView } from './partner.service.ts'
import { pliePolicy } from './plie.policy.ts'

/** Host organisations and partners, member communes, the partner's view (docs/plie.md « The pathway »). */
export function organisationRoutes(app: FastifyInstance, deps: Deps) {
  const tags = ['PLIE : structures et partenaires']
  /** who reads the organisations: who sets them up, and who records pathways and committees */
  const readers = [...new Set([...pliePolicy.setup, ...pliePolicy.read, ...pliePolicy.committees])]
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/plie/organisations',
    summary: 'Structures d’accueil et partenaires du PLIE, avec les étapes accueillies et les sorties créditées',
    tags,
    access: readers,
    response: z.array(organisationSchema),
    read: true,
    handler: async (ctx) => organisations(ctx),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/plie/organisations',
    summary: 'Créer une structure d’accueil ou un partenaire',
    tags,
    access: pliePolicy.setup,
    body: organisationInputSchema,
    response: organisationSchema,
    status: 201,
    handler: async (ctx) => createOrganisation(ctx, ctx.body),
  })

  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/plie/organisations/:id',
    summary: 'Modifier une structure d’accueil ou un partenaire (avec la version lue)',
    tags,
    access: pliePolicy.setup,
    params: organisationParams,
    body: organisationUpdateSchema,
    response: organisationSchema,
    handler: async (ctx) => changeOrganisation(ctx, ctx.params.id, ctx.body),
  })

  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/plie/organisations/:id/users',
    summary: 'Rattacher des comptes partenaires à la structure (ils voient ses personnes et ses étapes)',
    tags,
    access: pliePolicy.setup,
    params: organisationParams,
    body: organisationUsersSchema,
    response: organisationSchema,
    handler: async (ctx) => linkOrganisationUsers(ctx, ctx.params.id, ctx.body),
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/plie/communes',
    summary: 'Communes membres du PLIE',
    tags,
    access: pliePolicy.setup,
    response: z.array(plieCommuneSchema),
    read: true,
    handler: async (ctx) => communes(ctx),
  })

  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/plie/communes',
    summary: 'Définir les communes membres du PLIE (codes INSEE de la liste officielle)',
    tags,
    access: pliePolicy.setup,
    body: plieCommunesInputSchema,
    response: z.array(plieCommuneSchema),
    handler: async (ctx) => setCommunes(ctx, ctx.body.communes),
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/plie/partner/people',
    summary: 'Les personnes accueillies par la structure du partenaire ou dont la sortie lui est créditée',
    tags,
    access: pliePolicy.partner,
    response: z.array(partnerPersonSchema),
    read: true,
    handler: async (ctx) => partnerView(ctx),
  })
}
