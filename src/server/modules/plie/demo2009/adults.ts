import { demoSites } from '../../../demo/demo-organisation.ts'
import { expand, type Random } from '../../../demo/random.ts'
import { type Day, day, ymd } from '../../../demo/year2009/days.ts'
import { FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES, STREETS } from '../../../demo/year2009/names.ts'
import { SITE_WEIGHTS, ZUS_COMMUNES } from '../../../demo/year2009/territory.ts'
import type { PlieAdult, PliePathway } from './plan-types.ts'
import { someDay } from './youth.ts'

// The adults the PLIE brings: persons of their own (external ids PLIE-…), 26 and over on the entry day, each with one
// pathway. A pathway's statuses on the entry day (RSA, long-term job-seeker, disabled worker) are written as status
// periods of the person; the priority area is the person's flag (a ZUS commune).

export interface AdultSpec {
  entry: Day
  exit: Day | null
  reason: string | null
  sex: 'F' | 'M'
  rsa: boolean
  longTermUnemployed: boolean
  disabledWorker: boolean
  zus: boolean
}

const OTHER_REASONS: [string, number][] = [
  ['dropped_out', 30],
  ['no_solution', 18],
  ['referred', 15],
  ['moved_away', 12],
  ['health', 10],
  ['other', 8],
  ['maternity', 4],
  ['retirement', 3],
]
export const otherReason = (r: Random) => r.weighted(OTHER_REASONS)

const siteWeights = Object.entries(SITE_WEIGHTS) as [string, number][]
const zusSites = demoSites.filter((s) => s.communes.some((c) => ZUS_COMMUNES.has(c)))

/** builds the adult person and its pathway from a spec */
export function makeAdult(
  r: Random,
  spec: AdultSpec,
  adults: PlieAdult[],
  pathways: PliePathway[],
  staffCount: number,
): PliePathway {
  const site = spec.zus ? r.pick(zusSites).code : r.weighted(siteWeights)
  const communes = demoSites.find((s) => s.code === site)!.communes
  const commune = spec.zus
    ? communes.find((c) => ZUS_COMMUNES.has(c))!
    : (r.pick(communes.filter((c) => !ZUS_COMMUNES.has(c))) ?? r.pick(communes))
  const zus = spec.zus
  const age = r.weighted<number>([
    [r.int(26, 29), 25],
    [r.int(30, 39), 35],
    [r.int(40, 49), 28],
    [r.int(50, 58), 12],
  ])
  const [y, m, d] = ymd(spec.entry)
  const birth = day(y - age, m, d) - r.int(1, 360)
  const adult: PlieAdult = {
    i: adults.length,
    sex: spec.sex,
    birth,
    firstName: r.pick(spec.sex === 'F' ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES),
    lastName: r.pick(LAST_NAMES),
    site,
    commune,
    address: `${r.int(1, 180)} ${r.pick(STREETS)}`,
    zus,
    firstReception: spec.entry - r.int(20, 80),
  }
  adults.push(adult)
  const pathway: PliePathway = {
    i: pathways.length,
    adult: adult.i,
    youth: null,
    entry: spec.entry,
    exit: spec.exit,
    reason: spec.reason,
    referent: r.int(0, staffCount - 1),
    partner: null,
    civis: false,
    rsa: spec.rsa,
    longTermUnemployed: spec.longTermUnemployed,
    disabledWorker: spec.disabledWorker,
  }
  pathways.push(pathway)
  return pathway
}

/** `n` flags of which exactly `k` are true, shuffled */
export const deck = (r: Random, n: number, k: number): boolean[] =>
  r.shuffle([...Array<boolean>(k).fill(true), ...Array<boolean>(n - k).fill(false)])

/**
 * The adults entering in a year (2008, 2009) with exact counts: `n` adults of whom `men`, `rsa`, `ltu` (given first to
 * those without RSA, so that everyone is in a target public), `rqth` and `zus`; `exits(k)` gives the k-th's exit.
 */
export function entryCohort(
  r: Random,
  counts: { n: number; men: number; rsa: number; ltu: number; rqth: number; zus: number },
  range: { from: Day; to: Day },
  /** the entry days, when given (the committee days of 2009) */
  days?: Day[],
): AdultSpec[] {
  const { n } = counts
  const men = deck(r, n, counts.men)
  const rsa = deck(r, n, counts.rsa)
  const withoutRsa = r.shuffle(rsa.flatMap((x, k) => (x ? [] : [k])))
  const withRsa = r.shuffle(rsa.flatMap((x, k) => (x ? [k] : [])))
  if (counts.ltu < withoutRsa.length) throw new Error('PLIE 2009: too few long-term job-seekers to cover everyone')
  const ltu = new Set([...withoutRsa, ...withRsa.slice(0, counts.ltu - withoutRsa.length)])
  const rqth = deck(r, n, counts.rqth)
  const zus = deck(r, n, counts.zus)
  return Array.from({ length: n }, (_, k) => ({
    entry: days ? days[k] : someDay(r, range.from, range.to)!,
    exit: null,
    reason: null,
    sex: men[k] ? 'M' : 'F',
    rsa: rsa[k],
    longTermUnemployed: ltu.has(k),
    disabledWorker: rqth[k],
    zus: zus[k],
  }))
}

/** an adult with publics drawn at the report's usual shares (at least one target public) */
export function freeSpec(r: Random, entry: Day, exit: Day | null, reason: string | null): AdultSpec {
  const rsa = r.chance(0.4)
  const disabledWorker = r.chance(0.07)
  const zus = r.chance(0.3)
  const longTermUnemployed = r.chance(0.45) || !(rsa || disabledWorker || zus)
  return { entry, exit, reason, sex: r.chance(0.55) ? 'M' : 'F', rsa, longTermUnemployed, disabledWorker, zus }
}

/** an entry day before 2008 for a pathway open at the start of 2009 (more recent years weigh more) */
export function oldEntry(r: Random): Day {
  const year = r.weighted<number>([
    [2004, 10],
    [2005, 15],
    [2006, 30],
    [2007, 45],
  ])
  return someDay(r, day(year, 1, 3), day(year, 12, 19))!
}

/** the positive exits of a year spread over reasons, as a shuffled list */
export const reasonsList = (r: Random, counts: Record<string, number>) => r.shuffle(expand(counts))
