import { internationalNumber, type Sms, SmsError, type SmsProvider } from './sms-provider.ts'

/**
 * Brevo's transactional SMS, as documented at https://developers.brevo.com/docs/transactional-sms-endpoints
 * (POST https://api.brevo.com/v3/transactionalSMS/send, the endpoint that replaced /transactionalSMS/sms on
 * 1 May 2025: https://developers.brevo.com/changelog/2025/5/1):
 * headers `api-key`, `accept: application/json`, `content-type: application/json`; body `{ sender, recipient, content,
 * type: 'transactional', tag }` with `sender` at most 11 letters or digits and `recipient` in international form
 * without '+'; answer 201 `{ messageId }`, errors 4xx `{ code, message }` (400 invalid_parameter, 401 unauthorized,
 * 402 not enough credits).
 */
export const BREVO_SMS_URL = 'https://api.brevo.com/v3/transactionalSMS/send'

export function brevoSmsProvider(opts: { apiKey: string; url: string; sender: string }): SmsProvider {
  const sender = opts.sender.replace(/[^A-Za-z0-9]/g, '').slice(0, 11) || 'Jalon'
  return {
    name: 'brevo',
    async send(sms: Sms) {
      const recipient = internationalNumber(sms.to)
      if (!recipient) throw new SmsError('Numéro de téléphone inutilisable pour un SMS.')
      let response: Response
      try {
        response = await fetch(opts.url, {
          method: 'POST',
          headers: { 'api-key': opts.apiKey, accept: 'application/json', 'content-type': 'application/json' },
          body: JSON.stringify({ sender, recipient, content: sms.text, type: 'transactional', tag: sms.tag }),
          signal: AbortSignal.timeout(10_000),
        })
      } catch (error) {
        throw new SmsError(`Fournisseur SMS injoignable (${(error as Error).message}).`)
      }
      const answer = (await response.json().catch(() => ({}))) as { messageId?: number | string; message?: string }
      if (!response.ok || answer.messageId === undefined)
        throw new SmsError(
          `Refusé par le fournisseur SMS (${response.status}${answer.message ? ` : ${answer.message}` : ''}).`,
        )
      return { reference: String(answer.messageId) }
    },
  }
}
