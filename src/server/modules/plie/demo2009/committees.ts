import { demoSites } from '../../../demo/demo-organisation.ts'
import type { Random } from '../../../demo/random.ts'
import { type Day, day, openDays } from '../../../demo/year2009/days.ts'

// The committees of 2009 (« comités de validation »): 160, held in turn at the antennas, 5 to 15 entry cases each.
// Every 2009 entry is decided by one: the pathway opens on the committee's day (youth.ts and adults.ts draw their
// 2009 entry days from this calendar). Reviews, refusals and deferrals are not in the data set.

export const COMMITTEES_2009 = 160
export const CASES = { min: 5, max: 15 }

export interface PlieCommittee {
  date: Day
  site: string
  /** indexes in PliePlan.pathways, in the order of the agenda */
  cases: number[]
}

export class CommitteeCalendar {
  readonly committees: PlieCommittee[]
  readonly #byDate = new Map<Day, PlieCommittee>()

  constructor() {
    const days = openDays(day(2009, 1, 6), day(2009, 12, 17))
    const antennas = demoSites.filter((s) => s.kind === 'antenna').map((s) => s.code)
    this.committees = Array.from({ length: COMMITTEES_2009 }, (_, k) => ({
      date: days[Math.floor((k * days.length) / COMMITTEES_2009)],
      site: antennas[k % antennas.length],
      cases: [],
    }))
    for (const c of this.committees) this.#byDate.set(c.date, c)
  }

  /** a committee day in [from, to] with room left, drawn; null when there is none */
  pick(r: Random, from: Day, to: Day): Day | null {
    const open = this.committees.filter((c) => c.date >= from && c.date <= to && c.cases.length < CASES.max)
    return open.length ? r.pick(open).date : null
  }

  /** `n` committee days for entries that may fall any day of the year: the emptiest committees first */
  fill(r: Random, n: number): Day[] {
    const out: Day[] = []
    const planned = new Map(this.committees.map((c) => [c, c.cases.length]))
    for (let k = 0; k < n; k++) {
      const least = Math.min(...planned.values())
      const candidates = this.committees.filter((c) => planned.get(c) === least)
      const c = r.pick(candidates)
      planned.set(c, least + 1)
      out.push(c.date)
    }
    return r.shuffle(out)
  }

  /** puts the pathway on the agenda of its entry day's committee */
  seat(date: Day, pathway: number) {
    const c = this.#byDate.get(date)
    if (!c) throw new Error(`PLIE 2009: no committee on day ${date}`)
    c.cases.push(pathway)
  }
}
