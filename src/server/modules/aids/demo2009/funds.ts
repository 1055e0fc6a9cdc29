// The aids' part of the 2009 data set: its funds, their 2009 envelopes, and what the generator builds (docs/demo-2009.md,
// « Aids »). These are the data set's constants, chosen so that the indicators give the 2009 report's figures back;
// aids-report-2009.test.ts compares the engine's results with figures-2009.json, never with these.
// The codes are the demo's (aids-demo.funds.ts): the day's demo takes these funds over instead of adding its own.

export type FundCode = 'FIPJ' | 'FDAJ' | 'CIVIS' | 'CLAP' | 'VACANCES'

export interface Fund2009 {
  code: FundCode
  name: string
  kind: 'individual' | 'allowance' | 'project' | 'holiday'
  funder: string
  decidedBy: 'officer' | 'commission'
  programmeTypes: string[]
  minAge: number
  maxAge: number
  purposes: string[]
  tracks: string[]
  paymentModes: string[]
  opensOn: string | null
  ceilingRequestCents?: number
  ceilingMonthCents?: number
  ceilingPersonYearCents?: number
  fixedAmountCents?: number
  /** [year, funder, euros] */
  envelopes: [number, string, number][]
}

export const FUNDS_2009: Fund2009[] = [
  {
    code: 'FIPJ',
    name: 'Fonds pour l’insertion professionnelle des jeunes',
    kind: 'individual',
    funder: 'État',
    decidedBy: 'officer',
    programmeTypes: ['civis', 'cej'],
    minAge: 16,
    maxAge: 25,
    purposes: ['meals', 'transport', 'clothing', 'accommodation', 'training'],
    tracks: ['emergency', 'ordinary'],
    paymentModes: ['meal_vouchers', 'transport_vouchers', 'third_party', 'transfer'],
    // the direct aids of 2009 run from 1 March (« du 01/03/2009 au 31/12/2009 »)
    opensOn: '2009-03-01',
    ceilingRequestCents: 30_000,
    ceilingPersonYearCents: 90_000,
    envelopes: [[2009, 'État', 70_000]],
  },
  {
    code: 'FDAJ',
    name: 'Fonds départemental d’aide aux jeunes',
    kind: 'individual',
    funder: 'Département du Nord',
    decidedBy: 'officer',
    programmeTypes: [],
    minAge: 16,
    maxAge: 24,
    purposes: ['subsistence', 'transport', 'accommodation', 'energy_debt', 'driving_licence', 'childcare', 'training'],
    tracks: ['emergency', 'ordinary', 'reinforced'],
    paymentModes: ['cash', 'transfer', 'cheque', 'third_party'],
    opensOn: null,
    ceilingRequestCents: 50_000,
    envelopes: [
      [2008, 'Département du Nord', 85_000],
      [2009, 'Département du Nord', 90_000],
    ],
  },
  {
    code: 'CIVIS',
    name: 'Allocation CIVIS / CEJ',
    kind: 'allowance',
    funder: 'État',
    decidedBy: 'officer',
    programmeTypes: ['civis', 'cej'],
    minAge: 18,
    maxAge: 25,
    purposes: ['allowance'],
    tracks: ['ordinary'],
    paymentModes: ['transfer'],
    opensOn: null,
    ceilingMonthCents: 30_000,
    ceilingPersonYearCents: 90_000,
    envelopes: [[2009, 'État', 370_000]],
  },
  {
    code: 'CLAP',
    name: 'Comité local d’aide aux projets des jeunes',
    kind: 'project',
    funder: 'État, Région, Communauté urbaine de Dunkerque',
    decidedBy: 'commission',
    programmeTypes: [],
    minAge: 16,
    maxAge: 30,
    purposes: ['project'],
    tracks: ['ordinary'],
    paymentModes: ['transfer', 'third_party'],
    opensOn: null,
    ceilingRequestCents: 400_000,
    envelopes: [
      [2009, 'État (DRDJS)', 15_000],
      [2009, 'Région Nord-Pas-de-Calais', 15_000],
      [2009, 'Communauté urbaine de Dunkerque', 15_000],
    ],
  },
  {
    code: 'VACANCES',
    name: 'Aides aux vacances des jeunes',
    kind: 'holiday',
    funder: 'Caisse d’allocations familiales du Nord',
    decidedBy: 'officer',
    programmeTypes: [],
    minAge: 16,
    maxAge: 25,
    purposes: ['holiday'],
    tracks: ['ordinary'],
    paymentModes: ['third_party'],
    opensOn: null,
    fixedAmountCents: 18_000,
    envelopes: [[2009, 'Caisse d’allocations familiales du Nord', 46_440]],
  },
]

