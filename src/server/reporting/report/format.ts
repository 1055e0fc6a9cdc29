import type { ValueKind } from '../../../shared/reporting/reporting.schema.ts'

// Numbers as the report prints them: 1 234,5 (a no-break space groups thousands, so a number never breaks across
// lines; the narrow no-break space Intl uses is missing from the PDF font), shares with their unit.

const NBSP = '\u00a0'
const formats = new Map<number, Intl.NumberFormat>()
const numberFormat = (decimals: number) => {
  let f = formats.get(decimals)
  if (!f) {
    f = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
    formats.set(decimals, f)
  }
  return f
}

/** "s" is the statistical-secrecy mark of French official statistics. */
export const SECRET = 's'
export const SECRET_LEGEND = 's : secret statistique (effectif trop faible pour être publié)'

export function formatNumber(value: number, decimals = 0): string {
  return numberFormat(decimals)
    .format(value)
    .replace(/[\u202f\u00a0 ]/g, NBSP)
    .replace('-', '−')
}

export function formatValue(value: number | null, kind: ValueKind, decimals: number, hidden = false): string {
  if (hidden) return SECRET
  if (value === null) return '—'
  const n = formatNumber(value, decimals)
  if (kind === 'share') return `${n}${NBSP}%`
  if (kind === 'change') return `${value > 0 ? '+' : ''}${n}${NBSP}%`
  if (kind === 'amount') return `${n}${NBSP}€`
  return n
}

/**
 * The spreadsheet's number format for a kind of value. Format codes are stored in the file's neutral notation
 * (`,` groups, `.` decimals) and shown in the reader's locale: 1 234,5 in French. A share is stored as shown
 * (12.3, not 0.123).
 */
export function excelFormat(kind: ValueKind, decimals: number): string {
  const n = `#,##0${decimals > 0 ? `.${'0'.repeat(decimals)}` : ''}`
  if (kind === 'share') return `${n}" %"`
  if (kind === 'change') return `+${n}" %";-${n}" %";${n}" %"`
  if (kind === 'amount') return `${n}" €"`
  return n
}
