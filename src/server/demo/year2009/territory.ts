import { demoSites } from '../demo-organisation.ts'
import { COUNSELLOR_NAMES, RECEPTION_NAMES } from './names.ts'

// Where the youth live and who follows them: the demo organisation's 20 sites (demo-organisation.ts), the 29 counsellors
// and 11 reception staff of the 2009 report. Desks are staffed by the counsellors of an antenna nearby.

/** share of the youth followed by each site (urban antennas carry most of them) */
export const SITE_WEIGHTS: Record<string, number> = {
  'A-DK-CTR': 20,
  'A-DK-EST': 8,
  'A-GS': 15,
  'A-CB': 9,
  'A-GRAV': 8,
  'A-BOUR': 5,
  'A-CAP': 7,
  'A-TET': 5,
  'A-BERG': 4,
  'A-WORM': 4,
  'P-HOND': 2,
  'P-WATT': 2,
  'P-WARH': 1,
  'P-REXP': 1.5,
  'P-ZEGE': 1,
  'P-UXEM': 1,
  'P-BROU': 1,
  'P-BOLL': 1.5,
  'P-STEE': 2,
  'P-LOOB': 1,
}

/** the antenna whose counsellors hold each desk */
export const DESK_ANTENNA: Record<string, string> = {
  'P-HOND': 'A-BERG',
  'P-REXP': 'A-BERG',
  'P-STEE': 'A-BERG',
  'P-WARH': 'A-TET',
  'P-UXEM': 'A-TET',
  'P-WATT': 'A-WORM',
  'P-ZEGE': 'A-WORM',
  'P-BOLL': 'A-WORM',
  'P-BROU': 'A-BOUR',
  'P-LOOB': 'A-BOUR',
}

/** communes with a ZUS neighbourhood (urban policy areas of 2009) */
export const ZUS_COMMUNES = new Set(['59183', '59271', '59155', '59131', '59273'])

const COUNSELLORS_PER_ANTENNA: Record<string, number> = {
  'A-DK-CTR': 6, // of whom the justice referent (CIVIS for youth under justice supervision)
  'A-DK-EST': 2,
  'A-GS': 5,
  'A-CB': 3,
  'A-GRAV': 3,
  'A-BOUR': 2,
  'A-CAP': 2,
  'A-TET': 2,
  'A-BERG': 2,
  'A-WORM': 2,
}
const RECEPTION_PER_ANTENNA: Record<string, number> = { 'A-DK-CTR': 2 }

export interface StaffMember {
  email: string
  displayName: string
  role: 'counsellor' | 'reception'
  antenna: string
  /** the antenna and the desks it holds */
  sites: string[]
  justiceReferent: boolean
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.')

export const antennaOf = (site: string) => DESK_ANTENNA[site] ?? site
const sitesOf = (antenna: string) => [antenna, ...Object.keys(DESK_ANTENNA).filter((d) => DESK_ANTENNA[d] === antenna)]

export function planStaff(): StaffMember[] {
  const antennas = demoSites.filter((s) => s.kind === 'antenna').map((s) => s.code)
  const staff: StaffMember[] = []
  let c = 0
  for (const a of antennas)
    for (let i = 0; i < COUNSELLORS_PER_ANTENNA[a]; i++) {
      const name = COUNSELLOR_NAMES[c++]
      staff.push({
        email: `${fold(name)}@ml2009.demo.jalon.fr`,
        displayName: name,
        role: 'counsellor',
        antenna: a,
        sites: sitesOf(a),
        justiceReferent: a === 'A-DK-CTR' && i === 0,
      })
    }
  let r = 0
  for (const a of antennas)
    for (let i = 0; i < (RECEPTION_PER_ANTENNA[a] ?? 1); i++) {
      const name = RECEPTION_NAMES[r++]
      staff.push({
        email: `${fold(name)}@ml2009.demo.jalon.fr`,
        displayName: name,
        role: 'reception',
        antenna: a,
        sites: sitesOf(a),
        justiceReferent: false,
      })
    }
  return staff
}
