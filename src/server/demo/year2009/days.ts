// Calendar days as integers (days since 1970-01-01, UTC): cheap to compare and to add to; 'yyyy-mm-dd' only at the edges.

const DAY_MS = 86_400_000

export type Day = number

export const day = (y: number, m: number, d: number): Day => Date.UTC(y, m - 1, d) / DAY_MS
export const parseDay = (iso: string): Day => Date.parse(`${iso}T00:00:00Z`) / DAY_MS
export const isoDay = (d: Day): string => new Date(d * DAY_MS).toISOString().slice(0, 10)

export function ymd(d: Day): [number, number, number] {
  const x = new Date(d * DAY_MS)
  return [x.getUTCFullYear(), x.getUTCMonth() + 1, x.getUTCDate()]
}

/** full years between birth and `on` */
export function ageOn(birth: Day, on: Day): number {
  const [by, bm, bd] = ymd(birth)
  const [y, m, d] = ymd(on)
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}

/** the day the person reaches `age` */
export function birthday(birth: Day, age: number): Day {
  const [by, bm, bd] = ymd(birth)
  // 29 February: the birthday falls on 1 March in common years (Date.UTC rolls over)
  return day(by + age, bm, bd)
}

/** 0 = Sunday … 6 = Saturday */
export const weekday = (d: Day): number => (((d + 4) % 7) + 7) % 7

export const yearStart = (y: number): Day => day(y, 1, 1)
export const yearEnd = (y: number): Day => day(y, 12, 31)
export const yearOf = (d: Day): number => ymd(d)[0]

export const END_2009 = yearEnd(2009)
export const START_2009 = yearStart(2009)
export const START_2008 = yearStart(2008)
export const END_2008 = yearEnd(2008)

// French public holidays 2005–2009 on week days (the offices are closed: no reception, no interview)
const HOLIDAYS = new Set(
  [
    '2005-01-01',
    '2005-03-28',
    '2005-05-05',
    '2005-05-16',
    '2005-07-14',
    '2005-08-15',
    '2005-11-01',
    '2005-11-11',
    '2006-04-17',
    '2006-05-01',
    '2006-05-08',
    '2006-05-25',
    '2006-06-05',
    '2006-08-15',
    '2006-11-01',
    '2006-12-25',
    '2007-01-01',
    '2007-04-09',
    '2007-05-01',
    '2007-05-08',
    '2007-05-17',
    '2007-05-28',
    '2007-08-15',
    '2007-11-01',
    '2007-12-25',
    '2008-01-01',
    '2008-03-24',
    '2008-05-01',
    '2008-05-08',
    '2008-05-12',
    '2008-07-14',
    '2008-08-15',
    '2008-11-11',
    '2008-12-25',
    '2009-01-01',
    '2009-04-13',
    '2009-05-01',
    '2009-05-08',
    '2009-05-21',
    '2009-06-01',
    '2009-07-14',
    '2009-11-11',
    '2009-12-25',
  ].map(parseDay),
)

export const isOpenDay = (d: Day): boolean => weekday(d) !== 0 && weekday(d) !== 6 && !HOLIDAYS.has(d)

// every open day from 2004 to 2011, sorted: the data set's dates are drawn from it
const ALL_OPEN: Day[] = []
for (let d = day(2004, 1, 1); d <= day(2011, 12, 31); d++) if (isOpenDay(d)) ALL_OPEN.push(d)

/** index of the first open day >= d */
function lowerBound(d: Day): number {
  let lo = 0
  let hi = ALL_OPEN.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (ALL_OPEN[mid] < d) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** the open days in [from, to] */
export function openDays(from: Day, to: Day): Day[] {
  return ALL_OPEN.slice(lowerBound(from), lowerBound(to + 1))
}

/** the same day or the next open one */
export function nextOpenDay(d: Day): Day {
  let x = d
  while (!isOpenDay(x)) x++
  return x
}
