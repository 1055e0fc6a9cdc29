import type { Random } from '../../../demo/random.ts'

// The companies of the 2009 data set: the call centre, the recruitment operations' employers, the 40 building companies
// of the social clauses, and others that hire or host immersions. SIRETs are valid (Luhn) and fictitious.

const NAMES = [
  ['Capdunes — centre de relation clientèle', '82.20Z'],
  ['Métallerie du Littoral', '25.11Z'],
  ['Hôtel des Dunes', '55.10Z'],
  ['Réseaux Télécom Nord', '61.10Z'],
  ['Maintenance Nucléaire Côte d’Opale', '33.20C'],
  ['Propreté Flandre Services', '81.21Z'],
  ['Logistique Portuaire du Nord', '52.10B'],
  ['Sécurité Portuaire Dunkerquoise', '80.10Z'],
  ['Manutention de la Mer du Nord', '52.24A'],
  ['Centre commercial du Grand Large', '47.19B'],
  ['EHPAD Les Oyats', '87.10A'],
  ['Transports urbains de l’agglomération', '49.31Z'],
  ['Bâtiment Rénovation Flandre', '41.20A'],
  ['Restauration collective du Littoral', '56.29A'],
] as const
const BUILDERS = [
  'Maçonnerie',
  'Peinture',
  'Menuiserie',
  'Plomberie',
  'Électricité',
  'Couverture',
  'Voirie',
  'Carrelage',
]
const PLACES = [
  'Flandre',
  'Littoral',
  'Dunes',
  'Opale',
  'Port',
  'Beffroi',
  'Malo',
  'Mardyck',
  'Leffrinckoucke',
  'Canal',
]
const OTHERS = [
  ['Boulangerie du Beffroi', '10.71C'],
  ['Garage de la Côte', '45.20A'],
  ['Coiffure Malo', '96.02A'],
  ['Supermarché des Flandres', '47.11D'],
  ['Pharmacie du Port', '47.73Z'],
  ['Restaurant Le Phare', '56.10A'],
] as const

/** a SIRET whose Luhn sum is a multiple of ten */
function siret(r: Random): string {
  const digits = Array.from({ length: 13 }, (_, k) => (k === 0 ? r.int(1, 9) : r.int(0, 9)))
  for (let last = 0; last <= 9; last++) {
    const all = [...digits, last]
    const sum = all.reduce((a, d, i) => {
      const x = (13 - i) % 2 === 1 ? d * 2 : d
      return a + (x > 9 ? x - 9 : x)
    }, 0)
    if (sum % 10 === 0) return all.join('')
  }
  throw new Error('unreachable')
}

export function buildEmployers(s: string, r: Random, nextId: () => string) {
  const builders = Array.from({ length: 40 }, (_, k) => [
    `${BUILDERS[k % BUILDERS.length]} ${PLACES[Math.floor(k / BUILDERS.length) % PLACES.length]} ${k + 1}`,
    '43.99C',
  ])
  const seen = new Set<string>()
  return [...NAMES, ...builders, ...OTHERS].map(([name, naf], k) => {
    let id = siret(r)
    while (seen.has(id)) id = siret(r)
    seen.add(id)
    return {
      structure_id: s,
      id: nextId(),
      name,
      siret: id,
      naf_code: naf,
      legal_form: '5710',
      workforce_band: null,
      address: null,
      postcode: '59140',
      commune_code: '59183',
      commune_name: 'Dunkerque',
      phone: null,
      email: null,
      note: null,
      officer_id: null,
      active: true,
      external_id: `EMP2009-E${String(k + 1).padStart(2, '0')}`,
    }
  })
}
