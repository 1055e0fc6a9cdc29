import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { dayIn } from '../../../shared/dates.ts'
import { versionQuery } from '../../../shared/employment/common.schema.ts'
import {
  applicationExportQuery,
  applicationInput,
  applicationListQuery,
  applicationSchema,
  applicationStep,
  bulkAttendanceInput,
  bulkInviteInput,
  bulkResultSchema,
  operationInput,
  operationListQuery,
  operationParams,
  operationSchema,
  operationSessionParams,
  operationSessionSchema,
  operationSummarySchema,
  operationUpdate,
  sessionInput,
  sessionUpdate,
} from '../../../shared/employment/operations.schema.ts'
import type { Deps } from '../../deps.ts'
import { sendList } from '../../http/list-export.ts'
import { defineRoute } from '../../http/route.ts'
import { employmentPolicy } from './employment.policy.ts'
import {
  addApplication,
  applicationList,
  inviteToSession,
  markAttendance,
  stepApplication,
} from './operation-applications.service.ts'
import { applicationColumns } from './operations.export.ts'
import {
  changeOperation,
  changeOperationSession,
  createOperation,
  createOperationSession,
  operationList,
  readOperation,
  removeOperationSession,
} from './operations.service.ts'

/** Recruitment operations run as a funnel (docs/employment/operations.md). */
export function operationsRoutes(app: FastifyInstance, deps: Deps) {
  const tags = ['Emploi : opérations de recrutement']
  const { read, manage, position } = employmentPolicy
  const base = '/api/employment/operations'

  defineRoute(app, deps, {
    method: 'GET',
    url: base,
    summary: 'Les opérations de recrutement et leurs chiffres (entonnoir, part locale)',
    tags,
    access: read,
    query: operationListQuery,
    response: z.array(operationSummarySchema),
    read: true,
    handler: async (c) => operationList(c, c.query),
  })
  defineRoute(app, deps, {
    method: 'GET',
    url: `${base}/:id`,
    summary: 'Une opération : son entreprise, ses postes, son entonnoir, ses informations collectives',
    tags,
    access: read,
    params: operationParams,
    response: operationSchema,
    read: true,
    handler: async (c) => readOperation(c, c.params.id),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: base,
    summary: 'Créer une opération de recrutement pour une entreprise',
    tags,
    access: manage,
    body: operationInput,
    response: operationSchema,
    status: 201,
    handler: async (c) => createOperation(c, c.body),
  })
  defineRoute(app, deps, {
    method: 'PUT',
    url: `${base}/:id`,
    summary: 'Modifier une opération (avec la version lue)',
    tags,
    access: manage,
    params: operationParams,
    body: operationUpdate,
    response: operationSchema,
    handler: async (c) => changeOperation(c, c.params.id, c.body),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: `${base}/:id/sessions`,
    summary: 'Ajouter une information collective à l’opération',
    tags,
    access: manage,
    params: operationParams,
    body: sessionInput,
    response: operationSessionSchema,
    status: 201,
    handler: async (c) => createOperationSession(c, c.params.id, c.body),
  })
  defineRoute(app, deps, {
    method: 'PUT',
    url: `${base}/:id/sessions/:sessionId`,
    summary: 'Modifier une information collective (avec la version lue)',
    tags,
    access: manage,
    params: operationSessionParams,
    body: sessionUpdate,
    response: operationSessionSchema,
    handler: async (c) => changeOperationSession(c, c.params.id, c.params.sessionId, c.body),
  })
  defineRoute(app, deps, {
    method: 'DELETE',
    url: `${base}/:id/sessions/:sessionId`,
    summary: 'Supprimer une information collective sans candidature invitée (avec la version lue) ; sinon 409',
    tags,
    access: manage,
    params: operationSessionParams,
    query: versionQuery,
    status: 204,
    handler: async (c) => {
      await removeOperationSession(c, c.params.id, c.params.sessionId, c.query.version)
      return null
    },
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: `${base}/:id/sessions/:sessionId/invitations`,
    summary: 'Inviter les candidatures sélectionnées à l’information collective',
    tags,
    access: manage,
    params: operationSessionParams,
    body: bulkInviteInput,
    response: bulkResultSchema,
    handler: async (c) => inviteToSession(c, c.params.id, c.params.sessionId, c.body.applications),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: `${base}/:id/sessions/:sessionId/attendance`,
    summary: 'Pointer les présents et les absents d’une information collective',
    tags,
    access: manage,
    params: operationSessionParams,
    body: bulkAttendanceInput,
    response: bulkResultSchema,
    handler: async (c) => markAttendance(c, c.params.id, c.params.sessionId, c.body.applications),
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: `${base}/:id/applications`,
    summary: 'Les candidatures de l’opération (étape, origine, information collective, issue, nom)',
    tags,
    access: read,
    params: operationParams,
    query: applicationListQuery,
    response: z.array(applicationSchema),
    read: true,
    handler: async (c) => applicationList(c, c.params.id, c.query),
  })
  defineRoute(app, deps, {
    method: 'GET',
    url: `${base}/:id/applications/export`,
    summary:
      'Les candidatures de l’opération en CSV (ou XLSX), mêmes filtres et même périmètre que la liste ; export tracé',
    tags,
    access: read,
    params: operationParams,
    query: applicationExportQuery,
    handler: async (c) => {
      const { format, ...filters } = c.query
      const operation = await readOperation(c, c.params.id)
      const rows = await applicationList(c, c.params.id, filters)
      return sendList(c, {
        list: 'operation-applications',
        name: 'candidatures_operation',
        title: 'Candidatures',
        today: dayIn(c.now, c.actor.timeZone),
        columns: applicationColumns(operation, c.actor.timeZone),
        rows,
        format,
        filters: { operationId: c.params.id, ...filters },
      })
    },
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: `${base}/:id/applications`,
    summary: 'Enregistrer une candidature : une personne suivie, ou un candidat hors des dossiers (chargé)',
    tags,
    access: position,
    params: operationParams,
    body: applicationInput,
    response: applicationSchema,
    status: 201,
    handler: async (c) => addApplication(c, c.params.id, c.body),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: `${base}/applications/:id/steps`,
    summary: 'Une étape d’une candidature : invitation, présence, test, entretien, issue (avec la version lue)',
    tags,
    access: manage,
    params: operationParams,
    body: applicationStep,
    response: applicationSchema,
    handler: async (c) => stepApplication(c, c.params.id, c.body),
  })
}
