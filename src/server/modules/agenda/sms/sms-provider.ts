// Text messages go through a provider behind this interface: one real adapter (Brevo, brevo.ts) chosen by the
// configuration, and in tests and the demo the same adapter talking to a local stand-in of Brevo's API
// (brevo-standin.ts), so the request the server builds is the one the provider documents.

export interface Sms {
  /** a French number as typed in the file (06 12 34 56 78, +33 6…) */
  to: string
  text: string
  /** groups the messages on the provider's side */
  tag?: string
}

export interface SmsProvider {
  name: string
  /** the provider's reference of the message; throws SmsError when it refuses */
  send(sms: Sms): Promise<{ reference: string }>
}

export class SmsError extends Error {}

/** The number in international form without '+', as Brevo asks (0612345678 → 33612345678); null if not a number. */
export function internationalNumber(phone: string): string | null {
  const digits = phone.replace(/[^\d+]/g, '')
  if (/^\+\d{8,15}$/.test(digits)) return digits.slice(1)
  if (/^00\d{8,15}$/.test(digits)) return digits.slice(2)
  if (/^0[1-9]\d{8}$/.test(digits)) return `33${digits.slice(1)}`
  return null
}
