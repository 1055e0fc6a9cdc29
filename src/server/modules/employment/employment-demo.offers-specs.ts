import type { CandidateStatus, ContractKind, OfferStatus, RefusalReason } from './employment.tables.ts'

// The offers part of the day's demo, its data (employment-demo.offers.ts writes it): the ten offers of the demo
// employers and the people positioned on them, with the hires and how many of their follow-ups are done.

export interface OfferSpec {
  employer: number
  title: string
  rome: string
  kind: ContractKind
  months: number | null
  hours: number
  positions: number
  commune: [code: string, name: string, postcode: string]
  level: number | null
  licence: boolean
  experience: number | null
  requirements: string | null
  status: OfferStatus
  /** days ago it was created; closes this many days from today (negative: past) */
  created: number
  closes: number | null
  sites: string[]
}

const DK: OfferSpec['commune'] = ['59183', 'Dunkerque', '59140']
const GS: OfferSpec['commune'] = ['59271', 'Grande-Synthe', '59760']
const CB: OfferSpec['commune'] = ['59155', 'Coudekerque-Branche', '59210']
const GRAV: OfferSpec['commune'] = ['59273', 'Gravelines', '59820']
const WIDE = ['A-DK-CTR', 'A-DK-EST', 'A-GS', 'A-CB', 'P-HOND']

/** the demo's ten offers; the first is the journey's ROME (K2204) so a new offer of that job finds people */
export const DEMO_OFFERS: OfferSpec[] = [
  {
    employer: 1,
    title: 'Agent(e) de nettoyage industriel',
    rome: 'K2204',
    kind: 'cdd',
    months: 6,
    hours: 35,
    positions: 2,
    commune: DK,
    level: null,
    licence: false,
    experience: null,
    requirements: 'Horaires décalés (5 h – 12 h).',
    status: 'open',
    created: 40,
    closes: 20,
    sites: WIDE,
  },
  {
    employer: 2,
    title: 'Employé(e) de rayon libre-service',
    rome: 'D1507',
    kind: 'cdd',
    months: 3,
    hours: 30,
    positions: 1,
    commune: GS,
    level: 3,
    licence: false,
    experience: null,
    requirements: null,
    status: 'open',
    created: 25,
    closes: 12,
    sites: ['A-GS', 'A-DK-CTR'],
  },
  {
    employer: 3,
    title: 'Préparateur / préparatrice de commandes',
    rome: 'N1103',
    kind: 'interim',
    months: 2,
    hours: 35,
    positions: 4,
    commune: CB,
    level: null,
    licence: false,
    experience: 3,
    requirements: 'CACES 1 apprécié.',
    status: 'open',
    created: 120,
    closes: 30,
    sites: WIDE,
  },
  {
    employer: 4,
    title: 'Commis de cuisine en apprentissage',
    rome: 'G1602',
    kind: 'apprenticeship',
    months: 24,
    hours: 35,
    positions: 1,
    commune: DK,
    level: null,
    licence: false,
    experience: null,
    requirements: 'CAP cuisine préparé en alternance.',
    status: 'open',
    created: 30,
    closes: 25,
    sites: ['A-DK-CTR', 'A-DK-EST', 'P-HOND'],
  },
  {
    employer: 5,
    title: 'Équipier / équipière polyvalent(e)',
    rome: 'G1603',
    kind: 'cdi',
    months: null,
    hours: 24,
    positions: 3,
    commune: GRAV,
    level: null,
    licence: false,
    experience: null,
    requirements: 'Week-ends travaillés.',
    status: 'open',
    created: 50,
    closes: 15,
    sites: ['A-GRAV', 'A-DK-CTR', 'A-BOUR'],
  },
  {
    employer: 6,
    title: 'Assistant(e) de vie à domicile',
    rome: 'K1302',
    kind: 'cdd',
    months: 12,
    hours: 28,
    positions: 2,
    commune: CB,
    level: 3,
    licence: true,
    experience: null,
    requirements: 'Permis B et véhicule : déplacements entre les domiciles.',
    status: 'open',
    created: 15,
    closes: 40,
    sites: WIDE,
  },
  {
    employer: 7,
    title: 'Maçon / maçonne en contrat de professionnalisation',
    rome: 'F1703',
    kind: 'professionalisation',
    months: 12,
    hours: 35,
    positions: 1,
    commune: GS,
    level: null,
    licence: false,
    experience: null,
    requirements: null,
    status: 'open',
    created: 10,
    closes: 35,
    sites: ['A-GS', 'A-DK-CTR'],
  },
  {
    employer: 8,
    title: 'Hôte / hôtesse de caisse',
    rome: 'D1505',
    kind: 'cdd',
    months: 6,
    hours: 30,
    positions: 2,
    commune: DK,
    level: null,
    licence: false,
    experience: null,
    requirements: null,
    status: 'filled',
    created: 250,
    closes: -200,
    sites: WIDE,
  },
  {
    employer: 9,
    title: 'Manutentionnaire',
    rome: 'N1105',
    kind: 'interim',
    months: 1,
    hours: 35,
    positions: 1,
    commune: GRAV,
    level: null,
    licence: false,
    experience: null,
    requirements: null,
    status: 'closed',
    created: 90,
    closes: -30,
    sites: ['A-GRAV', 'A-DK-CTR'],
  },
  {
    employer: 10,
    title: 'Agent(e) d’entretien des espaces verts',
    rome: 'A1203',
    kind: 'insertion_contract',
    months: 6,
    hours: 26,
    positions: 3,
    commune: DK,
    level: null,
    licence: false,
    experience: null,
    requirements: null,
    status: 'draft',
    created: 2,
    closes: 45,
    sites: ['A-DK-CTR'],
  },
]

