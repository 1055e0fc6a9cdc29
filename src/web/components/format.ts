// Dates and numbers as French users read them: 28/11/2026, 28/11/2026 15:04 (Paris time), 1 234,5.

const TIME_ZONE = 'Europe/Paris'
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/

const dateFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
})
const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})
const numberFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 })

type DateLike = Date | string | number | null | undefined

function toDate(value: DateLike): Date | null {
  if (value === null || value === undefined || value === '') return null
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

function parts(format: Intl.DateTimeFormat, date: Date): Record<string, string> {
  const result: Record<string, string> = {}
  for (const part of format.formatToParts(date)) result[part.type] = part.value
  return result
}

/** dd/mm/yyyy; a calendar date (yyyy-mm-dd) is shown as is, without any time-zone shift. */
export function formatDate(value: DateLike): string {
  if (typeof value === 'string') {
    const match = DATE_ONLY.exec(value)
    if (match) return `${match[3]}/${match[2]}/${match[1]}`
  }
  const date = toDate(value)
  if (!date) return ''
  const p = parts(dateFormat, date)
  return `${p.day}/${p.month}/${p.year}`
}

/** dd/mm/yyyy HH:mm in Europe/Paris. */
export function formatDateTime(value: DateLike): string {
  const date = toDate(value)
  if (!date) return ''
  const p = parts(dateTimeFormat, date)
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`
}

/** 1 234,5 (French grouping and decimal comma). */
export function formatNumber(value: number | null | undefined, options?: Intl.NumberFormatOptions): string {
  if (value === null || value === undefined || Number.isNaN(value)) return ''
  return options ? new Intl.NumberFormat('fr-FR', options).format(value) : numberFormat.format(value)
}
