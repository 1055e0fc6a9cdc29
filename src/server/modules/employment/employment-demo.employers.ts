import { addDays, DEFAULT_TIME_ZONE, dayIn } from '../../../shared/dates.ts'
import { withLuhnKey } from '../../../shared/siret.ts'
import type { DemoContext } from '../../demo/demo-context.ts'
import { Random } from '../../demo/random.ts'
import type { Tx } from '../../deps.ts'
import { findCommune } from '../reference/communes.ts'
import type { InteractionKind } from './employment.tables.ts'

// The employers of the day's demo (docs/employment/employers.md « Demo data »): twelve fictitious companies of the
// Dunkirk coast in the sectors the 2009 report names (home care, building, retail, logistics, hospitality, industry),
// with valid SIRETs, their contacts and a few interactions by the employment officer. Every other part finds them by
// external id, `demo-employer-1` … `demo-employer-12` (DEMO_EMPLOYERS lists them with their sector). Deterministic: a
// seeded generator and days counted from the demo's day.

export const DEMO_EMPLOYMENT_OFFICER = 'entreprises@demo.jalon.fr'
export const demoEmployerId = (n: number) => `demo-employer-${n}`

export type DemoSector = 'home_care' | 'building' | 'retail' | 'logistics' | 'hospitality' | 'industry'

interface DemoEmployer {
  name: string
  sector: DemoSector
  naf: string
  band: string
  legalForm: string
  address: string
  commune: string
  phone: string
  contacts: { name: string; jobTitle: string; email: string | null; phone: string | null }[]
}

/** in external-id order: DEMO_EMPLOYERS[0] is `demo-employer-1` */
export const DEMO_EMPLOYERS: DemoEmployer[] = [
  {
    name: 'Aide à Domicile du Dunkerquois',
    sector: 'home_care',
    naf: '88.10A',
    band: '21',
    legalForm: '9220',
    address: '18 rue Clemenceau',
    commune: '59183',
    phone: '03 28 10 21 01',
    contacts: [
      { name: 'Martine Deswarte', jobTitle: 'Responsable de secteur', email: 'secteur@add-dk.example', phone: null },
      { name: 'Olivier Bommelaere', jobTitle: 'Directeur', email: 'direction@add-dk.example', phone: null },
    ],
  },
  {
    name: 'Littoral Services à la Personne',
    sector: 'home_care',
    naf: '88.10A',
    band: '12',
    legalForm: '5499',
    address: '4 place de la République',
    commune: '59155',
    phone: '03 28 10 21 02',
    contacts: [{ name: 'Sandrine Vercoutre', jobTitle: 'Gérante', email: 'contact@lsp.example', phone: null }],
  },
  {
    name: 'Bâtiment Flandre Maritime',
    sector: 'building',
    naf: '41.20A',
    band: '12',
    legalForm: '5710',
    address: 'Zone d’activités du Pont à Roseaux',
    commune: '59271',
    phone: '03 28 10 21 03',
    contacts: [
      { name: 'Thierry Lemaire', jobTitle: 'Conducteur de travaux', email: null, phone: '06 70 00 21 03' },
      { name: 'Céline Dufour', jobTitle: 'Assistante ressources humaines', email: 'rh@bfm.example', phone: null },
    ],
  },
  {
    name: 'Maçonnerie Vandenbussche et Fils',
    sector: 'building',
    naf: '43.99C',
    band: '03',
    legalForm: '5499',
    address: '7 rue de Dunkerque',
    commune: '59067',
    phone: '03 28 10 21 04',
    contacts: [{ name: 'Jean-Marc Vandenbussche', jobTitle: 'Gérant', email: null, phone: '06 70 00 21 04' }],
  },
  {
    name: 'Hypermarché des Dunes',
    sector: 'retail',
    naf: '47.11F',
    band: '32',
    legalForm: '5710',
    address: 'Centre commercial du Puythouck',
    commune: '59271',
    phone: '03 28 10 21 05',
    contacts: [
      { name: 'Nathalie Coppin', jobTitle: 'Responsable recrutement', email: 'recrutement@hdd.example', phone: null },
    ],
  },
  {
    name: 'Supermarché du Kursaal',
    sector: 'retail',
    naf: '47.11D',
    band: '21',
    legalForm: '5710',
    address: '2 avenue des Bains',
    commune: '59183',
    phone: '03 28 10 21 06',
    contacts: [{ name: 'Karim Haddad', jobTitle: 'Directeur de magasin', email: 'direction@smk.example', phone: null }],
  },
  {
    name: 'Logistique Portuaire de Loon-Plage',
    sector: 'logistics',
    naf: '52.10B',
    band: '22',
    legalForm: '5710',
    address: 'Route du Port Ouest',
    commune: '59359',
    phone: '03 28 10 21 07',
    contacts: [
      { name: 'Stéphane Ryckebusch', jobTitle: 'Chef d’entrepôt', email: null, phone: '06 70 00 21 07' },
      { name: 'Aurélie Ghesquière', jobTitle: 'Chargée de recrutement', email: 'emploi@lplp.example', phone: null },
    ],
  },
  {
    name: 'Transports Côte d’Opale Fret',
    sector: 'logistics',
    naf: '49.41A',
    band: '12',
    legalForm: '5499',
    address: '15 rue des Islandais',
    commune: '59273',
    phone: '03 28 10 21 08',
    contacts: [
      {
        name: 'Didier Wallyn',
        jobTitle: 'Responsable d’exploitation',
        email: 'exploitation@tcof.example',
        phone: null,
      },
    ],
  },
  {
    name: 'Hôtel-Restaurant de la Digue',
    sector: 'hospitality',
    naf: '55.10Z',
    band: '11',
    legalForm: '5499',
    address: '40 digue de Mer',
    commune: '59183',
    phone: '03 28 10 21 09',
    contacts: [{ name: 'Isabelle Decroos', jobTitle: 'Directrice', email: 'hotel@ladigue.example', phone: null }],
  },
  {
    name: 'Brasserie du Port de Gravelines',
    sector: 'hospitality',
    naf: '56.10A',
    band: '03',
    legalForm: '5499',
    address: '1 quai Vauban',
    commune: '59273',
    phone: '03 28 10 21 10',
    contacts: [{ name: 'Franck Delattre', jobTitle: 'Gérant', email: null, phone: '06 70 00 21 10' }],
  },
  {
    name: 'Chaudronnerie Tuyauterie du Littoral',
    sector: 'industry',
    naf: '25.11Z',
    band: '21',
    legalForm: '5710',
    address: 'Zone industrielle de la Petite-Synthe',
    commune: '59131',
    phone: '03 28 10 21 11',
    contacts: [
      { name: 'Philippe Verbeke', jobTitle: 'Responsable de production', email: null, phone: '06 70 00 21 11' },
      { name: 'Laetitia Houvenaghel', jobTitle: 'Responsable RH', email: 'rh@ctl.example', phone: null },
    ],
  },
  {
    name: 'Maintenance Industrielle Grand Littoral',
    sector: 'industry',
    naf: '33.12Z',
    band: '22',
    legalForm: '5710',
    address: 'Avenue de l’Énergie',
    commune: '59183',
    phone: '03 28 10 21 12',
    contacts: [
      { name: 'Éric Vandaele', jobTitle: 'Responsable ressources humaines', email: 'rh@migl.example', phone: null },
    ],
  },
]

