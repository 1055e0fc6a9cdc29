import type { TrainingFunder, TrainingSituationKind } from './training.tables.ts'

// The day's demo catalogue (training.demo.ts writes it): four bodies, eight actions across funders with their NSF
// codes, and their sessions placed in days from the demo's day.

/** the demo body of the partner account, and its upcoming session's action (the journey prescribes on it) */
export const DEMO_BODY_NAME = 'Institut Littoral Formation'
export const DEMO_UPCOMING_ACTION = 'Agent de propreté et d’hygiène'
export const BODIES = [
  {
    name: DEMO_BODY_NAME,
    siret: '81234567800013',
    address: '12 rue du Port',
    commune_code: '59183',
    contact_name: 'Nadia Lefort',
    contact_email: 'contact@littoral-formation.example',
    contact_phone: '03 28 00 12 34',
  },
  {
    name: 'AFPA Dunkerque',
    siret: '79845123000022',
    address: '3 avenue de l’Industrie',
    commune_code: '59271',
    contact_name: 'Hervé Marchand',
    contact_email: 'dunkerque@afpa.example',
    contact_phone: '03 28 00 56 78',
  },
  {
    name: 'GRETA Grand Littoral',
    siret: '13098765400030',
    address: '5 place de la République',
    commune_code: '59155',
    contact_name: 'Sylvie Caron',
    contact_email: 'greta@grand-littoral.example',
    contact_phone: null,
  },
  {
    name: 'Association Savoirs en Flandre',
    siret: '44213579000040',
    address: null,
    commune_code: '59273',
    contact_name: 'Karim Benali',
    contact_email: null,
    contact_phone: '03 28 00 90 12',
  },
] as const

interface ActionSpec {
  body: number
  code: string
  title: string
  funder: TrainingFunder
  nsf: string
  kind: TrainingSituationKind
  level: number | null
  hours: number
  places: number
}
export const ACTIONS: ActionSpec[] = [
  {
    body: 0,
    code: 'PRF-0101',
    title: DEMO_UPCOMING_ACTION,
    funder: 'regional_programme',
    nsf: '343t',
    kind: 'qualifying_training',
    level: 3,
    hours: 420,
    places: 12,
  },
  {
    body: 0,
    code: 'PRF-0102',
    title: 'Préparation aux métiers de la logistique',
    funder: 'regional_programme',
    nsf: '311m',
    kind: 'pre_qualifying_training',
    level: null,
    hours: 280,
    places: 4,
  },
  {
    body: 1,
    code: 'AFPA-254',
    title: 'Soudeur TIG électrode enrobée',
    funder: 'afpa',
    nsf: '254s',
    kind: 'qualifying_training',
    level: 3,
    hours: 910,
    places: 10,
  },
  {
    body: 1,
    code: 'AFPA-311',
    title: 'Agent magasinier',
    funder: 'afpa',
    nsf: '311t',
    kind: 'qualifying_training',
    level: 3,
    hours: 560,
    places: 12,
  },
  {
    body: 2,
    code: 'ETAT-412',
    title: 'Savoirs de base et remise à niveau',
    funder: 'state',
    nsf: '412',
    kind: 'basic_skills_training',
    level: null,
    hours: 200,
    places: 15,
  },
  {
    body: 2,
    code: 'FT-312',
    title: 'Conseiller de vente',
    funder: 'france_travail',
    nsf: '312t',
    kind: 'qualifying_training',
    level: 4,
    hours: 600,
    places: 10,
  },
  {
    body: 3,
    code: 'AGEF-324',
    title: 'Employé administratif et d’accueil',
    funder: 'agefiph',
    nsf: '324t',
    kind: 'qualifying_training',
    level: 3,
    hours: 700,
    places: 8,
  },
  {
    body: 3,
    code: 'DEC-330',
    title: 'Découverte des métiers du service à la personne',
    funder: 'other',
    nsf: '330',
    kind: 'orientation_training',
    level: null,
    hours: 105,
    places: 10,
  },
]

/** sessions: the action, days from today to the start and the end, the information session's day (from today) */
export const SESSIONS: { action: number; start: number; end: number; info: number | null; places?: number }[] = [
  { action: 0, start: -150, end: -30, info: -165 }, // ended: its people exited
  { action: 0, start: 21, end: 140, info: 7 }, // upcoming, information session next week (the journey's)
  { action: 1, start: 14, end: 75, info: 4, places: 4 }, // almost full
  { action: 2, start: -20, end: 110, info: -35 }, // running
  { action: 3, start: 35, end: 150, info: 12 },
  { action: 4, start: 7, end: 60, info: 2 },
  { action: 5, start: 45, end: 160, info: 20 },
  { action: 6, start: -60, end: 80, info: -75 },
  { action: 7, start: 28, end: 50, info: 10 },
]
