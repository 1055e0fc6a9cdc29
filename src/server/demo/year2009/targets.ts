// The Mission Locale figures of the 2009 report (shared/reference/figures-2009.json, `missionLocale`), turned into the
// counts the data set is built to. Where the report prints a share, the count is the one whose share rounds to the
// printed value over the population it is a share of; where no count does (two-decimal shares over 7036 or 2201 people
// step by 0.014 or 0.045 points), the nearest count is taken and docs/demo-2009.md says so.

export const BANDS = ['16-17', '18-21', '22-25', '26+'] as const
export type Band = (typeof BANDS)[number]
export const LEVELS = ['III+', 'IV', 'V', 'Vbis', 'VI'] as const
export type ReportLevel = (typeof LEVELS)[number]

/** youth in contact in 2009 by level and age band at 31/12 (every cell of the report's table) */
export const YOUTH_BY_LEVEL_AND_BAND: Record<ReportLevel, Record<Band, number>> = {
  'III+': { '16-17': 0, '18-21': 59, '22-25': 309, '26+': 42 },
  IV: { '16-17': 3, '18-21': 729, '22-25': 1136, '26+': 108 },
  V: { '16-17': 96, '18-21': 1598, '22-25': 1198, '26+': 113 },
  Vbis: { '16-17': 181, '18-21': 668, '22-25': 400, '26+': 54 },
  VI: { '16-17': 43, '18-21': 140, '22-25': 143, '26+': 16 },
}
export const YOUTH_IN_CONTACT = 7036
/** 53 % men: 3729 / 7036 = 53.0 % */
export const YOUTH_MEN = 3729
/** 26.2 %: 1843 / 7036 = 26.19 % */
export const YOUTH_ZUS = 1843

/** persons enrolled in the Mission Locale during 2009 without any contact in the year (files closed for lack of contact) */
export const LAPSED = 1700

/** Diploma at 31/12 by level (III+ split into the 1969 levels III, II, I). none: 3384 = 48.1 %; none + CFG/brevet +
 * CAP/BEP: 5178 = 73.6 % (the report's "infra IV", read on the diploma). */
export const DIPLOMA_AT_END = {
  III: { bac: 150, bac2: 120 },
  II: { bac2: 80, bac3plus: 20 },
  I: { bac3plus: 40 },
  IV: { bac: 1448, cap_bep: 380, cfg_dnb: 60, none: 88 },
  V: { none: 1851, cap_bep: 1000, cfg_dnb: 154 },
  Vbis: { none: 1103, cfg_dnb: 200 },
  VI: { none: 342 },
} as const

/** at 31/12/2009, over the 7036 youth in contact */
export const FAMILY_AT_END = { single: 6137, married: 223, cohabiting: 618, other: 58 } // single: 87.22 (printed 87.23, unreachable)
export const HOUSING_AT_END = { with_parents: 4404, own: 1686, hosted: 499, hostel: 221, other: 226 } // hosted: 7.09 (7.10)
export const RESOURCES_AT_END = {
  none: 2800,
  salary: 1392,
  rsa: 227,
  benefits_family: 125,
  unemployment_benefit: 857,
  training_allowance: 354,
  other: 1281, // 18.21 (printed 18.20, unreachable)
}
export const LICENCE_AT_END = { none: 3643, in_progress: 726, holder: 2445, unknown: 222 } // in_progress: 10.32 (10.31)

// First receptions ------------------------------------------------------------------------------------------------

export const FIRST_RECEPTIONS = 2201
/** 46.9 % women: 1032 / 2201 = 46.89 % */
export const FIRST_RECEPTION_WOMEN = 1032
/** 21.67 %: 477 / 2201 */
export const FIRST_RECEPTION_ZUS = 477

