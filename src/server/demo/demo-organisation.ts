import type { ProgrammeType } from '../../shared/admin/admin.schema.ts'
import type { Role } from '../../shared/auth/roles.ts'

// The demo organisation: a fictitious association on a real territory (the Dunkirk coast, as in the seed report),
// 10 antennas and 10 desks covering 32 communes from the official list.

export const DEMO_STRUCTURE = { id: 'demo', name: 'Association Jalon Démo — Littoral' }
export const DEMO_PASSWORD = 'demo-jalon-2026'

/** The PLIE's contact rule (issue 11): a contact a month without a step under way, a quarter during a step. */
export const demoProgrammes = [
  { code: 'ML', name: 'Mission Locale', type: 'mission_locale' },
  {
    code: 'PLIE',
    name: 'PLIE — Plan local pour l’insertion et l’emploi',
    type: 'plie',
    contact_days: 31,
    contact_days_during_step: 92,
  },
] as const satisfies {
  code: string
  name: string
  type: ProgrammeType
  contact_days?: number
  contact_days_during_step?: number
}[]

interface DemoSite {
  code: string
  name: string
  kind: 'antenna' | 'desk'
  communes: string[]
}

export const demoSites: DemoSite[] = [
  { code: 'A-DK-CTR', name: 'Antenne Dunkerque Centre', kind: 'antenna', communes: ['59183'] },
  { code: 'A-DK-EST', name: 'Antenne Dunkerque Est', kind: 'antenna', communes: ['59340', '59668', '59107'] },
  { code: 'A-GS', name: 'Antenne Grande-Synthe', kind: 'antenna', communes: ['59271'] },
  { code: 'A-CB', name: 'Antenne Coudekerque-Branche', kind: 'antenna', communes: ['59155', '59016'] },
  { code: 'A-GRAV', name: 'Antenne Gravelines', kind: 'antenna', communes: ['59273', '59272', '59532', '59159'] },
  { code: 'A-BOUR', name: 'Antenne Bourbourg', kind: 'antenna', communes: ['59094', '59359'] },
  { code: 'A-CAP', name: 'Antenne Cappelle-la-Grande', kind: 'antenna', communes: ['59131', '59576'] },
  { code: 'A-TET', name: 'Antenne Téteghem', kind: 'antenna', communes: ['59588', '59260'] },
  { code: 'A-BERG', name: 'Antenne Bergues', kind: 'antenna', communes: ['59067', '59319', '59082'] },
  { code: 'A-WORM', name: 'Antenne Wormhout', kind: 'antenna', communes: ['59663', '59210', '59305'] },
  { code: 'P-HOND', name: 'Permanence Hondschoote', kind: 'desk', communes: ['59309', '59326'] },
  { code: 'P-WATT', name: 'Permanence Watten', kind: 'desk', communes: ['59647'] },
  { code: 'P-WARH', name: 'Permanence Warhem', kind: 'desk', communes: ['59641'] },
  { code: 'P-REXP', name: 'Permanence Rexpoëde', kind: 'desk', communes: ['59499'] },
  { code: 'P-ZEGE', name: 'Permanence Zegerscappel', kind: 'desk', communes: ['59666'] },
  { code: 'P-UXEM', name: 'Permanence Uxem', kind: 'desk', communes: ['59605'] },
  { code: 'P-BROU', name: 'Permanence Brouckerque', kind: 'desk', communes: ['59110'] },
  { code: 'P-BOLL', name: 'Permanence Bollezeele', kind: 'desk', communes: ['59089'] },
  { code: 'P-STEE', name: 'Permanence Steene', kind: 'desk', communes: ['59579'] },
  { code: 'P-LOOB', name: 'Permanence Looberghe', kind: 'desk', communes: ['59358'] },
]

interface DemoUser {
  email: string
  displayName: string
  role: Role
  /** site codes; '*' for all */
  sites: string[] | '*'
  programmes: string[]
}

export const demoUsers: DemoUser[] = [
  { email: 'admin@demo.jalon.fr', displayName: 'Alice Admin', role: 'admin', sites: '*', programmes: ['ML', 'PLIE'] },
  {
    email: 'direction@demo.jalon.fr',
    displayName: 'Denis Directeur',
    role: 'director',
    sites: '*',
    programmes: ['ML', 'PLIE'],
  },
  {
    email: 'conseiller@demo.jalon.fr',
    displayName: 'Claire Conseillère',
    role: 'counsellor',
    sites: ['A-DK-CTR', 'P-HOND'],
    programmes: ['ML'],
  },
  {
    email: 'referent.plie@demo.jalon.fr',
    displayName: 'Paul Référent',
    role: 'counsellor',
    sites: ['A-GS'],
    programmes: ['PLIE'],
  },
  {
    email: 'accueil@demo.jalon.fr',
    displayName: 'Rachid Accueil',
    role: 'reception',
    sites: ['A-DK-CTR'],
    programmes: ['ML', 'PLIE'],
  },
  {
    email: 'formation@demo.jalon.fr',
    displayName: 'Fanny Formation',
    role: 'training_officer',
    sites: '*',
    programmes: ['ML', 'PLIE'],
  },
  {
    email: 'entreprises@demo.jalon.fr',
    displayName: 'Eric Entreprises',
    role: 'employment_officer',
    sites: '*',
    programmes: ['ML', 'PLIE'],
  },
  { email: 'aides@demo.jalon.fr', displayName: 'Amina Aides', role: 'aid_officer', sites: '*', programmes: ['ML'] },
  {
    email: 'statistiques@demo.jalon.fr',
    displayName: 'Sophie Statistiques',
    role: 'statistician',
    sites: '*',
    programmes: ['ML', 'PLIE'],
  },
  {
    email: 'partenaire@demo.jalon.fr',
    displayName: 'Organisme Partenaire',
    role: 'partner',
    sites: ['A-DK-CTR'],
    programmes: [],
  },
  // the contact of the demo's training body (training.demo.ts): its portal, its sessions and the people prescribed
  {
    email: 'organisme@demo.jalon.fr',
    displayName: 'Nadia Lefort',
    role: 'partner',
    sites: ['A-DK-CTR'],
    programmes: [],
  },
]
