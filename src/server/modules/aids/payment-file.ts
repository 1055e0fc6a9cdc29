import { PAYMENT_FILE_COLUMNS } from '../../../shared/aids/allowance.schema.ts'
import { type ListColumn, listCsv } from '../../http/list-export.ts'

// The payment file of an allowance run (docs/aids.md « The payment file »): a CSV for French Excel and the treasurer
// (UTF-8 with a byte-order mark, `;`, CRLF, header row; list-export.ts), one line per payment: name, first name,
// birth date, IBAN, amount « 123,45 », reference. Not a SEPA pain.001 XML: such a file names each creditor's IBAN
// and the structure's own account, and the data model holds neither — a transfer file without accounts would be
// refused by the bank. The IBAN column stays empty, for the treasurer to fill or match, until accounts are recorded.

export interface PaymentLine {
  requestId: string
  lastName: string
  firstName: string
  birthDate: string
  amountCents: number
  iban?: string | null
}

/** 12345 → « 123,45 » (no thousands separator, no currency: a bank's import reads it as a number) */
export const plainAmount = (cents: number) => `${Math.trunc(cents / 100)},${String(cents % 100).padStart(2, '0')}`

/** The transfer's reference: the fund, the month (mm/yyyy) and the request's first eight characters. */
export const paymentReference = (fundCode: string, month: string, requestId: string) =>
  `${fundCode} ${month.slice(5, 7)}/${month.slice(0, 4)} ${requestId.slice(0, 8)}`

export function paymentFile(fundCode: string, month: string, lines: readonly PaymentLine[]): Buffer {
  const [name, first, birth, iban, amount, reference] = PAYMENT_FILE_COLUMNS
  const columns: ListColumn<PaymentLine>[] = [
    { header: name, value: (l) => l.lastName.toLocaleUpperCase('fr-FR') },
    { header: first, value: (l) => l.firstName },
    { header: birth, kind: 'date', value: (l) => l.birthDate },
    { header: iban, value: (l) => l.iban ?? '' },
    { header: amount, value: (l) => plainAmount(l.amountCents) },
    { header: reference, value: (l) => paymentReference(fundCode, month, l.requestId) },
  ]
  return listCsv(columns, lines)
}

export const paymentFileName = (fundCode: string, month: string) =>
  `virements-${fundCode.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${month.slice(0, 7)}.csv`