export type FrLevel = ReportLevel | 'unknown'
/**
 * First receptions by level on the first reception day (rows) and by age band on that day, split by the band reached at
 * 31/12 (a 17-year-old received in March is often 18 in December). `unknown` rows name the level recorded later in
 * the year. Bands at first reception: 374 (17.0 %), 1229 (55.8 %), 598 (27.2 %); levels: VI 102 (4.6 %), Vbis 365
 * (16.6 %), V 810 (36.8 %), IV 678 (30.8 %), III+ 222 (10.1 %), unknown 24 (1.1 %).
 */
export const FIRST_RECEPTION_CELLS: {
  level: FrLevel
  endLevel: ReportLevel
  frBand: Band
  endBand: Band
  count: number
}[] = [
  ...cells('VI', 'VI', [35, 10, 33, 4, 18, 2]),
  ...cells('Vbis', 'Vbis', [150, 50, 106, 14, 40, 5]),
  ...cells('V', 'V', [80, 40, 440, 60, 168, 22]),
  ...cells('IV', 'IV', [2, 5, 440, 60, 150, 21]),
  ...cells('III+', 'III+', [0, 0, 45, 15, 140, 22]),
  ...cells('unknown', 'Vbis', [2, 0, 0, 0, 0, 0]),
  ...cells('unknown', 'V', [0, 0, 12, 0, 0, 0]),
  ...cells('unknown', 'IV', [0, 0, 0, 0, 10, 0]),
]

function cells(level: FrLevel, endLevel: ReportLevel, c: number[]) {
  const moves: [Band, Band][] = [
    ['16-17', '16-17'],
    ['16-17', '18-21'],
    ['18-21', '18-21'],
    ['18-21', '22-25'],
    ['22-25', '22-25'],
    ['22-25', '26+'],
  ]
  return moves.map(([frBand, endBand], i) => ({ level, endLevel, frBand, endBand, count: c[i] })).filter((x) => x.count)
}

/** Diploma on the first reception day, by level then (level unknown: diploma recorded with the level, later). none:
 * 926 = 42.1 %; none + CFG + CAP/BEP: 1443 = 65.6 %. The diploma does not change before 31/12. */
export const FIRST_RECEPTION_DIPLOMA = {
  III: { bac: 90, bac2: 60 },
  II: { bac2: 40, bac3plus: 10 },
  I: { bac3plus: 22 },
  IV: { bac: 512, cap_bep: 100, cfg_dnb: 12, none: 54 },
  V: { none: 440, cap_bep: 330, cfg_dnb: 40 },
  Vbis: { none: 330, cfg_dnb: 35 },
  VI: { none: 102 },
} as const
/** the 24 whose level is recorded after the first reception: the diploma they end the year with, by end level */
export const LATE_LEVEL_DIPLOMA = { Vbis: { none: 2 }, V: { none: 6, cap_bep: 6 }, IV: { bac: 7, cap_bep: 3 } } as const

/** means of transport on the first reception day: car or moped 546 (24.81 %, printed 24.82), public transport 1216
 * (55.25 %, printed 55.24), none 50 (2.27 %, printed 2.29); no count over 2201 gives the printed values */
export const FIRST_RECEPTION_MOBILITY = {
  car: 430,
  moped: 116,
  public_transport: 1216,
  none: 50,
  bicycle: 300,
  unrecorded: 89,
}

// Propositions ----------------------------------------------------------------------------------------------------

export const PROPOSITIONS_2009 = {
  employment_access: 41514,
  training: 14310,
  career_plan: 12933,
  housing: 3427,
  health: 3308,
  citizenship: 10924,
  leisure_sport_culture: 3851,
}
export const PROPOSITION_PERSONS_2009 = 6276
/** +15.5 %: 90267 / 78153 = 1.15500; +1.2 %: 6276 / 6202 = 1.0119 */
export const PROPOSITIONS_2008_TOTAL = 78153
export const PROPOSITION_PERSONS_2008 = 6202

// Situations: entries into employment and training ------------------------------------------------------------------

export type MeasureGroup = 'employment' | 'work_study' | 'integration_contract' | 'training'