const SUBJECTS: Record<InteractionKind, string[]> = {
  visit: ['Visite de l’entreprise et des postes', 'Visite : présentation des dispositifs d’aide à l’embauche'],
  call: ['Point sur les besoins de recrutement', 'Suivi des candidatures transmises'],
  mail: ['Envoi de la plaquette de la Mission Locale', 'Transmission de profils de candidats'],
  meeting: ['Rendez-vous avec la direction : plan de recrutement', 'Préparation d’une information collective'],
  event: ['Rencontre au forum de l’emploi', 'Petit-déjeuner entreprises du bassin dunkerquois'],
}

/** 13 digits that are a demo company's SIREN and establishment number, then the Luhn key */
const demoSiret = (n: number) => withLuhnKey(`759120${String(n).padStart(3, '0')}0001`)

export async function loadEmployersDemo(tx: Tx, ctx: DemoContext): Promise<void> {
  const s = ctx.structureId
  const random = new Random(0xe4b1)
  const today = dayIn(ctx.now, DEFAULT_TIME_ZONE)
  const officer = ctx.userIds.get(DEMO_EMPLOYMENT_OFFICER) ?? null
  const kinds = Object.keys(SUBJECTS) as InteractionKind[]
  for (const [i, e] of DEMO_EMPLOYERS.entries()) {
    const n = i + 1
    const commune = findCommune(e.commune)
    const employerId = random.uuid()
    await tx
      .insertInto('employer')
      .values({
        structure_id: s,
        id: employerId,
        name: e.name,
        siret: demoSiret(n),
        naf_code: e.naf,
        legal_form: e.legalForm,
        workforce_band: e.band,
        address: e.address,
        postcode: commune?.postcode ?? null,
        commune_code: e.commune,
        commune_name: commune?.name ?? null,
        phone: e.phone,
        email: e.contacts.find((c) => c.email)?.email ?? null,
        note: null,
        officer_id: officer,
        external_id: demoEmployerId(n),
      })
      .execute()
    const contactIds: string[] = []
    for (const [k, c] of e.contacts.entries()) {
      const id = random.uuid()
      contactIds.push(id)
      await tx
        .insertInto('employer_contact')
        .values({
          structure_id: s,
          id,
          employer_id: employerId,
          name: c.name,
          job_title: c.jobTitle,
          phone: c.phone,
          email: c.email,
          is_primary: k === 0,
          external_id: `demo-employer-${n}-contact-${k + 1}`,
        })
        .execute()
    }
    // most companies have been met or called lately; a few are new files without a contact yet
    const count = n % 4 === 0 ? 0 : random.int(1, 3)
    for (let k = 0; k < count; k++) {
      const kind = random.pick(kinds)
      await tx
        .insertInto('employer_interaction')
        .values({
          structure_id: s,
          id: random.uuid(),
          employer_id: employerId,
          date: addDays(today, -random.int(2 + k * 30, 25 + k * 30)),
          kind,
          officer_id: officer,
          contact_id: random.chance(0.7) ? random.pick(contactIds) : null,
          subject: random.pick(SUBJECTS[kind]),
          note: random.chance(0.5) ? 'Compte rendu saisi par le chargé de relations entreprises.' : null,
          external_id: `demo-employer-${n}-interaction-${k + 1}`,
        })
        .execute()
    }
  }
}
