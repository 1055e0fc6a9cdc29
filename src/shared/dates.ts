// Calendar days, as 'yyyy-mm-dd' strings: the one set of date helpers of the server and the web. "Today" is the
// structure's day, in the structure's time zone (a setting of the structure: overseas Missions Locales are not in
// Europe/Paris), taken from an instant the caller gives (the server's injected clock), never from new Date() here.

/** The zone of a structure that has not chosen one (and of the demo organisation). */
export const DEFAULT_TIME_ZONE = 'Europe/Paris'

const dayFormats = new Map<string, Intl.DateTimeFormat>()
function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    dayFormats.set(timeZone, format)
  }
  return format
}

/** The calendar day of an instant in a time zone ('Europe/Paris', 'America/Cayenne'…). */
export const dayIn = (at: Date, timeZone: string): string => dayFormat(timeZone).format(at)

/** Age in whole years on a day (ages are computed, never stored). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number]
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}

/** The same date with day and month exchanged (03/04 ↔ 04/03), when that is a real, different date. */
export function swapDayMonth(date: string): string | null {
  const [y, m, d] = date.split('-') as [string, string, string]
  if (m === d || Number(d) > 12) return null
  const swapped = `${y}-${d}-${m}`
  const check = new Date(`${swapped}T00:00:00Z`)
  return check.toISOString().slice(0, 10) === swapped ? swapped : null
}

/** dd/mm/yyyy, as the interface shows dates. */
export const frenchDate = (date: string): string => date.split('-').reverse().join('/')

/** Whole days from a to b. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000)
}

/** The day n days after (or before, n < 0). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
}

/** 'yyyy-mm-dd' plus whole months (the day clamped to the month's last: 31/01 + 1 month = 28/02 or 29/02). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const index = m - 1 + months
  const year = y + Math.floor(index / 12)
  const month = ((index % 12) + 12) % 12
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  return new Date(Date.UTC(year, month, Math.min(d, last))).toISOString().slice(0, 10)
}
