import type { propositionThemes, SituationKind } from '../../../shared/nomenclatures/accompaniment.ts'

// Material of the demo histories (src/server/demo/demo-accompaniment.ts): the demo's seeded generator (src/server/demo/random.ts), and the weights and
// names it draws from. Fictitious organisations; the proposition weights are the 2009 report's.

import { pick, type Rng } from '../../demo/random.ts'

export { generator, int, pick, type Rng, weighted } from '../../demo/random.ts'

// 2009: 90 267 propositions — professional 76 %, social 7 %, social life 16 % (figures-2009.json).
export const themeWeights = [
  ['employment_access', 41514],
  ['training', 14310],
  ['career_plan', 12933],
  ['housing', 3427],
  ['health', 3308],
  ['citizenship', 10924],
  ['leisure_sport_culture', 3851],
] as const
export const themeTexts: Record<keyof typeof propositionThemes, string[]> = {
  employment_access: ['Candidature sur une offre', 'Mise en relation avec un employeur', 'Atelier CV et lettre'],
  training: [
    'Positionnement sur une formation qualifiante',
    'Information collective d’un organisme',
    'Préparation à l’entrée en formation',
  ],
  career_plan: ['Bilan de compétences', 'Enquête métier', 'Immersion en entreprise à préparer'],
  housing: ['Demande de logement social', 'Orientation vers un foyer jeunes travailleurs'],
  health: ['Orientation vers le centre d’examens de santé', 'Ouverture des droits à la complémentaire santé'],
  citizenship: [
    'Démarches de papiers d’identité',
    'Inscription sur les listes électorales',
    'Aide au permis de conduire',
  ],
  leisure_sport_culture: ['Accès à une licence sportive', 'Sortie culturelle collective'],
}
export const youngSituations: [SituationKind, number][] = [
  ['cdd', 22],
  ['interim', 18],
  ['apprenticeship', 9],
  ['professionalisation', 4],
  ['qualifying_training', 9],
  ['pre_qualifying_training', 8],
  ['orientation_training', 4],
  ['basic_skills_training', 3],
  ['cdi', 5],
  ['seasonal', 4],
  ['subsidised_contract', 4],
  ['immersion', 6],
  ['civic_service', 3],
  ['return_to_school', 1],
]
export const adultSituations: [SituationKind, number][] = [
  ['cdd', 20],
  ['interim', 18],
  ['insertion_contract', 18],
  ['subsidised_contract', 10],
  ['qualifying_training', 8],
  ['pre_qualifying_training', 5],
  ['basic_skills_training', 4],
  ['cdi', 5],
  ['immersion', 6],
  ['business_creation', 2],
  ['seasonal', 4],
]
export const organisations = {
  employer: [
    'Transports Flandre Littoral',
    'Boulangerie du Beffroi',
    'Supermarché des Dunes',
    'Clinique de Flandre',
    'Mairie de Grande-Synthe',
    'Restaurant du Port',
  ],
  interim: ['Intérim Littoral', 'Flandre Travail Temporaire', 'Côte d’Opale Intérim', 'Synergie Emploi Gravelines'],
  training: ['AFPA Dunkerque', 'GRETA Grand Littoral', 'CFA de Dunkerque', 'CCI Littoral Hauts-de-France'],
  siae: ['ACI Les Jardins du Littoral', 'EI Recyclerie dunkerquoise', 'ETTI Flandre Insertion', 'AI Partage Emploi'],
}
export const trainings: readonly string[] = [
  'qualifying_training',
  'pre_qualifying_training',
  'orientation_training',
  'basic_skills_training',
  'return_to_school',
  'apprenticeship',
  'professionalisation',
]
export function organisationFor(r: Rng, kind: SituationKind) {
  if (kind === 'interim') return pick(r, organisations.interim)
  if (kind === 'insertion_contract') return pick(r, organisations.siae)
  if (trainings.includes(kind)) return pick(r, organisations.training)
  if (kind === 'business_creation' || kind === 'civic_service' || kind === 'immersion') return null
  return pick(r, organisations.employer)
}