/** What the generator builds (cents where it says so). */
export const PLAN_2009 = {
  fipj: {
    requests: 574,
    granted: 441,
    redirected: 98,
    refused: 35,
    /** persons granted: minors and adults on their first granted request (21 / 291 = 7,22 %) */
    minors: 21,
    adults: 270,
    /** of the adults, those with two granted requests (270 + 150 = 420 requests) */
    adultsTwice: 150,
    byPurpose: {
      meals: { granted: 210, cents: 2_268_250 },
      transport: { granted: 152, cents: 1_637_109 },
      clothing: { granted: 24, cents: 260_995 },
      accommodation: { granted: 4, cents: 32_500 },
      training: { granted: 51, cents: 551_407 },
    },
    indirect: [
      [
        'Formation « Câbleurs pour réseau informatique et télécommunication » (Technicom), session 1',
        '2009-04-06',
        682_000,
        7,
      ],
      [
        'Formation « Câbleurs pour réseau informatique et télécommunication » (Technicom), session 2',
        '2009-09-14',
        682_000,
        7,
      ],
      ['Ateliers de recherche d’emploi « Speed Comport’in »', '2009-06-02', 231_000, 22],
      ['Formation CQP Agent de prévention et de sécurité', '2009-10-05', 425_607, 5],
      ['Garde d’enfant : accompagnement de 80 heures par l’AFAD', '2009-11-16', 76_000, 2],
    ] as [string, string, number, number][],
  },
  fdaj: {
    /** by track: requests, granted, euros granted (2009 and 2008) */
    2009: {
      emergency: { requests: 272, granted: 190, cents: 2_160_500, months: 0 },
      ordinary: { requests: 209, granted: 156, cents: 2_756_700, months: 0 },
      reinforced: { requests: 171, granted: 146, cents: 3_646_000, months: 438 },
    },
    2008: {
      emergency: { requests: 200, granted: 150, cents: 1_800_000, months: 0 },
      ordinary: { requests: 230, granted: 170, cents: 2_700_000, months: 0 },
      reinforced: { requests: 90, granted: 80, cents: 3_397_800, months: 240 },
    },
    /** requests of 2009 by purpose (subsistence 43 %, transport 14 %) */
    purposes: {
      subsistence: 280,
      transport: 91,
      accommodation: 110,
      energy_debt: 75,
      driving_licence: 40,
      childcare: 30,
      training: 26,
    },
  },
  allowance: { requests: 4415, euros: 368_965, maxMonthsPerPerson: 5 },
  clap: {
    /** funded projects by nature and sector, then those not funded */
    funded: [
      ['economic', 'retail', 12],
      ['economic', 'craft', 4],
      ['economic', 'health', 4],
      ['social', null, 1],
      ['cultural', null, 1],
    ] as [string, string | null, number][],
    notFunded: [
      ['economic', 'services', 'refused'],
      ['sport', null, 'refused'],
      ['economic', 'retail', 'deferred'],
      ['economic', 'retail', null],
      ['cultural', null, null],
      ['economic', 'craft', null],
    ] as [string, string | null, 'refused' | 'deferred' | null][],
    youth: 50,
    euros: 43_700,
    jobs: 23,
  },
  holidays: { projects: 133, youth: 258, perYouthCents: 18_000 },
}
