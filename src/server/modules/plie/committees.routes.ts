import type { FastifyInstance } from 'fastify'
import {
  caseInput,
  committeeCaseParams,
  committeeInput,
  committeeListQuery,
  committeeListSchema,
  committeeParams,
  committeeSchema,
  decisionInput,
  heldInput,
  membersInput,
} from '../../../shared/plie/committees.schema.ts'
import type { Deps } from '../../deps.ts'
import { defineRoute } from '../../http/route.ts'
import { decide } from './committee-decision.service.ts'
import { agendaDocument, minutesDocument, renderCommitteePdf } from './committee-pdf.ts'
import { structureName } from './committees.repository.ts'
import {
  addCase,
  createCommittee,
  listForActor,
  markHeld,
  readCommittee,
  removeCase,
  setMembers,
} from './committees.service.ts'
import { pliePolicy } from './plie.policy.ts'

const tags = ['PLIE']

export function committeeRoutes(app: FastifyInstance, deps: Deps) {
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/plie/committees',
    summary: 'Planifier un comité PLIE d’un site à une date',
    tags,
    access: pliePolicy.committees,
    body: committeeInput,
    response: committeeSchema,
    status: 201,
    handler: async (c) => createCommittee(c, c.body),
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/plie/committees',
    summary: 'Comités PLIE des sites de l’utilisateur (toute la structure pour la direction), par période et site',
    tags,
    access: pliePolicy.committees,
    query: committeeListQuery,
    response: committeeListSchema,
    read: true,
    handler: async (c) => listForActor(c, c.query),
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/plie/committees/:id',
    summary: 'Un comité PLIE : membres et ordre du jour (dossiers dans l’ordre, décisions)',
    tags,
    access: pliePolicy.committees,
    params: committeeParams,
    response: committeeSchema,
    read: true,
    handler: async (c) => readCommittee(c, c.params.id),
  })

  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/plie/committees/:id/members',
    summary: 'Enregistrer les membres du comité et leur présence (tous, avec la version lue)',
    tags,
    access: pliePolicy.committees,
    params: committeeParams,
    body: membersInput,
    response: committeeSchema,
    handler: async (c) => setMembers(c, c.params.id, c.body),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/plie/committees/:id/cases',
    summary: 'Inscrire à l’ordre du jour une proposition en attente du site, ou un point sur un parcours ouvert',
    tags,
    access: pliePolicy.committees,
    params: committeeParams,
    body: caseInput,
    response: committeeSchema,
    status: 201,
    handler: async (c) => addCase(c, c.params.id, c.body),
  })

  defineRoute(app, deps, {
    method: 'DELETE',
    url: '/api/plie/committees/:id/cases/:caseId',
    summary: 'Retirer de l’ordre du jour un dossier sans décision',
    tags,
    access: pliePolicy.committees,
    params: committeeCaseParams,
    status: 204,
    handler: async (c) => removeCase(c, c.params.id, c.params.caseId),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/plie/committees/:id/cases/:caseId/decision',
    summary:
      'Décision sur un dossier (acceptée : le parcours s’ouvre à la date du comité avec son référent ; refusée : motif ; ajournée)',
    tags,
    access: pliePolicy.committees,
    params: committeeCaseParams,
    body: decisionInput,
    response: committeeSchema,
    handler: async (c) => decide(c, c.params.id, c.params.caseId, c.body),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/plie/committees/:id/held',
    summary: 'Clore le comité (tous les dossiers décidés) : ses décisions deviennent définitives',
    tags,
    access: pliePolicy.committees,
    params: committeeParams,
    body: heldInput,
    response: committeeSchema,
    handler: async (c) => markHeld(c, c.params.id, c.body.version),
  })

  for (const kind of ['agenda', 'minutes'] as const)
    defineRoute(app, deps, {
      method: 'GET',
      url: `/api/plie/committees/:id/${kind}.pdf`,
      summary:
        kind === 'agenda'
          ? 'Ordre du jour du comité (PDF)'
          : 'Relevé de décisions du comité (PDF) : membres présents, décisions et relevés',
      tags,
      access: pliePolicy.committees,
      params: committeeParams,
      read: true,
      handler: async (c) => {
        const committee = await readCommittee(c, c.params.id)
        const name = await structureName(c.tx, c.actor.structureId)
        const pdf = await renderCommitteePdf(
          kind === 'agenda' ? agendaDocument(committee, name) : minutesDocument(committee, name),
        )
        await c.audit({
          action: `plie.committee.${kind}-pdf`,
          entity: 'plie_committee',
          entityId: committee.id,
          detail: { cases: committee.agenda.length },
        })
        c.reply.header('content-type', 'application/pdf')
        const file = kind === 'agenda' ? 'ordre-du-jour' : 'releve-decisions'
        c.reply.header('content-disposition', `attachment; filename="comite-plie-${file}-${committee.date}.pdf"`)
        return pdf
      },
    })
}
