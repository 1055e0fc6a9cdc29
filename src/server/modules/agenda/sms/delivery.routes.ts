import type { FastifyInstance } from 'fastify'
import {
  brevoSmsReportSchema,
  smsReportParams,
  smsReportResultSchema,
} from '../../../../shared/agenda/sms-delivery.schema.ts'
import type { Deps } from '../../../deps.ts'
import { defineRoute } from '../../../http/route.ts'
import { checkSecret, recordSmsReport } from './delivery.service.ts'

/**
 * Who may post a delivery report: the SMS provider, which is no user of Jalon. The route is public to the session
 * layer; the secret in its URL (SMS_WEBHOOK_SECRET, given to Brevo with the URL) is the credential, checked before
 * anything is read from the database, and the rate limit bounds what a guesser may try.
 */
export const smsDeliveryPolicy = { report: 'public' } as const

export function smsDeliveryRoutes(app: FastifyInstance, deps: Deps) {
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/agenda/sms/reports/:secret',
    summary: 'Accusé de réception d’un SMS (webhook de Brevo) ; le secret de l’adresse est la clé',
    tags: ['Agenda : messages'],
    access: smsDeliveryPolicy.report,
    params: smsReportParams,
    body: brevoSmsReportSchema,
    response: smsReportResultSchema,
    rateLimit: { max: 600, timeWindow: '1 minute' },
    webhook: true,
    handler: async (c) => {
      checkSecret(deps.config, c.params.secret)
      return recordSmsReport(c.tx, c.body, c.now)
    },
  })
}
