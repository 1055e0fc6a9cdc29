import { MAX_CENTS } from './primitives.ts'

// Money is integer cents in the database and the API (primitives.ts: `cents`), and euros written the French way only
// at the edge: the screens, the spreadsheets and PDFs of the reports. Never a float of euros in between.

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' })

/** 123456 → "1 234,56 €" (narrow no-break space between thousands, no-break space before €, as Intl writes French). */
export const formatEuros = (amount: number): string => euros.format(amount / 100)

// Spaces a French number may hold between its thousands: a space, a no-break space, a narrow no-break space.
const SPACES = /[ \u00A0\u202F]/g
const AMOUNT = /^(\d{1,3}(?:[ \u00A0\u202F]\d{3})*|\d+)(?:[,.](\d{1,2}))?$/

/**
 * An amount as a French user types it → cents: "1 234,56", "1234,5", "1234", "12.30", "1 234,56 €". Anything else
 * (three decimals, letters, a sign, thousands badly grouped, more than the largest amount) → null.
 */
export function parseEuros(text: string): number | null {
  const trimmed = text.trim().replace(/[\u00A0\u202F ]?€$/, '')
  const match = AMOUNT.exec(trimmed)
  if (!match) return null
  const whole = match[1]!.replace(SPACES, '')
  if (whole.length > 10) return null
  const amount = Number(whole) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
  return amount <= MAX_CENTS ? amount : null
}
