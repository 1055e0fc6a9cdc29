// "Today" is the organisation's calendar day, taken from the injected clock (never new Date()).
const TIME_ZONE = 'Europe/Paris'
const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** The calendar day of an instant in France, as 'yyyy-mm-dd'. */
export const localDay = (at: Date): string => dayFormat.format(at)

/** Whole days from a to b ('yyyy-mm-dd'). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000)
}

/** Age in whole years on a day. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number]
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}

/** 'yyyy-mm-dd' shifted by n days. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
}

/** 'yyyy-mm-dd' → 'dd/mm/yyyy', for messages. */
export const frenchDate = (day: string) => day.split('-').reverse().join('/')
