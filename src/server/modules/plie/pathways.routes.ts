import type { FastifyInstance } from 'fastify'
import { personParams } from '../../../shared/accompaniment/accompaniment.schema.ts'
import {
  enrolmentParams,
  exitInputSchema,
  pathwaySchema,
  pathwayStepSchema,
  personPlieSchema,
  referentChangeSchema,
  stepInputSchema,
  stepParams,
  stepUpdateSchema,
} from '../../../shared/plie/pathways.schema.ts'
import type { Deps } from '../../deps.ts'
import { defineRoute } from '../../http/route.ts'
import { recordExit } from './exit.service.ts'
import { changeReferent, personPlie } from './pathways.service.ts'
import { pliePolicy } from './plie.policy.ts'
import { addStep, changeStep } from './steps.service.ts'

/** The pathway: the person's PLIE pathways, the referent, the steps, the exit (docs/plie.md « The pathway »). */
export function pathwayRoutes(app: FastifyInstance, deps: Deps) {
  const tags = ['PLIE : parcours']
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/persons/:personId/plie',
    summary: 'Parcours PLIE de la personne (en cours et passés) : référents, étapes, sortie, règle de contact',
    tags,
    access: pliePolicy.read,
    params: personParams,
    response: personPlieSchema,
    read: true,
    handler: async (ctx) => personPlie(ctx, ctx.params.personId),
  })

  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/plie/pathways/:enrolmentId/referent',
    summary: 'Changer le référent du parcours à une date (avec la version lue)',
    tags,
    access: pliePolicy.write,
    params: enrolmentParams,
    body: referentChangeSchema,
    response: pathwaySchema,
    handler: async (ctx) => changeReferent(ctx, ctx.params.enrolmentId, ctx.body),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/plie/pathways/:enrolmentId/steps',
    summary: 'Ajouter une étape au parcours (une situation de la personne dans une structure d’accueil)',
    tags,
    access: pliePolicy.write,
    params: enrolmentParams,
    body: stepInputSchema,
    response: pathwayStepSchema,
    status: 201,
    handler: async (ctx) => addStep(ctx, ctx.params.enrolmentId, ctx.body),
  })

  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/plie/pathways/:enrolmentId/steps/:situationId',
    summary: 'Modifier ou terminer une étape du parcours (avec la version lue)',
    tags,
    access: pliePolicy.write,
    params: stepParams,
    body: stepUpdateSchema,
    response: pathwayStepSchema,
    handler: async (ctx) => changeStep(ctx, ctx.params.enrolmentId, ctx.params.situationId, ctx.body),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/plie/pathways/:enrolmentId/exit',
    summary: 'Enregistrer ou corriger la sortie du parcours (une sortie positive est vérifiée sur les situations)',
    tags,
    access: pliePolicy.write,
    params: enrolmentParams,
    body: exitInputSchema,
    response: pathwaySchema,
    handler: async (ctx) => recordExit(ctx, ctx.params.enrolmentId, ctx.body),
  })
}
