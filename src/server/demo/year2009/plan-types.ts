import type { Level1969 } from '../../../shared/nomenclatures/person.ts'
import type { Day } from './days.ts'
import type { Band, FrLevel, ReportLevel } from './targets.ts'
import type { StaffMember } from './territory.ts'

/**
 * `new`: first received in 2009; `old`: received before 2009 and in contact in 2009; `lapsed`: received before 2009,
 * still enrolled in the Mission Locale in 2009, no contact in 2009 (the file is closed in the first half of the year).
 */
export type PersonKind = 'new' | 'old' | 'lapsed'
export type Diploma = 'none' | 'cfg_dnb' | 'cap_bep' | 'bac' | 'bac2' | 'bac3plus'

export interface PlanPerson {
  i: number
  kind: PersonKind
  sex: 'F' | 'M'
  birth: Day
  firstName: string
  lastName: string
  site: string
  commune: string
  address: string
  phone: string | null
  zus: boolean
  /** index in Plan.staff */
  referent: number
  firstReception: Day
  /** the cell the person is built for */
  endLevel: ReportLevel
  endBand: Band
  frLevel: FrLevel | null
  frBand: Band | null
  level: Level1969
  /** the level (and diploma) are recorded on this day: the first reception, or later when unknown at first reception */
  levelFrom: Day
  diploma: Diploma
  mlExit: Day | null
  mlExitReason: string | null
  justice: boolean
}

export interface PlanAttribute {
  p: number
  attribute: string
  value: string
  level2019: number | null
  from: Day
}

export interface PlanEvent {
  p: number
  kind: string
  date: Day
  staff: number
  minutes: number | null
  attendance: 'present' | 'excused' | 'absent'
}

export interface PlanProposition {
  p: number
  date: Day
  domain: 'professional' | 'social' | 'social_life'
  theme: string
  outcome: string
  minutes: number
  staff: number
}

export interface PlanSituation {
  p: number
  kind: string
  start: Day
  plannedEnd: Day | null
  end: Day | null
  organisation: string | null
  hours: number | null
  staff: number
}

export interface PlanCivis {
  p: number
  entry: Day
  exit: Day | null
  exitReason: string | null
  reinforced: boolean
}

export interface PlanStatus {
  p: number
  status: 'rsa' | 'justice'
  detail: string | null
  start: Day
  end: Day | null
}

export interface Plan {
  staff: StaffMember[]
  persons: PlanPerson[]
  attributes: PlanAttribute[]
  events: PlanEvent[]
  propositions: PlanProposition[]
  situations: PlanSituation[]
  civis: PlanCivis[]
  statuses: PlanStatus[]
}
