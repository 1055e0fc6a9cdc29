import { codeList } from './code-list.ts'

// Events, propositions, situations: the counsellor's daily record.
const list = codeList

export const eventKinds = list({
  first_reception: 'Premier accueil',
  individual_interview: 'Entretien individuel',
  workshop: 'Atelier',
  info_session: 'Information collective',
  phone: 'Téléphone',
  mail: 'Courrier / message',
  visit: 'Visite (domicile, partenaire)',
})
/** Kinds that make a person "in contact" over a period (all of them: first reception included). */
export const contactEventKinds = eventKinds.codes

export const attendances = list({ present: 'Présent', excused: 'Absent excusé', absent: 'Absent' })

export const propositionDomains = list({
  professional: 'Professionnel',
  social: 'Social',
  social_life: 'Vie sociale',
})
export const propositionThemes = {
  employment_access: { domain: 'professional', label: 'Accès à l’emploi', sensitive: false },
  training: { domain: 'professional', label: 'Formation', sensitive: false },
  career_plan: { domain: 'professional', label: 'Projet professionnel', sensitive: false },
  housing: { domain: 'social', label: 'Logement', sensitive: false },
  health: { domain: 'social', label: 'Santé', sensitive: true },
  citizenship: { domain: 'social_life', label: 'Citoyenneté', sensitive: false },
  leisure_sport_culture: { domain: 'social_life', label: 'Loisirs, sport, culture', sensitive: false },
} as const
export type PropositionTheme = keyof typeof propositionThemes
export const propositionOutcomes = list({
  pending: 'En cours',
  accepted: 'Acceptée',
  refused: 'Refusée',
  achieved: 'Réalisée',
  abandoned: 'Abandonnée',
})

export const situationGroups = list({
  employment: 'Emploi',
  work_study: 'Alternance',
  integration_contract: 'Contrat aidé / insertion',
  training: 'Formation',
  other: 'Autre',
})
export type SituationGroup = keyof typeof situationGroups.labels

export const situationKinds = {
  cdi: { group: 'employment', label: 'CDI' },
  cdd: { group: 'employment', label: 'CDD' },
  interim: { group: 'employment', label: 'Mission d’intérim' },
  seasonal: { group: 'employment', label: 'Emploi saisonnier' },
  self_employed: { group: 'employment', label: 'Travail indépendant' },
  other_employment: { group: 'employment', label: 'Autre emploi de droit commun' },
  apprenticeship: { group: 'work_study', label: 'Contrat d’apprentissage' },
  professionalisation: { group: 'work_study', label: 'Contrat de professionnalisation' },
  subsidised_contract: { group: 'integration_contract', label: 'Contrat aidé (CUI, PEC…)' },
  insertion_contract: { group: 'integration_contract', label: 'Contrat d’insertion en SIAE (ACI, EI, ETTI, AI)' },
  qualifying_training: { group: 'training', label: 'Formation qualifiante' },
  pre_qualifying_training: { group: 'training', label: 'Formation préqualifiante' },
  orientation_training: { group: 'training', label: 'Formation d’orientation' },
  basic_skills_training: { group: 'training', label: 'Formation aux savoirs de base' },
  return_to_school: { group: 'training', label: 'Retour en formation initiale' },
  immersion: { group: 'other', label: 'Immersion (PMSMP)' },
  civic_service: { group: 'other', label: 'Service civique, volontariat' },
  business_creation: { group: 'other', label: 'Création d’entreprise' },
  military_service: { group: 'other', label: 'Service militaire' },
} as const
export type SituationKind = keyof typeof situationKinds
export const situationKindCodes = Object.keys(situationKinds) as [SituationKind, ...SituationKind[]]
export const groupOfSituation = (k: SituationKind): SituationGroup => situationKinds[k].group

export const referralSources = list({
  self: 'Démarche personnelle',
  family_friends: 'Famille, amis',
  france_travail: 'France Travail (Pôle emploi)',
  school: 'Établissement scolaire, CIO',
  social_services: 'Services sociaux',
  justice: 'Services de la justice',
  association: 'Association',
  other: 'Autre',
})
