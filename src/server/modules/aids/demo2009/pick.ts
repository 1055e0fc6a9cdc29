import type { Random } from '../../../demo/random.ts'
import { ageOn, birthday, type Day, isOpenDay, isoDay } from '../../../demo/year2009/days.ts'
import type { Year2009Base } from '../../../demo/year2009/insert.ts'

// The young people and days the aids' part of the 2009 data set draws from: the Mission Locale part's persons (`base`),
// their CIVIS enrolments, their ages. A request is dated on an open day when the person could ask: enrolled in the
// Mission Locale (received, file not closed) or in CIVIS for the funds that require it, of the fund's age.

export interface Window {
  from: Day
  to: Day
}

export interface Pickers {
  base: Year2009Base
  r: Random
  /** an open day of the window (its first day when none), drawn evenly */
  dayIn(w: Window): Day
  /** the part of `w` where person `p` is aged min..max (inclusive), or null */
  ageWindow(p: number, w: Window, min: number, max: number): Window | null
  /** the part of `w` where person `p` is followed by the Mission Locale, or null */
  mlWindow(p: number, w: Window): Window | null
  /** the persons' CIVIS windows within `w` (one per enrolment) */
  civisWindows(w: Window): { p: number; w: Window; reinforced: boolean }[]
}

export const intersect = (a: Window | null, b: Window | null): Window | null => {
  if (!a || !b) return null
  const from = Math.max(a.from, b.from)
  const to = Math.min(a.to, b.to)
  return from <= to ? { from, to } : null
}

export const iso = isoDay
export const at = (d: Day, hour: number) => new Date(`${isoDay(d)}T${String(hour).padStart(2, '0')}:00:00Z`)

export function pickers(base: Year2009Base, r: Random): Pickers {
  const persons = base.plan.persons
  return {
    base,
    r,
    dayIn(w) {
      for (let k = 0; k < 8; k++) {
        const d = r.int(w.from, w.to)
        if (isOpenDay(d)) return d
      }
      return r.int(w.from, w.to)
    },
    ageWindow(p, w, min, max) {
      const birth = persons[p].birth
      return intersect(w, { from: birthday(birth, min), to: birthday(birth, max + 1) - 1 })
    },
    mlWindow(p, w) {
      const x = persons[p]
      return intersect(w, { from: x.firstReception, to: x.mlExit ?? w.to })
    },
    civisWindows(w) {
      return base.plan.civis.flatMap((c) => {
        const x = intersect(w, { from: c.entry, to: c.exit ?? w.to })
        return x ? [{ p: c.p, w: x, reinforced: c.reinforced }] : []
      })
    },
  }
}

/** the age of person `p` on day `d` */
export const ageOf = (base: Year2009Base, p: number, d: Day) => ageOn(base.plan.persons[p].birth, d)
