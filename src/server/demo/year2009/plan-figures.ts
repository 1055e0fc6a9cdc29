import { ageOn, type Day, parseDay } from './days.ts'
import { ageBand, type Counts, type Figures, reportLevel, SITUATION_GROUPS } from './figures.ts'
import type { Plan, PlanPerson } from './plan-types.ts'

// The contract's definitions applied to the plan in memory (see checker.ts for the same in SQL).

const inc = (c: Counts, k: string) => {
  c[k] = (c[k] ?? 0) + 1
}

export function planFigures(plan: Plan, year = 2009): Figures {
  const from = parseDay(`${year}-01-01`)
  const to = parseDay(`${year}-12-31`)
  const period = (y: number) => [parseDay(`${y}-01-01`), parseDay(`${y}-12-31`)] as const
  const enrolledIn = (p: PlanPerson, [a, b]: readonly [Day, Day]) =>
    p.firstReception <= b && (p.mlExit === null || p.mlExit >= a)
  const ml = (y: number) => new Set(plan.persons.filter((p) => enrolledIn(p, period(y))).map((p) => p.i))
  const pop = ml(year)

  const history = new Map<string, { from: Day; value: string }[]>()
  for (const a of plan.attributes) {
    const key = `${a.p}|${a.attribute}`
    const list = history.get(key) ?? []
    list.push({ from: a.from, value: a.value })
    history.set(key, list)
  }
  const valueOn = (p: number, attribute: string, d: Day): string | null => {
    let best: { from: Day; value: string } | null = null
    for (const h of history.get(`${p}|${attribute}`) ?? []) if (h.from <= d && (!best || h.from > best.from)) best = h
    return best?.value ?? null
  }

  const contact = new Set(
    plan.events
      .filter((e) => e.date >= from && e.date <= to && e.attendance !== 'absent' && pop.has(e.p))
      .map((e) => e.p),
  )
  const youth = plan.persons.filter((p) => contact.has(p.i))
  const y: Figures['youth'] = {
    total: youth.length,
    byLevelAndBand: {},
    men: 0,
    family: {},
    housing: {},
    resources: {},
    licence: {},
    aged18to25: 0,
    minors: 0,
    infraV: 0,
    noDiploma: 0,
    belowLevelIV: 0,
    zus: 0,
  }
  for (const p of youth) {
    const level = reportLevel(valueOn(p.i, 'education_level', to))
    const age = ageOn(p.birth, to)
    y.byLevelAndBand[level] ??= {}
    inc(y.byLevelAndBand[level], ageBand(age))
    if (p.sex === 'M') y.men++
    inc(y.family, valueOn(p.i, 'family_situation', to) ?? 'unknown')
    inc(y.housing, valueOn(p.i, 'housing', to) ?? 'unknown')
    inc(y.resources, valueOn(p.i, 'resources', to) ?? 'unknown')
    inc(y.licence, valueOn(p.i, 'driving_licence', to) ?? 'unknown')
    if (age >= 18 && age <= 25) y.aged18to25++
    if (age < 18) y.minors++
    if (level === 'Vbis' || level === 'VI') y.infraV++
    const diploma = valueOn(p.i, 'diploma', to)
    if (diploma === 'none') y.noDiploma++
    if (diploma === 'none' || diploma === 'cfg_dnb' || diploma === 'cap_bep') y.belowLevelIV++
    if (p.zus) y.zus++
  }

  const received = plan.persons.filter((p) => pop.has(p.i) && p.firstReception >= from && p.firstReception <= to)
  const f: Figures['firstReceptions'] = {
    total: received.length,
    byBand: {},
    byLevel: {},
    women: 0,
    under22: 0,
    minors: 0,
    infraV: 0,
    noDiploma: 0,
    noBaccalaureate: 0,
    zus: 0,
    mobility: { carOrMotorbike: 0, publicTransport: 0, none: 0 },
  }
  for (const p of received) {
    const d = p.firstReception
    const age = ageOn(p.birth, d)
    const level = reportLevel(valueOn(p.i, 'education_level', d))
    inc(f.byBand, ageBand(age))
    inc(f.byLevel, level)
    if (p.sex === 'F') f.women++
    if (age < 22) f.under22++
    if (age < 18) f.minors++
    if (level === 'Vbis' || level === 'VI') f.infraV++
    const diploma = valueOn(p.i, 'diploma', d)
    if (diploma === 'none') f.noDiploma++
    if (diploma === 'none' || diploma === 'cfg_dnb' || diploma === 'cap_bep') f.noBaccalaureate++
    if (p.zus) f.zus++
    const m = valueOn(p.i, 'mobility', d)
    if (m === 'car' || m === 'moped') f.mobility.carOrMotorbike++
    if (m === 'public_transport') f.mobility.publicTransport++
    if (m === 'none') f.mobility.none++
  }

  const propsIn = (y: number) => {
    const [a, b] = period(y)
    const people = ml(y)
    return plan.propositions.filter((x) => x.date >= a && x.date <= b && people.has(x.p))
  }
  const props = propsIn(year)
  const before = propsIn(year - 1)
  const byTheme: Counts = {}
  const byDomain: Counts = {}
  for (const x of props) {
    inc(byTheme, x.theme)
    inc(byDomain, x.domain)
  }

  const situations: Figures['situations'] = {}
  for (const yy of [year - 2, year - 1, year]) {
    const [a, b] = period(yy)
    const people = ml(yy)
    const started = plan.situations.filter((s) => s.start >= a && s.start <= b && people.has(s.p))
    situations[yy] = {}
    for (const [group, kinds] of Object.entries(SITUATION_GROUPS)) {
      const rows = started.filter((s) => kinds.includes(s.kind))
      situations[yy][group] = { measures: rows.length, persons: new Set(rows.map((s) => s.p)).size }
    }
  }

  const byIndex = new Map(plan.persons.map((p) => [p.i, p]))
  const civis = plan.civis.filter((c) => pop.has(c.p))
  const entries = civis.filter((c) => c.entry >= from && c.entry <= to)
  const employment = new Set([...SITUATION_GROUPS.employmentTotal])
  return {
    youth: y,
    firstReceptions: f,
    propositions: {
      total: props.length,
      byTheme,
      byDomain,
      persons: new Set(props.map((x) => x.p)).size,
      total2008: before.length,
      persons2008: new Set(before.map((x) => x.p)).size,
    },
    situations,
    civis: {
      entries: entries.length,
      women: entries.filter((c) => byIndex.get(c.p)!.sex === 'F').length,
      reinforced: entries.filter((c) => c.reinforced).length,
      aged18to21: entries.filter((c) => ageBand(ageOn(byIndex.get(c.p)!.birth, c.entry)) === '18-21').length,
      exits: civis.filter((c) => c.exit !== null && c.exit >= from && c.exit <= to).length,
    },
    intoEmployment: new Set(
      plan.situations.filter((s) => s.start >= from && s.start <= to && employment.has(s.kind)).map((s) => s.p),
    ).size,
  }
}
