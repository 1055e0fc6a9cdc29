import { codeList } from './code-list.ts'

// Code lists of the person file (../shared/reference/nomenclatures.md). Codes are stable and English; labels French.
const list = codeList

export const sexes = list({ F: 'Femme', M: 'Homme' })

/** 1969 nomenclature, as the report counts. III, II, I are grouped as III+ in tables. */
export const levels1969 = list({
  VI: 'VI — sortie avant la fin du collège',
  Vbis: 'Vbis — sortie avant l’année terminale de CAP/BEP',
  V: 'V — niveau CAP/BEP',
  IV: 'IV — niveau baccalauréat',
  III: 'III — bac + 2',
  II: 'II — bac + 3/4',
  I: 'I — bac + 5 et plus',
})
export type Level1969 = keyof typeof levels1969.labels

/** 2019 nomenclature (décret 2019-14), levels 1 to 8. */
export const levels2019 = [1, 2, 3, 4, 5, 6, 7, 8] as const
export type Level2019 = (typeof levels2019)[number]

const from2019: Record<Level2019, Level1969> = {
  1: 'VI',
  2: 'Vbis',
  3: 'V',
  4: 'IV',
  5: 'III',
  6: 'II',
  7: 'I',
  8: 'I',
}
const to2019: Record<Level1969, Level2019> = { VI: 1, Vbis: 2, V: 3, IV: 4, III: 5, II: 6, I: 7 }
export const level1969From2019 = (l: Level2019): Level1969 => from2019[l]
export const level2019From1969 = (l: Level1969): Level2019 => to2019[l]
/** The report's grouping: III, II and I together. */
export const reportLevel = (l: Level1969 | null | undefined) =>
  l === 'III' || l === 'II' || l === 'I' ? 'III+' : (l ?? 'unknown')

export const diplomas = list({
  none: 'Aucun diplôme',
  cfg_dnb: 'CFG / brevet',
  cap_bep: 'CAP / BEP',
  bac: 'Baccalauréat',
  bac2: 'Bac + 2',
  bac3plus: 'Bac + 3 et plus',
})

export const familySituations = list({
  single: 'Célibataire',
  married: 'Marié(e) / pacsé(e)',
  cohabiting: 'Vie maritale',
  other: 'Veuf, divorcé, séparé',
})
export const housings = list({
  with_parents: 'Chez les parents',
  own: 'Logement autonome',
  hosted: 'Hébergé par la famille ou des amis',
  hostel: 'Foyer, résidence sociale',
  other: 'Autre, sans logement',
})
export const resources = list({
  none: 'Aucune',
  salary: 'Salaire',
  rsa: 'RSA',
  benefits_family: 'Prestations familiales, AAH',
  unemployment_benefit: 'Allocation chômage',
  training_allowance: 'Rémunération de formation',
  other: 'Autre (allocation CIVIS/CEJ, pension…)',
})
export const drivingLicences = list({ none: 'Non', in_progress: 'En cours', holder: 'Oui', unknown: 'Non renseigné' })
export const mobilities = list({
  none: 'Aucun',
  public_transport: 'Transports en commun',
  bicycle: 'Vélo',
  moped: 'Deux-roues motorisé',
  car: 'Voiture',
})

/** Dated attributes: each change is recorded with the date it takes effect, so the state on any date can be told. */
export const attributeKinds = {
  family_situation: familySituations,
  housing: housings,
  resources,
  education_level: levels1969,
  diploma: diplomas,
  driving_licence: drivingLicences,
  mobility: mobilities,
} as const
export type AttributeKind = keyof typeof attributeKinds
export const attributeLabels: Record<AttributeKind, string> = {
  family_situation: 'Situation familiale',
  housing: 'Logement',
  resources: 'Ressources',
  education_level: 'Niveau de formation',
  diploma: 'Diplôme le plus élevé',
  driving_licence: 'Permis B',
  mobility: 'Moyen de locomotion',
}

export const statuses = list({
  rsa: 'Bénéficiaire du RSA',
  rqth: 'Travailleur handicapé (RQTH)',
  long_term_unemployed: 'Demandeur d’emploi de longue durée',
  justice: 'Sous main de justice',
})
export type StatusCode = keyof typeof statuses.labels
/**
 * Welfare, disability and justice: seen only by those who follow the person (capabilities.personSensitive, in scope),
 * and every read is audited.
 */
export const sensitiveStatuses: StatusCode[] = ['rsa', 'rqth', 'justice']
/**
 * Dated attributes hidden whole from those who may not see sensitive data: resources name welfare and disability
 * benefits (RSA, AAH, family benefits), and hiding only those values would tell them by their absence.
 */
export const sensitiveAttributes: AttributeKind[] = ['resources']
/** Resources that are welfare or disability benefits: a read that shows one is audited. */
export const sensitiveResources: (keyof typeof resources.labels)[] = ['rsa', 'benefits_family']

export const priorityAreas = list({ qpv: 'QPV', zus: 'ZUS (avant 2015)' })
