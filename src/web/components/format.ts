import { DEFAULT_TIME_ZONE, dayIn } from '../../shared/dates.ts'

export { formatEuros, parseEuros } from '../../shared/money.ts'

// Dates, numbers and money as French users read them: 28/11/2026, 28/11/2026 15:04 (the structure's time), 1 234,5,
// 1 234,56 €. Times of day and "today" are the structure's, in its time zone (the session's answer says which:
// setTimeZone is called when it arrives), not the browser's: a counsellor on leave abroad sees the structure's day.

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/

let timeZone = DEFAULT_TIME_ZONE
const formats = new Map<string, { date: Intl.DateTimeFormat; dateTime: Intl.DateTimeFormat }>()
function formatsOf(zone: string) {
  let f = formats.get(zone)
  if (!f) {
    f = {
      date: new Intl.DateTimeFormat('fr-FR', { timeZone: zone, day: '2-digit', month: '2-digit', year: 'numeric' }),
      dateTime: new Intl.DateTimeFormat('fr-FR', {
        timeZone: zone,
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
    }
    formats.set(zone, f)
  }
  return f
}

/** The structure's IANA time zone, from the session's answer (/api/auth/me). */
export function setTimeZone(zone: string) {
  timeZone = zone
}
export const currentTimeZone = () => timeZone

/** Today, 'yyyy-mm-dd', in the structure's time zone. */
export const today = (now: Date = new Date()) => dayIn(now, timeZone)

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
  const p = parts(formatsOf(timeZone).date, date)
  return `${p.day}/${p.month}/${p.year}`
}

/** dd/mm/yyyy HH:mm in the structure's time zone. */
export function formatDateTime(value: DateLike): string {
  const date = toDate(value)
  if (!date) return ''
  const p = parts(formatsOf(timeZone).dateTime, date)
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`
}

/** 1 234,5 (French grouping and decimal comma). */
export function formatNumber(value: number | null | undefined, options?: Intl.NumberFormatOptions): string {
  if (value === null || value === undefined || Number.isNaN(value)) return ''
  return options ? new Intl.NumberFormat('fr-FR', options).format(value) : numberFormat.format(value)
}
