import { codeList } from '../nomenclatures/code-list.ts'

// The financial aids' code lists (issue 12, docs/aids.md). Codes in English, labels in French; the server's checks,
// the forms and the report read the same lists. The purposes are the starting list of the reference nomenclatures
// ("Aids (purposes)"); a fund names the ones it pays for.

const list = codeList

export const fundKinds = list({
  individual: 'Aides individuelles',
  allowance: 'Allocation CIVIS / CEJ (mensuelle)',
  project: 'Projets de jeunes (CLAP)',
  holiday: 'Aides aux vacances',
})
export type FundKind = (typeof fundKinds.codes)[number]

export const aidPurposes = list({
  meals: 'Repas',
  transport: 'Transport',
  clothing: 'Vêture',
  accommodation: 'Hébergement',
  training: 'Frais de formation',
  subsistence: 'Subsistance',
  driving_licence: 'Permis de conduire',
  childcare: "Garde d'enfant",
  equipment: 'Équipement',
  energy_debt: 'Dette d’énergie',
  allowance: 'Allocation',
  project: 'Projet',
  holiday: 'Vacances',
  other: 'Autre',
})
export type AidPurpose = (typeof aidPurposes.codes)[number]

/** emergency: decided by an officer within 48 hours; reinforced: by a commission, with a signed contract */
export const aidTracks = list({
  emergency: 'Secours d’urgence (48 h)',
  ordinary: 'Aide ponctuelle',
  reinforced: 'Aide renforcée (commission, contrat)',
})
export type AidTrackCode = (typeof aidTracks.codes)[number]
/** the emergency track's deadline, from the request's recording */
export const EMERGENCY_HOURS = 48

export const decisionModes = list({ officer: 'Chargé des aides', commission: 'Commission' })

export const requestStatuses = list({
  submitted: 'Déposée',
  complete: 'Complète, à décider',
  granted: 'Accordée',
  partly_granted: 'Accordée en partie',
  refused: 'Refusée',
  redirected: 'Réorientée',
  cancelled: 'Annulée',
})
export type RequestStatus = (typeof requestStatuses.codes)[number]

/** the decisions an officer or a commission takes on a complete request */
export const aidDecisions = list({
  granted: 'Accordée',
  partly_granted: 'Accordée en partie',
  refused: 'Refusée (hors critères)',
  redirected: 'Réorientée vers un autre fonds',
})
export type AidDecision = (typeof aidDecisions.codes)[number]

export const paymentModes = list({
  transfer: 'Virement',
  cheque: 'Lettre chèque',
  third_party: 'Paiement à un tiers',
  meal_vouchers: 'Tickets service (repas)',
  transport_vouchers: 'Bons de transport',
  cash: 'Régie d’avances (espèces)',
})
export type PaymentModeCode = (typeof paymentModes.codes)[number]

export const projectForms = list({ individual: 'Individuel', collective: 'Collectif' })
export const projectNatures = list({
  economic: 'Économique (création d’activité)',
  social: 'Social',
  cultural: 'Culturel',
  sport: 'Sportif',
  holiday: 'Vacances',
  other: 'Autre',
})
export type ProjectNature = (typeof projectNatures.codes)[number]
/** an economic project's sector, as the project committee reports it */
export const projectSectors = list({
  retail: 'Commerce',
  craft: 'Artisanat',
  health: 'Santé',
  services: 'Services',
  agriculture: 'Agriculture',
  other: 'Autre secteur',
})
export const projectDecisions = list({ funded: 'Financé', refused: 'Refusé', deferred: 'Ajourné' })
export const projectStatuses = list({
  accompanied: 'Accompagné',
  presented: 'Présenté au comité',
  funded: 'Financé',
  refused: 'Refusé',
  abandoned: 'Abandonné',
  completed: 'Réalisé',
})
