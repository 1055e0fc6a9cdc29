// Calendar days of the person file, as 'yyyy-mm-dd' strings. "Today" is the organisation's day in France, taken from
// an instant the caller gives (the server's injected clock), never from new Date() here.
const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** The calendar day of an instant in France. */
export const dayInFrance = (at: Date): string => dayFormat.format(at)

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
