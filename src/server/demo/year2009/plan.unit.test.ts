import { beforeAll, describe, expect, it } from 'vitest'
import { ageOn, END_2009, isoDay } from './days.ts'
import { SITUATION_GROUPS } from './figures.ts'
import { buildPlan } from './plan.ts'
import { planFigures } from './plan-figures.ts'
import type { Plan } from './plan-types.ts'
import { compareWithReport } from './report-comparison.ts'

// The plan, without a database: it gives back the report's figures (by the indicator contract) and tells plausible
// individual stories.

let plan: Plan
beforeAll(() => {
  plan = buildPlan()
})

describe('the 2009 plan gives back the report', () => {
  it('every Mission Locale figure is the printed one, or a documented deviation', () => {
    const rows = compareWithReport(planFigures(plan))
    const wrong = rows.filter((r) => !r.same && !r.deviation).map((r) => `${r.figure}: ${r.printed} ≠ ${r.obtained}`)
    expect(wrong).toEqual([])
    // a deviation that disappears (or changes) must be noticed and the documentation updated
    expect(rows.filter((r) => r.deviation).map((r) => [r.figure, r.obtained])).toEqual([
      ['youth.family.single %', 87.22],
      ['youth.housing.hosted %', 7.09],
      ['youth.resources.other %', 18.21],
      ['youth.licence.in_progress %', 10.32],
      ['firstReceptions.minorsAmongUnder22 %', 23],
      ['firstReceptions.mobility.carOrMotorbike %', 24.81],
      ['firstReceptions.mobility.publicTransport %', 55.25],
      ['firstReceptions.mobility.none %', 2.27],
      ['propositions.averagePerYouth', 14.4],
      ['propositions.social %', 7.5],
      ['organisation.peopleIntoEmployment2009', 2257],
    ])
    expect(rows.length).toBeGreaterThan(120)
  })

  it('the staff are the report’s: 29 counsellors and 11 reception staff', () => {
    expect(plan.staff.filter((s) => s.role === 'counsellor')).toHaveLength(29)
    expect(plan.staff.filter((s) => s.role === 'reception')).toHaveLength(11)
    expect(new Set(plan.staff.map((s) => s.email)).size).toBe(40)
  })

  it('is the same on every run', () => {
    const again = buildPlan()
    const sample = (p: Plan) =>
      JSON.stringify([
        p.persons.slice(0, 50),
        p.events.slice(-50),
        p.propositions.slice(1000, 1050),
        p.civis.slice(0, 50),
      ])
    expect(sample(again)).toBe(sample(plan))
    expect(again.propositions.length).toBe(plan.propositions.length)
  })
})

describe('the 2009 plan tells plausible stories', () => {
  const firstReception = () => new Map(plan.persons.map((p) => [p.i, p]))

  it('nothing happens before the first reception nor after the file is closed', () => {
    const byI = firstReception()
    const bad: string[] = []
    for (const e of plan.events) {
      const p = byI.get(e.p)!
      if (e.date < p.firstReception || (p.mlExit !== null && e.date > p.mlExit))
        bad.push(`event ${e.kind} ${isoDay(e.date)}`)
    }
    for (const x of plan.propositions) {
      const p = byI.get(x.p)!
      if (x.date < p.firstReception || (p.mlExit !== null && x.date > p.mlExit))
        bad.push(`proposition ${isoDay(x.date)}`)
    }
    for (const s of plan.situations) {
      const p = byI.get(s.p)!
      if (s.start < p.firstReception || (p.mlExit !== null && s.start > p.mlExit)) bad.push(`situation ${s.kind}`)
      if ((s.end !== null && s.end < s.start) || (s.plannedEnd !== null && s.plannedEnd < s.start))
        bad.push('ends first')
    }
    for (const c of plan.civis) {
      const p = byI.get(c.p)!
      if (c.entry < p.firstReception) bad.push('CIVIS before reception')
      if (p.mlExit !== null && (c.exit === null || c.exit > p.mlExit)) bad.push('CIVIS after the file is closed')
      if (c.exit !== null && c.exit < c.entry) bad.push('CIVIS exit first')
      const age = ageOn(p.birth, c.entry)
      if (age < 16 || age > 25) bad.push(`CIVIS at ${age}`)
    }
    expect(bad.slice(0, 10)).toEqual([])
  })

  it('every date is a real day, statuses included', () => {
    const days = [
      ...plan.persons.flatMap((p) => [p.birth, p.firstReception, p.levelFrom, p.mlExit ?? 0]),
      ...plan.statuses.flatMap((x) => [x.start, x.end ?? x.start]),
      ...plan.attributes.map((a) => a.from),
      ...plan.situations.flatMap((x) => [x.start, x.end ?? x.start, x.plannedEnd ?? x.start]),
      ...plan.civis.flatMap((c) => [c.entry, c.exit ?? c.entry]),
    ]
    expect(days.filter((d) => !Number.isInteger(d))).toEqual([])
    const byI = firstReception()
    expect(
      plan.statuses.filter((x) => x.start < byI.get(x.p)!.firstReception || (x.end !== null && x.end < x.start)),
    ).toEqual([])
  })

  it('every person has a first reception event on the first reception day, aged 16 to 25', () => {
    const fr = new Map(plan.events.filter((e) => e.kind === 'first_reception').map((e) => [e.p, e.date]))
    const bad = plan.persons.filter((p) => {
      const age = ageOn(p.birth, p.firstReception)
      return fr.get(p.i) !== p.firstReception || age < 16 || age > 25 || ageOn(p.birth, END_2009) > 26
    })
    expect(bad).toEqual([])
  })

  it('diplomas go with levels', () => {
    const allowed: Record<string, string[]> = {
      VI: ['none'],
      Vbis: ['none', 'cfg_dnb'],
      V: ['none', 'cfg_dnb', 'cap_bep'],
      IV: ['none', 'cfg_dnb', 'cap_bep', 'bac'],
      III: ['bac', 'bac2'],
      II: ['bac2', 'bac3plus'],
      I: ['bac3plus'],
    }
    expect(plan.persons.filter((p) => !allowed[p.level].includes(p.diploma))).toEqual([])
  })

  it('jobs and integration contracts are held by adults; a dated attribute is recorded once a day', () => {
    const byI = firstReception()
    const adultOnly = new Set([...SITUATION_GROUPS.employmentCddCdi, ...SITUATION_GROUPS.integrationContract])
    expect(plan.situations.filter((s) => adultOnly.has(s.kind) && ageOn(byI.get(s.p)!.birth, s.start) < 18)).toEqual([])
    const keys = plan.attributes.map((a) => `${a.p}|${a.attribute}|${a.from}`)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('propositions are made during contacts that took place', () => {
    const contacts = new Set(plan.events.filter((e) => e.attendance !== 'absent').map((e) => `${e.p}|${e.date}`))
    expect(plan.propositions.filter((x) => !contacts.has(`${x.p}|${x.date}`))).toEqual([])
  })
})
