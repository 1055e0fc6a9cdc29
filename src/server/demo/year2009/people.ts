import type { Level1969 } from '../../../shared/nomenclatures/person.ts'
import { demoSites } from '../demo-organisation.ts'
import { apportion, expand, type Random } from '../random.ts'
import { ageOn, birthday, type Day, day, END_2008, END_2009, openDays, yearEnd, yearStart, ymd } from './days.ts'
import { FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES, STREETS } from './names.ts'
import type { Diploma, PersonKind, PlanPerson } from './plan-types.ts'
import {
  type Band,
  DIPLOMA_AT_END,
  FIRST_RECEPTION_CELLS,
  FIRST_RECEPTION_DIPLOMA,
  FIRST_RECEPTION_WOMEN,
  FIRST_RECEPTION_ZUS,
  type FrLevel,
  LAPSED,
  LATE_LEVEL_DIPLOMA,
  LEVELS,
  type ReportLevel,
  YOUTH_BY_LEVEL_AND_BAND,
  YOUTH_MEN,
  YOUTH_ZUS,
} from './targets.ts'
import { antennaOf, SITE_WEIGHTS, type StaffMember, ZUS_COMMUNES } from './territory.ts'

// Who the youth are: each person is built for a cell of the report's tables (level and age band at 31/12, and for
// those first received in 2009, level and age band on that day), then given a birth date that puts them in it.

const BAND_AGES: Record<Band, [number, number][]> = {
  '16-17': [
    [16, 35],
    [17, 65],
  ],
  '18-21': [
    [18, 28],
    [19, 27],
    [20, 24],
    [21, 21],
  ],
  '22-25': [
    [22, 30],
    [23, 27],
    [24, 23],
    [25, 20],
  ],
  '26+': [[26, 1]],
}
const BAND_TOP: Record<Band, number> = { '16-17': 17, '18-21': 21, '22-25': 25, '26+': 99 }
export const bandOf = (age: number): Band => (age < 18 ? '16-17' : age < 22 ? '18-21' : age < 26 ? '22-25' : '26+')
const minAge = (level: ReportLevel | FrLevel): number => (level === 'III+' ? 20 : level === 'IV' ? 17 : 16)

/** first receptions by month of 2009 (more after the summer, when school is over) */
const FR_MONTH_WEIGHTS = [9, 8, 9, 8, 7, 8, 9, 4, 12, 11, 9, 6]

interface Slot {
  kind: PersonKind
  endLevel: ReportLevel
  endBand: Band
  frLevel: FrLevel | null
  frBand: Band | null
}

export function personSlots(rng: Random): Slot[] {
  const slots: Slot[] = []
  for (const c of FIRST_RECEPTION_CELLS)
    for (let k = 0; k < c.count; k++)
      slots.push({ kind: 'new', endLevel: c.endLevel, endBand: c.endBand, frLevel: c.level, frBand: c.frBand })
  for (const level of LEVELS)
    for (const [band, total] of Object.entries(YOUTH_BY_LEVEL_AND_BAND[level]) as [Band, number][]) {
      const taken = slots.filter((s) => s.endLevel === level && s.endBand === band).length
      if (taken > total) throw new Error(`first receptions overflow the cell ${level} ${band}`)
      for (let k = taken; k < total; k++)
        slots.push({ kind: 'old', endLevel: level, endBand: band, frLevel: null, frBand: null })
    }
  const levelWeights = LEVELS.map(
    (l) => [l, Object.values(YOUTH_BY_LEVEL_AND_BAND[l]).reduce((a, b) => a + b)] as const,
  )
  for (let k = 0; k < LAPSED; k++) {
    const endLevel = rng.weighted(levelWeights)
    const age = rng.weighted(
      ([18, 19, 20, 21, 22, 23, 24, 25, 26] as const).filter((a) => a >= minAge(endLevel)).map((a) => [a, 10] as const),
    )
    slots.push({ kind: 'lapsed', endLevel, endBand: bandOf(age), frLevel: null, frBand: null })
  }
  return slots
}

const pickAge = (rng: Random, band: Band, level: ReportLevel | FrLevel) =>
  rng.weighted(BAND_AGES[band].filter(([a]) => a >= minAge(level)))

const dayInYear = (rng: Random, y: number) => rng.int(yearStart(y), yearEnd(y))

/** a birth date giving the slot's age band on the first reception day and at 31/12/2009 */
function birthForNew(rng: Random, s: Slot, fr: Day): Day {
  const frBand = s.frBand!
  if (frBand !== s.endBand) {
    // turns 18, 22 or 26 between the first reception and 31/12
    const t = BAND_TOP[frBand]
    const [, m, d] = ymd(rng.int(fr + 1, END_2009))
    return day(2009 - (t + 1), m, d)
  }
  for (let tries = 0; tries < 500; tries++) {
    const a = pickAge(rng, s.endBand, s.frLevel === 'unknown' ? s.endLevel : s.frLevel!)
    const birth = dayInYear(rng, 2009 - a)
    const age = ageOn(birth, fr)
    if (age >= 16 && bandOf(age) === frBand) return birth
  }
  throw new Error('no birth date for a first reception')
}