/** situations started in each year, by kind (the groups add up to the report's measures) */
export const SITUATION_KINDS_BY_YEAR: Record<2007 | 2008 | 2009, Record<string, number>> = {
  2009: {
    // employment (CDD, CDI…) 2457
    cdd: 1180,
    interim: 820,
    cdi: 290,
    seasonal: 120,
    self_employed: 12,
    other_employment: 35,
    // work-study 333, of which apprenticeship 195, professionalisation 138
    apprenticeship: 195,
    professionalisation: 138,
    // integration contracts 568
    subsidised_contract: 392,
    insertion_contract: 176,
    // training 1413 (return to initial education: 99, as in the training department's section)
    qualifying_training: 520,
    pre_qualifying_training: 450,
    orientation_training: 200,
    basic_skills_training: 144,
    return_to_school: 99,
  },
  2008: {
    cdd: 1290,
    interim: 930,
    cdi: 330,
    seasonal: 120,
    self_employed: 8,
    other_employment: 35, // 2713
    apprenticeship: 151,
    professionalisation: 193, // 344
    subsidised_contract: 150,
    insertion_contract: 86, // 236
    qualifying_training: 480,
    pre_qualifying_training: 430,
    orientation_training: 220,
    basic_skills_training: 130,
    return_to_school: 90, // 1350, not in the report
  },
  2007: {
    cdd: 1100,
    interim: 780,
    cdi: 300,
    seasonal: 100,
    self_employed: 6,
    other_employment: 28, // 2314
    apprenticeship: 86,
    professionalisation: 158, // 244
    subsidised_contract: 270,
    insertion_contract: 125, // 395
    qualifying_training: 460,
    pre_qualifying_training: 410,
    orientation_training: 230,
    basic_skills_training: 120,
    return_to_school: 80, // 1300, not in the report
  },
}

/**
 * 2009 persons: employment 1570, work-study 326, integration 506, together 2257 (145 persons in two of these groups),
 * training 1216, of whom 375 also in an employment group: 3098 persons in all.
 */
export const SITUATION_PERSONS_2009 = {
  /** persons in exactly these employment groups (E = employment, W = work-study, I = integration contract), and how
   * many of them also start a training */
  employmentSets: [
    { groups: ['employment'], count: 1435, withTraining: 250 },
    { groups: ['work_study'], count: 276, withTraining: 30 },
    { groups: ['integration_contract'], count: 401, withTraining: 70 },
    { groups: ['employment', 'work_study'], count: 40, withTraining: 5 },
    { groups: ['employment', 'integration_contract'], count: 95, withTraining: 20 },
    { groups: ['work_study', 'integration_contract'], count: 10, withTraining: 0 },
  ] as { groups: MeasureGroup[]; count: number; withTraining: number }[],
  trainingOnly: 841,
}

/** immersions (PMSMP), group "other": counted by no employment or training figure */
export const IMMERSIONS_2009 = 240

// CIVIS ----------------------------------------------------------------------------------------------------------

/** 2009 entries: 1112 (561 women = 50.4 %; 278 reinforced = 25.0 %; 678 aged 18-21 on entry = 61.0 %) */
export const CIVIS_ENTRIES_2009 = {
  F: { '16-17': 75, '18-21': 342, '22-25': 144 },
  M: { '16-17': 75, '18-21': 336, '22-25': 140 },
} as const
export const CIVIS_REINFORCED_2009 = 278
/** of them, leaving before 31/12/2009 */
export const CIVIS_2009_ENTRIES_EXITED_2009 = 381
/** contracts signed in 2007 and 2008 that end in 2009: with the 381 above, 2131 exits in 2009 */
export const CIVIS_EARLIER_EXITED_2009 = { 2007: 500, 2008: 1250 }
/** contracts signed in 2007–2008 that ended in 2008, and 2008 contracts still running at 31/12/2009 (history only) */
export const CIVIS_EARLIER_ENDED_2008 = 420
export const CIVIS_EARLIER_OPEN = 40

/** youth under justice supervision accompanied in 2009 (report: 215) */
export const JUSTICE_YOUTH = 215
