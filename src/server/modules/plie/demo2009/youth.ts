import type { Random } from '../../../demo/random.ts'
import { ageOn, type Day, day, isOpenDay } from '../../../demo/year2009/days.ts'
import type { Plan } from '../../../demo/year2009/plan-types.ts'
import type { CommitteeCalendar } from './committees.ts'
import type { PliePathway, PlieStep } from './plan-types.ts'
import { ENTRIES } from './targets.ts'

// The youth of the PLIE are persons of the Mission Locale part (one file): a CIVIS youth who enters the PLIE keeps it.
// They get no new situation (the Mission Locale's figures stay as they are): the market-sector contracts of at least
// one month they started in 2009, recorded by the Mission Locale part, are their PLIE steps. Their pathways are still
// open at the end of 2009 (a positive exit is validated later). None holds an RSA status (RSA is from 25); those
// neither in CIVIS nor in a priority area on the entry day are long-term job-seekers (a status period is written).

/** market-sector contracts (the employment steps of the report): common-law employment and work-study */
export const MARKET_KINDS = new Set([
  'cdi',
  'cdd',
  'interim',
  'seasonal',
  'other_employment',
  'apprenticeship',
  'professionalisation',
])

/** at least one month: no end (actual or planned), or one 31 days after the start or later */
export const atLeastAMonth = (start: Day, end: Day | null) => end === null || end - start >= 31

/** an open day in [from, to], drawn; null when there is none */
export function someDay(r: Random, from: Day, to: Day): Day | null {
  if (to < from) return null
  const start = r.int(from, to)
  for (let d = start; d <= to; d++) if (isOpenDay(d)) return d
  for (let d = start - 1; d >= from; d--) if (isOpenDay(d)) return d
  return null
}

export interface YouthPart {
  pathways: PliePathway[]
  steps: PlieStep[]
  /** youth with at least one employment step in 2009 */
  withSteps: number
}

/**
 * Chooses the youth pathways: 2009 entries (462, of whom 270 in CIVIS on the entry day), 2008 entries (326, 146 in
 * CIVIS) and 150 entries of 2007, all under 26 on the entry day, preferring youth with 2009 contracts to link as steps.
 */
export function planYouth(r: Random, ml: Plan, staffCount: number, calendar: CommitteeCalendar): YouthPart {
  const y2009 = day(2009, 1, 1)
  const e2009 = day(2009, 12, 31)
  const withRsa = new Set(ml.statuses.filter((s) => s.status === 'rsa').map((s) => s.p))
  const civisOf = new Map<number, { entry: Day; exit: Day | null }[]>()
  for (const c of ml.civis) civisOf.set(c.p, [...(civisOf.get(c.p) ?? []), c])
  const inCivis = (p: number, d: Day) =>
    (civisOf.get(p) ?? []).some((c) => c.entry <= d && (c.exit === null || c.exit >= d))
  // each person's 2009 market-sector contracts of at least one month (index in ml.situations)
  const contracts = new Map<number, number[]>()
  ml.situations.forEach((s, k) => {
    if (s.start < y2009 || s.start > e2009 || !MARKET_KINDS.has(s.kind)) return
    if (!atLeastAMonth(s.start, s.end) || !atLeastAMonth(s.start, s.plannedEnd)) return
    contracts.set(s.p, [...(contracts.get(s.p) ?? []), k])
  })
  const firstContract = (p: number) => Math.min(...(contracts.get(p) ?? []).map((k) => ml.situations[k].start))
  const used = new Set<number>()
  const candidates = r.shuffle(ml.persons.filter((p) => !withRsa.has(p.i) && contracts.has(p.i)))
  const pathways: PliePathway[] = []

  /** takes `n` youth, each with an entry day in `range` that `fits` (civis or not) */
  const take = (n: number, from: Day, to: Day, civis: boolean | null, label: string, pool = candidates) => {
    let taken = 0
    for (const p of pool) {
      if (taken === n) break
      if (used.has(p.i)) continue
      const lo = Math.max(from, p.firstReception + 1)
      const hi = Math.min(to, contracts.has(p.i) && from >= y2009 ? firstContract(p.i) : to)
      let entry: Day | null = null
      for (let attempt = 0; attempt < 6 && entry === null; attempt++) {
        // a 2009 entry is a committee's decision: its day is a committee day
        const d = from >= y2009 ? calendar.pick(r, lo, hi) : someDay(r, lo, hi)
        if (d === null) break
        if (ageOn(p.birth, d) >= 26) continue
        if (civis !== null && inCivis(p.i, d) !== civis) continue
        entry = d
      }
      if (entry === null) continue
      used.add(p.i)
      taken++
      if (entry >= y2009) calendar.seat(entry, pathways.length)
      pathways.push({
        i: pathways.length,
        adult: null,
        youth: p.i,
        entry,
        exit: null,
        reason: null,
        referent: r.int(0, staffCount - 1),
        partner: null,
        civis: inCivis(p.i, entry),
        rsa: false,
        // a target public for everyone: those neither in CIVIS nor in a priority area are long-term job-seekers
        longTermUnemployed: !inCivis(p.i, entry) && !p.zus,
        disabledWorker: false,
      })
    }
    if (taken < n) throw new Error(`PLIE 2009: ${taken} youth of ${n} for ${label}`)
  }
  // CIVIS youth first (the scarcer), then the others; 2009, then 2008, then 2007
  take(ENTRIES[2009].civis, day(2009, 1, 5), day(2009, 12, 18), true, 'CIVIS 2009')
  take(ENTRIES[2009].under26 - ENTRIES[2009].civis, day(2009, 1, 5), day(2009, 12, 18), false, 'youth 2009')
  const any = r.shuffle(ml.persons.filter((p) => !withRsa.has(p.i)))
  const preferred = [...candidates, ...any.filter((p) => !contracts.has(p.i))]
  take(ENTRIES[2008].civis, day(2008, 1, 3), day(2008, 12, 19), true, 'CIVIS 2008', preferred)
  take(ENTRIES[2008].under26 - ENTRIES[2008].civis, day(2008, 1, 3), day(2008, 12, 19), false, 'youth 2008', preferred)
  take(150, day(2007, 1, 3), day(2007, 12, 19), null, 'youth 2007', preferred)

  const steps: PlieStep[] = []
  let withSteps = 0
  for (const w of pathways) {
    const mine = (contracts.get(w.youth!) ?? []).filter((k) => ml.situations[k].start >= w.entry)
    if (mine.length) withSteps++
    for (const k of mine) {
      const s = ml.situations[k]
      steps.push({
        pathway: w.i,
        mlSituation: k,
        kind: s.kind,
        start: s.start,
        plannedEnd: s.plannedEnd,
        end: s.end,
        organisation: null,
        organisationName: s.organisation,
        hours: s.hours,
        proof: false,
      })
    }
  }
  return { pathways, steps, withSteps }
}
