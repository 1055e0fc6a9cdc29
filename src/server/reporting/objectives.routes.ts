import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { idParams } from '../../shared/admin/admin.schema.ts'
import {
  agreementInputSchema,
  agreementSchema,
  agreementUpdateSchema,
  objectiveInputSchema,
  objectiveListQuery,
  objectiveSchema,
  objectiveUpdateSchema,
} from '../../shared/reporting/reporting.schema.ts'
import type { Deps } from '../deps.ts'
import { AppError } from '../errors.ts'
import { defineRoute } from '../http/route.ts'
import { catalogueEntry, findIndicator } from './catalogue.ts'
import * as repo from './objectives.repository.ts'
import { reportingPolicy } from './reporting.policy.ts'

const tags = ['Objectifs des conventions']

/** An objective names an indicator of the catalogue and, optionally, one of the figures it declares. */
function checkTarget(indicatorId: string, subKey: string | null) {
  const decl = findIndicator(indicatorId)
  if (!decl)
    throw new AppError('validation', 'Indicateur inconnu.', [{ field: 'indicatorId', message: 'Indicateur inconnu.' }])
  if (subKey && !catalogueEntry(decl).objectiveKeys.some((k) => k.key === subKey))
    throw new AppError('validation', 'Chiffre inconnu pour cet indicateur.', [
      { field: 'subKey', message: 'Cet indicateur ne propose pas ce chiffre comme objectif.' },
    ])
}

export function objectiveRoutes(app: FastifyInstance, deps: Deps) {
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/agreements',
    summary: 'Conventions des financeurs (CPO, protocoles)',
    tags,
    access: reportingPolicy.readObjectives,
    response: z.array(agreementSchema),
    handler: ({ tx, actor }) => repo.listAgreements(tx, actor.structureId),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/agreements',
    summary: 'Créer une convention',
    tags,
    access: reportingPolicy.manageObjectives,
    body: agreementInputSchema,
    response: agreementSchema,
    status: 201,
    handler: async ({ tx, actor, body, audit }) => {
      const row = await repo.createAgreement(tx, actor.structureId, body)
      await audit({ action: 'create', entity: 'funder_agreement', entityId: row.id, detail: body })
      return row
    },
  })

  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/agreements/:id',
    summary: 'Modifier une convention',
    tags,
    access: reportingPolicy.manageObjectives,
    params: idParams,
    body: agreementUpdateSchema,
    response: agreementSchema,
    handler: async ({ tx, actor, params, body, audit }) => {
      const row = await repo.updateAgreement(tx, actor.structureId, params.id, body)
      await audit({ action: 'update', entity: 'funder_agreement', entityId: params.id, detail: body })
      return row
    },
  })

  defineRoute(app, deps, {
    method: 'DELETE',
    url: '/api/agreements/:id',
    summary: 'Supprimer une convention et ses objectifs',
    tags,
    access: reportingPolicy.manageObjectives,
    params: idParams,
    status: 204,
    handler: async ({ tx, actor, params, audit }) => {
      await repo.deleteAgreement(tx, actor.structureId, params.id)
      await audit({ action: 'delete', entity: 'funder_agreement', entityId: params.id })
    },
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/objectives',
    summary: 'Objectifs annuels, par année, indicateur ou convention',
    tags,
    access: reportingPolicy.readObjectives,
    query: objectiveListQuery,
    response: z.array(objectiveSchema),
    handler: ({ tx, actor, query }) => repo.listObjectives(tx, actor.structureId, query),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/objectives',
    summary: 'Fixer un objectif annuel sur un indicateur (ou l’un de ses chiffres)',
    tags,
    access: reportingPolicy.manageObjectives,
    body: objectiveInputSchema,
    response: objectiveSchema,
    status: 201,
    handler: async ({ tx, actor, body, audit }) => {
      checkTarget(body.indicatorId, body.subKey)
      const row = await repo.createObjective(tx, actor.structureId, body)
      await audit({ action: 'create', entity: 'objective', entityId: row.id, detail: body })
      return row
    },
  })

  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/objectives/:id',
    summary: 'Modifier la cible d’un objectif',
    tags,
    access: reportingPolicy.manageObjectives,
    params: idParams,
    body: objectiveUpdateSchema,
    response: objectiveSchema,
    handler: async ({ tx, actor, params, body, audit }) => {
      const row = await repo.updateObjective(tx, actor.structureId, params.id, body)
      await audit({ action: 'update', entity: 'objective', entityId: params.id, detail: body })
      return row
    },
  })

  defineRoute(app, deps, {
    method: 'DELETE',
    url: '/api/objectives/:id',
    summary: 'Supprimer un objectif',
    tags,
    access: reportingPolicy.manageObjectives,
    params: idParams,
    status: 204,
    handler: async ({ tx, actor, params, audit }) => {
      await repo.deleteObjective(tx, actor.structureId, params.id)
      await audit({ action: 'delete', entity: 'objective', entityId: params.id })
    },
  })
}
