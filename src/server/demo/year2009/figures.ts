// The Mission Locale figures as the indicator contract defines them (briefs: ml-indicators-contract), computed two
// ways with the same shape: from the plan in memory (plan-figures.ts, fast, for unit tests) and from the database with
// plain SQL (checker.ts). `printed` holds what the report prints; `expectedShares` says which printed shares the data
// set gives back and, for the few it cannot, the value it gives instead (docs/demo-2009.md explains each).

export type Counts = Record<string, number>

export interface Figures {
  youth: {
    total: number
    byLevelAndBand: Record<string, Counts>
    men: number
    family: Counts
    housing: Counts
    resources: Counts
    licence: Counts
    aged18to25: number
    minors: number
    infraV: number
    noDiploma: number
    belowLevelIV: number
    zus: number
  }
  firstReceptions: {
    total: number
    byBand: Counts
    byLevel: Counts
    women: number
    under22: number
    minors: number
    infraV: number
    noDiploma: number
    noBaccalaureate: number
    zus: number
    mobility: { carOrMotorbike: number; publicTransport: number; none: number }
  }
  propositions: {
    total: number
    byTheme: Counts
    byDomain: Counts
    persons: number
    total2008: number
    persons2008: number
  }
  /** by year, by group: measures and distinct persons */
  situations: Record<string, Record<string, { measures: number; persons: number }>>
  civis: { entries: number; women: number; reinforced: number; aged18to21: number; exits: number }
  intoEmployment: number
}

/** count / total as a percentage rounded half up to `decimals`, computed on integers (no floating-point surprises) */
export function share(count: number, total: number, decimals: number): number {
  const scale = 100 * 10 ** decimals
  return Math.floor((2 * count * scale + total) / (2 * total)) / 10 ** decimals
}

export const SITUATION_GROUPS: Record<string, string[]> = {
  employmentCddCdi: ['cdi', 'cdd', 'interim', 'seasonal', 'self_employed', 'other_employment'],
  workStudyContract: ['apprenticeship', 'professionalisation'],
  ofWhichApprenticeship: ['apprenticeship'],
  ofWhichProfessionalisation: ['professionalisation'],
  integrationContract: ['subsidised_contract', 'insertion_contract'],
  employmentTotal: [
    'cdi',
    'cdd',
    'interim',
    'seasonal',
    'self_employed',
    'other_employment',
    'apprenticeship',
    'professionalisation',
    'subsidised_contract',
    'insertion_contract',
  ],
  training: [
    'qualifying_training',
    'pre_qualifying_training',
    'orientation_training',
    'basic_skills_training',
    'return_to_school',
  ],
}
SITUATION_GROUPS.grandTotal = [...SITUATION_GROUPS.employmentTotal, ...SITUATION_GROUPS.training]

export const ageBand = (age: number) => (age < 18 ? '16-17' : age < 22 ? '18-21' : age < 26 ? '22-25' : '26+')
export const reportLevel = (l: string | null | undefined) =>
  l === 'III' || l === 'II' || l === 'I' ? 'III+' : (l ?? 'unknown')