/** first reception before 2009: in a year from 2005 to `lastDay`, aged 16 to 25 that day */
function firstReceptionBefore2009(rng: Random, birth: Day, lastDay: Day): Day {
  const from = Math.max(birthday(birth, 16), yearStart(2005))
  const to = Math.min(lastDay, birthday(birth, 26) - 1)
  const weight = { 2005: 10, 2006: 17, 2007: 28, 2008: 45 }
  const years = ([2005, 2006, 2007, 2008] as const)
    .map((y) => [y, openDays(Math.max(from, yearStart(y)), Math.min(to, yearEnd(y)))] as const)
    .filter(([, days]) => days.length)
  if (!years.length) throw new Error('no day for a first reception')
  const y = rng.weighted(years.map(([y]) => [y, weight[y]] as const))
  const days = years.find(([x]) => x === y)![1]
  return rng.pick(days)
}

function firstReceptionDays2009(rng: Random, n: number): Day[] {
  const perMonth = apportion(n, FR_MONTH_WEIGHTS)
  const out: Day[] = []
  perMonth.forEach((count, m) => {
    // the last days of the year are left out: someone received on 31/12 could not turn 18 "after" it
    const days = openDays(day(2009, m + 1, 1), Math.min(day(2009, m + 2, 0), day(2009, 12, 30)))
    for (let k = 0; k < count; k++) out.push(rng.pick(days))
  })
  return rng.shuffle(out)
}

const reportLevelOf = (l: Level1969): ReportLevel => (l === 'III' || l === 'II' || l === 'I' ? 'III+' : l)

type DiplomaCounts = Partial<Record<Level1969, Partial<Record<Diploma, number>>>>

/** gives each person a 1969 level (III, II or I inside III+) and a diploma, exactly as many of each as `counts` says */
function dealDiplomas(rng: Random, people: PlanPerson[], counts: DiplomaCounts, by: (p: PlanPerson) => ReportLevel) {
  for (const rl of LEVELS) {
    const group = rng.shuffle(people.filter((p) => by(p) === rl))
    const deck: [Level1969, Diploma][] = []
    for (const [level, ds] of Object.entries(counts) as [Level1969, Partial<Record<Diploma, number>>][])
      if (reportLevelOf(level) === rl) for (const d of expand(ds as Record<Diploma, number>)) deck.push([level, d])
    if (deck.length !== group.length) throw new Error(`diplomas: ${deck.length} for ${group.length} persons of ${rl}`)
    group.forEach((p, k) => {
      ;[p.level, p.diploma] = deck[k]
    })
  }
}

function subtract(total: DiplomaCounts, people: PlanPerson[]): DiplomaCounts {
  const out: DiplomaCounts = structuredClone(total) as DiplomaCounts
  for (const p of people) {
    const left = (out[p.level]![p.diploma] ?? 0) - 1
    if (left < 0) throw new Error(`diplomas: too many ${p.level} ${p.diploma} among first receptions`)
    out[p.level]![p.diploma] = left
  }
  return out
}

