import type { Period } from './reporting.schema.ts'

// Periods are closed ranges of calendar dates ('yyyy-mm-dd'), computed in UTC so no time zone shifts a day.

const DAY = 86_400_000
const parse = (d: string) => new Date(`${d}T00:00:00Z`)
const iso = (d: Date) => d.toISOString().slice(0, 10)

export const addDays = (d: string, n: number) => iso(new Date(parse(d).getTime() + n * DAY))
export const daysIn = (p: Period) => Math.round((parse(p.to).getTime() - parse(p.from).getTime()) / DAY) + 1

const isFirstOfMonth = (d: string) => d.endsWith('-01')
const isLastOfMonth = (d: string) => addDays(d, 1).endsWith('-01')

function addMonths(d: string, n: number): string {
  const x = parse(d)
  return iso(new Date(Date.UTC(x.getUTCFullYear(), x.getUTCMonth() + n, 1)))
}

/**
 * The period of the same length just before: whole months shift by months (2009 → 2008, a quarter → the quarter
 * before), any other range by its number of days.
 */
export function previousPeriod(p: Period): Period {
  if (isFirstOfMonth(p.from) && isLastOfMonth(p.to)) {
    const a = parse(p.from)
    const b = parse(p.to)
    const months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth() + 1
    return { from: addMonths(p.from, -months), to: addDays(p.from, -1) }
  }
  const n = daysIn(p)
  return { from: addDays(p.from, -n), to: addDays(p.from, -1) }
}

/** `count` periods ending with `p`, oldest first. */
export function periodsEndingWith(p: Period, count: number): Period[] {
  const out = [p]
  while (out.length < count) out.unshift(previousPeriod(out[0]))
  return out
}

export const yearOf = (d: string) => Number(d.slice(0, 4))
export const calendarYear = (year: number): Period => ({ from: `${year}-01-01`, to: `${year}-12-31` })
export const isCalendarYear = (p: Period) => p.from.endsWith('-01-01') && p.to === `${p.from.slice(0, 4)}-12-31`

/** dd/mm/yyyy */
export const frenchDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`

/** "année 2009", "du 01/01/2009 au 30/06/2009" */
export function periodLabel(p: Period): string {
  if (isCalendarYear(p)) return `année ${p.from.slice(0, 4)}`
  return `du ${frenchDate(p.from)} au ${frenchDate(p.to)}`
}

/** a short column heading: "2009", "T1 2009", "01/01/2009–15/02/2009" */
export function periodHeading(p: Period): string {
  if (isCalendarYear(p)) return p.from.slice(0, 4)
  return `${frenchDate(p.from)}–${frenchDate(p.to)}`
}
