import type { Day } from '../../../demo/year2009/days.ts'
import type { PlieCommittee } from './committees.ts'

// The PLIE part of the 2009 data set as plain data (plan.ts builds it, write.ts writes it).

/** an adult the PLIE brings (the youth are persons of the Mission Locale part: `PliePathway.youth`) */
export interface PlieAdult {
  i: number
  sex: 'F' | 'M'
  birth: Day
  firstName: string
  lastName: string
  site: string
  commune: string
  address: string
  zus: boolean
  firstReception: Day
}

export interface PliePathway {
  i: number
  /** index in PliePlan.adults, or null for a youth of the Mission Locale part */
  adult: number | null
  /** index in the Mission Locale plan's persons, or null for an adult */
  youth: number | null
  entry: Day
  exit: Day | null
  reason: string | null
  /** index in PliePlan.staff */
  referent: number
  /** index in PliePlan.organisations of the employer-relations partner credited with the exit */
  partner: number | null
  /** in a CIVIS contract on the entry day (youth only) */
  civis: boolean
  /** statuses held on the entry day (written as status periods) */
  rsa: boolean
  longTermUnemployed: boolean
  disabledWorker: boolean
}

/** a step: a new situation of an adult, or (`mlSituation`) a situation the Mission Locale part wrote for a youth */
export interface PlieStep {
  pathway: number
  mlSituation: number | null
  kind: string
  start: Day
  plannedEnd: Day | null
  end: Day | null
  /** index in PliePlan.organisations (a work-integration structure), or null */
  organisation: number | null
  /** the employer or training body, as written on the situation */
  organisationName: string | null
  hours: number | null
  /** the situation that proves the pathway's positive exit */
  proof: boolean
}

export interface PlieOrganisation {
  kind: 'aci' | 'ei' | 'ai' | 'etti' | 'employer_relations'
  name: string
  agreement: string | null
  places: number | null
}

export interface PlieStaff {
  email: string
  displayName: string
  site: string
}

export interface PlieFunding {
  funder: 'esf' | 'state_urban_policy' | 'departement' | 'communes'
  operation: string
  programmedCents: number
  realisedCents: number
}

export interface PliePlan {
  staff: PlieStaff[]
  organisations: PlieOrganisation[]
  adults: PlieAdult[]
  pathways: PliePathway[]
  steps: PlieStep[]
  funding: PlieFunding[]
  /** the committees of 2009 and the entries they decided */
  committees: PlieCommittee[]
}