export function planPersons(rng: Random, staff: StaffMember[]): PlanPerson[] {
  const slots = personSlots(rng.fork('slots'))
  const r = rng.fork('persons')
  const newSlots = slots.map((s, i) => [s, i] as const).filter(([s]) => s.kind === 'new')
  const frDays = firstReceptionDays2009(r, newSlots.length)
  // those whose level is recorded after the first reception are received by 20/11 so it is recorded within the year
  const late = day(2009, 11, 20)
  newSlots.forEach(([s], k) => {
    if (s.frLevel !== 'unknown' || frDays[k] <= late) return
    const j = newSlots.findIndex(([o], m) => o.frLevel !== 'unknown' && frDays[m] <= late && o.frBand === o.endBand)
    ;[frDays[k], frDays[j]] = [frDays[j], frDays[k]]
  })
  const frOf = new Map(newSlots.map(([, i], k) => [i, frDays[k]]))

  const sites = demoSites.map((s) => [s.code, SITE_WEIGHTS[s.code] ?? 1] as const)
  const communesOf = new Map(demoSites.map((s) => [s.code, s.communes.map((c, k) => [c, k === 0 ? 3 : 1] as const)]))
  const counsellorsOf = new Map<string, number[]>()
  staff.forEach((m, k) => {
    if (m.role !== 'counsellor' || m.justiceReferent) return
    counsellorsOf.set(m.antenna, [...(counsellorsOf.get(m.antenna) ?? []), k])
  })
  const phones = r.shuffle(Array.from({ length: slots.length }, (_, k) => k))

  const persons: PlanPerson[] = slots.map((s, i) => {
    let birth: Day
    let fr: Day
    if (s.kind === 'new') {
      fr = frOf.get(i)!
      birth = birthForNew(r, s, fr)
    } else {
      const a = s.endBand === '16-17' ? 17 : pickAge(r, s.endBand, s.endLevel)
      birth = dayInYear(r, 2009 - a)
      fr = firstReceptionBefore2009(r, birth, s.kind === 'old' ? END_2008 : day(2008, 9, 30))
    }
    const levelFrom = s.frLevel === 'unknown' ? Math.min(nextOpen(fr + r.int(7, 35)), day(2009, 12, 30)) : fr
    const site = r.weighted(sites)
    const phone = phones[i] < 10000 && r.chance(0.85) ? phoneNumber(phones[i]) : null
    return {
      i,
      kind: s.kind,
      sex: 'M',
      birth,
      firstName: '',
      lastName: r.pick(LAST_NAMES),
      site,
      commune: r.weighted(communesOf.get(site)!),
      address: `${r.int(1, 180)} ${r.pick(STREETS)}`,
      phone,
      zus: false,
      referent: r.pick(counsellorsOf.get(antennaOf(site))!),
      firstReception: fr,
      endLevel: s.endLevel,
      endBand: s.endBand,
      frLevel: s.frLevel,
      frBand: s.frBand,
      level: 'V',
      levelFrom,
      diploma: 'none',
      mlExit: null,
      mlExitReason: null,
      justice: false,
    }
  })

  // sex: 1032 women among first receptions, 3729 men among the 7036 in contact, half and half among the lapsed
  const newOnes = persons.filter((p) => p.kind === 'new')
  const oldOnes = persons.filter((p) => p.kind === 'old')
  const women = new Set([
    ...r.shuffle([...newOnes]).slice(0, FIRST_RECEPTION_WOMEN),
    ...r.shuffle([...oldOnes]).slice(0, oldOnes.length - (YOUTH_MEN - (newOnes.length - FIRST_RECEPTION_WOMEN))),
  ])
  for (const p of persons) {
    p.sex = p.kind === 'lapsed' ? (r.chance(0.48) ? 'F' : 'M') : women.has(p) ? 'F' : 'M'
    p.firstName = r.pick(p.sex === 'F' ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES)
  }

  // levels and diplomas: on the first reception day for the new ones, then the rest of the 31/12 table
  const known = newOnes.filter((p) => p.frLevel !== 'unknown')
  const unknown = newOnes.filter((p) => p.frLevel === 'unknown')
  dealDiplomas(r, known, FIRST_RECEPTION_DIPLOMA, (p) => p.frLevel as ReportLevel)
  dealDiplomas(r, unknown, LATE_LEVEL_DIPLOMA, (p) => p.endLevel)
  dealDiplomas(r, oldOnes, subtract(DIPLOMA_AT_END, newOnes), (p) => p.endLevel)
  for (const p of persons.filter((x) => x.kind === 'lapsed')) {
    const options = (Object.entries(DIPLOMA_AT_END) as [Level1969, Record<string, number>][])
      .filter(([l]) => reportLevelOf(l) === p.endLevel)
      .flatMap(([l, ds]) => Object.entries(ds).map(([d, n]) => [`${l}|${d}`, n] as const))
    const [l, d] = r.weighted(options).split('|')
    p.level = l as Level1969
    p.diploma = d as Diploma
  }

  // ZUS: 477 of the first receptions, 1843 of the youth in contact, half of the lapsed who live in those communes
  const inZus = (p: PlanPerson) => ZUS_COMMUNES.has(p.commune)
  const zusNew = r.shuffle(newOnes.filter(inZus))
  const zusOld = r.shuffle(oldOnes.filter(inZus))
  if (zusNew.length < FIRST_RECEPTION_ZUS || zusOld.length < YOUTH_ZUS - FIRST_RECEPTION_ZUS)
    throw new Error('not enough youth in ZUS communes')
  for (const p of zusNew.slice(0, FIRST_RECEPTION_ZUS)) p.zus = true
  for (const p of zusOld.slice(0, YOUTH_ZUS - FIRST_RECEPTION_ZUS)) p.zus = true
  for (const p of persons) if (p.kind === 'lapsed' && inZus(p)) p.zus = r.chance(0.5)
  return persons
}

const nextOpen = (d: Day) => openDays(d, d + 7)[0]
const phoneNumber = (k: number) =>
  `06 39 98 ${String(Math.floor(k / 100)).padStart(2, '0')} ${String(k % 100).padStart(2, '0')}`
