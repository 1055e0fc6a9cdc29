import type { Day } from '../../../demo/year2009/days.ts'

// The PLIE figures of the 2009 report the data set is built to give back (docs/demo-2009.md, "The PLIE"). The report
// code never reads these: only the generator and its test do.

/** entries of a year: total, by sex, under 26 at entry, by target public on the entry day */
export interface EntryTargets {
  total: number
  men: number
  women: number
  under26: number
  rsa: number
  civis: number
  longTermUnemployed: number
  disabledWorker: number
  priorityArea: number
}
export const ENTRIES: Record<2008 | 2009, EntryTargets> = {
  2008: {
    total: 1069,
    men: 613,
    women: 456,
    under26: 326,
    rsa: 480,
    civis: 146,
    longTermUnemployed: 421,
    disabledWorker: 95,
    priorityArea: 289,
  },
  2009: {
    total: 1387,
    men: 728,
    women: 659,
    under26: 462,
    rsa: 489,
    civis: 270,
    longTermUnemployed: 574,
    disabledWorker: 65,
    priorityArea: 481,
  },
}

export const FLOW_2009 = { atStart: 3902, entries: 1387, exits: 1262, positive: 675, other: 587, atEnd: 4027 }

export type PositiveReason =
  | 'cdi'
  | 'cdd_over_6_months'
  | 'interim_1215h'
  | 'work_study'
  | 'qualifying_training'
  | 'business_creation'
  | 'cirma'
export const POSITIVE_REASONS: PositiveReason[] = [
  'cdi',
  'cdd_over_6_months',
  'interim_1215h',
  'work_study',
  'qualifying_training',
  'business_creation',
  'cirma',
]
export const CONTRACT_REASONS: PositiveReason[] = ['cdi', 'cdd_over_6_months', 'interim_1215h', 'work_study']

/**
 * Positive exits by year and reason. The report prints CDD over 6 months with long interim (2005–2008: split 3 to 1
 * here) and "subsidised contract or business creation" in one line (CIRMA and creations split as below).
 */
export const POSITIVE_BY_YEAR: Record<number, Record<PositiveReason, number>> = {
  2005: split(198, 178, 123, 80, 5, 80),
  2006: split(193, 172, 114, 63, 4, 18),
  2007: split(157, 253, 167, 45, 1, 0),
  2008: split(241, 252, 110, 46, 4, 1),
  2009: {
    cdi: 181,
    cdd_over_6_months: 222,
    interim_1215h: 84,
    work_study: 125,
    qualifying_training: 58,
    business_creation: 4,
    cirma: 1,
  },
}
function split(cdi: number, cddAndInterim: number, ws: number, training: number, creation: number, cirma: number) {
  const interim = Math.round(cddAndInterim / 4)
  return {
    cdi,
    cdd_over_6_months: cddAndInterim - interim,
    interim_1215h: interim,
    work_study: ws,
    qualifying_training: training,
    business_creation: creation,
    cirma,
  }
}

/**
 * Positive exits of 2009 by priority public (on entry) and reason: the priority-public table, whose RSA column sums to
 * 189 (the flow table prints 192: the data set follows the table that breaks the 189 down). The three publics are kept
 * apart among these exits (nobody in two of them).
 */
export const POSITIVE_2009_BY_PUBLIC: Record<'rsa' | 'rqth' | 'zus', Record<PositiveReason, number>> = {
  rsa: {
    cdi: 59,
    cdd_over_6_months: 66,
    work_study: 5,
    qualifying_training: 29,
    interim_1215h: 27,
    cirma: 0,
    business_creation: 3,
  },
  rqth: {
    cdi: 20,
    cdd_over_6_months: 21,
    work_study: 3,
    qualifying_training: 4,
    interim_1215h: 2,
    cirma: 0,
    business_creation: 0,
  },
  zus: {
    cdi: 35,
    cdd_over_6_months: 35,
    work_study: 18,
    qualifying_training: 7,
    interim_1215h: 27,
    cirma: 0,
    business_creation: 0,
  },
}

/** the employer-relations partners and the 2009 exits to contracts over 6 months credited to each (338 in all) */
export const PARTNER_EXITS: [string, number][] = [
  ['AAE Profil', 43],
  ['AFEJI', 27],
  ['AGIR', 62],
  ['APAHM', 16],
  ['Chambre des Métiers', 8],
  ['CIE Saint-Pol-sur-Mer', 22],
  ['CoudPouce', 24],
  ['Maison Initiative', 106],
  ['Triselec', 30],
]

/** steps that are market-sector contracts of at least one month started in 2009, and their participants */
export const EMPLOYMENT_STEPS_2009 = { steps: 1656, participants: 1153 }
/** persons of the whole organisation (all programmes) with an employment situation starting in 2009 */
export const INTO_EMPLOYMENT_2009 = 2600

/** funding used in 2009 per participant in pathway and its ESF part, in cents */
export const FUNDING_2009 = { perParticipantCents: 48373, esfPerParticipantCents: 20917 }

export interface DayRange {
  from: Day
  to: Day
}
