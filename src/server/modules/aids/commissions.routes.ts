import type { FastifyInstance } from 'fastify'
import {
  candidateListSchema,
  caseInput,
  commissionCaseParams,
  commissionDecisionInput,
  commissionInput,
  commissionListQuery,
  commissionListSchema,
  commissionParams,
  commissionSchema,
  contractInput,
  contractRequestParams,
  contractSchema,
  contractSignInput,
  heldInput,
  membersInput,
} from '../../../shared/aids/commissions.schema.ts'
import type { Deps } from '../../deps.ts'
import { defineRoute } from '../../http/route.ts'
import { aidsPolicy } from './aids.policy.ts'
import { agendaDocument, minutesDocument, renderPdf } from './commission-pdf.ts'
import { structureName } from './commissions.repository.ts'
import {
  addCase,
  candidates,
  createCommission,
  decideCase,
  listForActor,
  markHeld,
  readCommission,
  removeCase,
  setMembers,
} from './commissions.service.ts'
import { contractDocument } from './contract-pdf.ts'
import { createContract, loadContractRequest, readContract, recordSignature } from './contracts.service.ts'

const tags = ['Aides financières']
/** the aid officer manages the commissions; the director reads them */
const readers = aidsPolicy.wholeStructure
const managers = aidsPolicy.manage

/** The aids' routes: commissions and the reinforced aid's contract (docs/aids.md « Commissions and the reinforced aid »). */
export function commissionRoutes(app: FastifyInstance, deps: Deps) {
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/aids/commissions',
    summary: 'Planifier une commission d’un fonds à une date (ordre du jour : les demandes complètes en attente)',
    tags,
    access: managers,
    body: commissionInput,
    response: commissionSchema,
    status: 201,
    handler: async (c) => createCommission(c, c.body),
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/aids/commissions',
    summary: 'Commissions des aides, par période et fonds',
    tags,
    access: readers,
    query: commissionListQuery,
    response: commissionListSchema,
    read: true,
    handler: async (c) => listForActor(c, c.query),
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/aids/commissions/:id',
    summary: 'Une commission : membres, ordre du jour et décisions',
    tags,
    access: readers,
    params: commissionParams,
    response: commissionSchema,
    read: true,
    handler: async (c) => readCommission(c, c.params.id),
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/aids/commissions/:id/candidates',
    summary: 'Demandes complètes que la commission peut inscrire à son ordre du jour',
    tags,
    access: managers,
    params: commissionParams,
    response: candidateListSchema,
    read: true,
    handler: async (c) => candidates(c, c.params.id),
  })

  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/aids/commissions/:id/members',
    summary: 'Enregistrer les membres de la commission et leur présence (tous, avec la version lue)',
    tags,
    access: managers,
    params: commissionParams,
    body: membersInput,
    response: commissionSchema,
    handler: async (c) => setMembers(c, c.params.id, c.body),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/aids/commissions/:id/cases',
    summary: 'Inscrire à l’ordre du jour une demande complète du fonds',
    tags,
    access: managers,
    params: commissionParams,
    body: caseInput,
    response: commissionSchema,
    status: 201,
    handler: async (c) => addCase(c, c.params.id, c.body.requestId),
  })

  defineRoute(app, deps, {
    method: 'DELETE',
    url: '/api/aids/commissions/:id/cases/:requestId',
    summary: 'Retirer de l’ordre du jour une demande sans décision',
    tags,
    access: managers,
    params: commissionCaseParams,
    status: 204,
    handler: async (c) => removeCase(c, c.params.id, c.params.requestId),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/aids/commissions/:id/cases/:requestId/decision',
    summary: 'Décision de la commission sur une demande de son ordre du jour, avec son motif',
    tags,
    access: managers,
    params: commissionCaseParams,
    body: commissionDecisionInput,
    response: commissionSchema,
    handler: async (c) => decideCase(c, c.params.id, c.params.requestId, c.body),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/aids/commissions/:id/held',
    summary: 'Clore la commission (toutes les demandes décidées)',
    tags,
    access: managers,
    params: commissionParams,
    body: heldInput,
    response: commissionSchema,
    handler: async (c) => markHeld(c, c.params.id, c.body.version),
  })

  for (const kind of ['agenda', 'minutes'] as const)
    defineRoute(app, deps, {
      method: 'GET',
      url: `/api/aids/commissions/:id/${kind}.pdf`,
      summary:
        kind === 'agenda' ? 'Ordre du jour de la commission (PDF)' : 'Relevé de décisions de la commission (PDF)',
      tags,
      access: readers,
      params: commissionParams,
      read: true,
      handler: async (c) => {
        const commission = await readCommission(c, c.params.id)
        const name = await structureName(c.tx, c.actor.structureId)
        const pdf = await renderPdf(
          kind === 'agenda' ? agendaDocument(commission, name) : minutesDocument(commission, name),
        )
        await c.audit({
          action: `aids.commission.${kind}-pdf`,
          entity: 'aid_commission',
          entityId: commission.id,
          detail: { requests: commission.agenda.length },
        })
        c.reply.header('content-type', 'application/pdf')
        const file = kind === 'agenda' ? 'ordre-du-jour' : 'releve-decisions'
        c.reply.header(
          'content-disposition',
          `attachment; filename="commission-${file}-${commission.fundCode}-${commission.date}.pdf"`,
        )
        return pdf
      },
    })

  // The reinforced aid's contract ----------------------------------------------------------------------------------

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/aids/requests/:id/contract',
    summary: 'Contrat d’une aide renforcée accordée : durée, mensualité, engagements ; ses mensualités planifiées',
    tags,
    access: managers,
    params: contractRequestParams,
    body: contractInput,
    response: contractSchema,
    status: 201,
    handler: async (c) => createContract(c, c.params.id, c.body),
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/aids/requests/:id/contract',
    summary: 'Le contrat d’une aide renforcée et ses mensualités',
    tags,
    access: aidsPolicy.read,
    params: contractRequestParams,
    response: contractSchema,
    read: true,
    handler: async (c) => readContract(c, c.params.id),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/aids/requests/:id/contract/signature',
    summary: 'Enregistrer la date de signature du contrat',
    tags,
    access: managers,
    params: contractRequestParams,
    body: contractSignInput,
    response: contractSchema,
    handler: async (c) => recordSignature(c, c.params.id, c.body),
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/aids/requests/:id/contract.pdf',
    summary: 'Le contrat d’une aide renforcée à signer (PDF)',
    tags,
    access: aidsPolicy.read,
    params: contractRequestParams,
    read: true,
    handler: async (c) => {
      const contract = await readContract(c, c.params.id)
      const request = await loadContractRequest(c, c.params.id)
      const pdf = await renderPdf(contractDocument(contract, request, await structureName(c.tx, c.actor.structureId)))
      await c.audit({
        action: 'aids.contract.pdf',
        entity: 'aid_contract',
        entityId: contract.id,
        detail: { requestId: contract.requestId, personId: contract.personId },
      })
      c.reply.header('content-type', 'application/pdf')
      c.reply.header('content-disposition', `attachment; filename="contrat-aide-renforcee-${contract.startsOn}.pdf"`)
      return pdf
    },
  })
}