/** the people positioned: the offer, the slot among the persons whose project is the offer's job, where it stands */
export interface CandidateSpec {
  offer: number
  slot: number
  status: CandidateStatus
  /** days ago the person was positioned */
  positioned: number
  reason?: RefusalReason
  /** the hire: days ago the contract started, and how many of its follow-ups are done */
  hire?: { start: number; done: number }
  /** the interview, days from today */
  interview?: number
}
export const CANDIDATES: CandidateSpec[] = [
  { offer: 0, slot: 0, status: 'hired', positioned: 80, hire: { start: 45, done: 0 } },
  { offer: 0, slot: 1, status: 'interview', positioned: 12, interview: 3 },
  { offer: 0, slot: 2, status: 'proposed', positioned: 2 },
  { offer: 1, slot: 0, status: 'sent', positioned: 14 },
  { offer: 1, slot: 1, status: 'refused', positioned: 20, reason: 'experience' },
  { offer: 2, slot: 0, status: 'hired', positioned: 115, hire: { start: 100, done: 1 } },
  { offer: 2, slot: 1, status: 'withdrawn', positioned: 60 },
  { offer: 2, slot: 2, status: 'proposed', positioned: 5 },
  { offer: 3, slot: 0, status: 'interview', positioned: 20, interview: -2 },
  { offer: 4, slot: 0, status: 'hired', positioned: 40, hire: { start: 20, done: 0 } },
  { offer: 4, slot: 1, status: 'sent', positioned: 3 },
  { offer: 5, slot: 0, status: 'proposed', positioned: 4 },
  { offer: 7, slot: 0, status: 'hired', positioned: 245, hire: { start: 220, done: 3 } },
  { offer: 7, slot: 1, status: 'hired', positioned: 240, hire: { start: 130, done: 2 } },
  { offer: 7, slot: 2, status: 'refused', positioned: 235, reason: 'position_filled' },
  { offer: 8, slot: 0, status: 'refused', positioned: 80, reason: 'absent_interview' },
]
/** the steps a candidate went through to reach its status */
export const PATH: Record<CandidateStatus, CandidateStatus[]> = {
  proposed: [],
  sent: ['sent'],
  interview: ['sent', 'interview'],
  hired: ['sent', 'interview', 'hired'],
  refused: ['sent', 'refused'],
  withdrawn: ['withdrawn'],
}
export const OUTCOME_NOTES: Record<number, string> = {
  1: 'Bonne intégration dans l’équipe, horaires respectés.',
  3: 'Toujours en poste ; l’employeur envisage une prolongation.',
  6: 'En poste, contrat prolongé.',
}
