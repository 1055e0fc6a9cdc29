import type { FastifyInstance } from 'fastify'
import {
  allowanceAskInput,
  allowancePersonParams,
  fundParams,
  paymentRunInput,
  paymentRunListQuery,
  paymentRunListSchema,
  paymentRunParams,
} from '../../../shared/aids/allowance.schema.ts'
import { aidRequestSchema } from '../../../shared/aids/requests.schema.ts'
import type { Deps } from '../../deps.ts'
import { defineRoute } from '../../http/route.ts'
import { aidsPolicy } from './aids.policy.ts'
import { askAllowance, runFile, runPayments, runsOfFund } from './allowance.service.ts'

const tags = ['Aides financières']
const CSV = 'text/csv; charset=utf-8'

/** The aids' routes: the CIVIS/CEJ allowance and its monthly payment runs (docs/aids.md « The CIVIS/CEJ allowance »). */
export function allowanceRoutes(app: FastifyInstance, deps: Deps) {
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/persons/:personId/aids/allowance',
    summary: 'Demander un mois d’allocation CIVIS / CEJ pour un jeune (plafonds mensuel et annuel du fonds)',
    tags,
    access: aidsPolicy.ask,
    params: allowancePersonParams,
    body: allowanceAskInput,
    response: aidRequestSchema,
    status: 201,
    handler: async (c) => askAllowance(c, c.params.personId, c.body),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/aids/funds/:id/payment-runs',
    summary:
      'Virement groupé du mois : paie les allocations accordées non payées et donne le fichier des virements (CSV)',
    tags,
    access: aidsPolicy.manage,
    params: fundParams,
    body: paymentRunInput,
    status: 201,
    handler: async (c) => {
      const file = await runPayments(c, c.params.id, c.body.month)
      c.reply.header('content-type', CSV)
      c.reply.header('content-disposition', `attachment; filename="${file.fileName}"`)
      c.reply.header('location', `/api/aids/funds/${c.params.id}/payment-runs/${file.runId}/file`)
      return file.body
    },
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/aids/funds/:id/payment-runs',
    summary: 'Virements groupés d’une allocation, par mois (les plus récents d’abord)',
    tags,
    access: aidsPolicy.wholeStructure,
    params: fundParams,
    query: paymentRunListQuery,
    response: paymentRunListSchema,
    read: true,
    handler: async (c) => runsOfFund(c, c.params.id, c.query.year),
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/aids/funds/:id/payment-runs/:runId/file',
    summary: 'Le fichier des virements d’un virement groupé, à nouveau (CSV)',
    tags,
    access: aidsPolicy.manage,
    params: paymentRunParams,
    read: true,
    handler: async (c) => {
      const file = await runFile(c, c.params.id, c.params.runId)
      c.reply.header('content-type', CSV)
      c.reply.header('content-disposition', `attachment; filename="${file.fileName}"`)
      return file.body
    },
  })
}
