import type { Config } from '../../../config.ts'
import { brevoSmsProvider } from './brevo.ts'
import { startBrevoStandIn } from './brevo-standin.ts'
import type { SmsProvider } from './sms-provider.ts'

let standIn: ReturnType<typeof startBrevoStandIn> | undefined

/**
 * The SMS provider of this configuration: Brevo with SMS_BREVO_API_KEY; without it, none in production (the message
 * is recorded as failed, "SMS non configuré") and elsewhere the same adapter talking to a local stand-in of Brevo's API
 * started once in this process (the demo sends SMS without an account; the messages show in the person's file, and
 * their delivery reports come back through the webhook).
 */
export async function smsProviderFor(config: Config): Promise<SmsProvider | null> {
  const { brevoApiKey, brevoUrl, sender } = config.sms
  if (brevoApiKey) return brevoSmsProvider({ apiKey: brevoApiKey, url: brevoUrl, sender })
  if (config.env === 'production') return null
  // it reports deliveries to this server's webhook, as Brevo would
  const secret = config.sms.webhookSecret
  standIn ??= startBrevoStandIn({
    reportTo: secret ? `${config.publicUrl}/api/agenda/sms/reports/${secret}` : undefined,
  })
  const local = await standIn
  return brevoSmsProvider({ apiKey: local.apiKey, url: local.url, sender })
}
