import { ageOn, dayInFrance, frenchDate } from '../../../shared/persons/dates.ts'

// Calendar days as 'yyyy-mm-dd' strings. "Today" is the organisation's day in France, from the injected clock
// (never new Date()); the person file's helpers (src/shared/persons/dates.ts) do the time-zone and age work.
export { ageOn, frenchDate }
export const localDay = dayInFrance

/** Whole days from a to b. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000)
}

/** The day n days after (or before, n < 0). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
}
