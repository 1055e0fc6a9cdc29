import { codeList } from '../nomenclatures/code-list.ts'

// The employment module's code lists (issue 14, docs/employment/). Codes in English, labels in French; the server's
// checks, the forms, the imports and the report read the same lists.

const list = codeList

/** the contract of an offer, a hire, a clause contract: the employment kinds of the accompaniment's situations */
export const contractKinds = list({
  cdi: 'CDI',
  cdd: 'CDD',
  interim: 'Mission d’intérim',
  seasonal: 'Emploi saisonnier',
  apprenticeship: 'Contrat d’apprentissage',
  professionalisation: 'Contrat de professionnalisation',
  subsidised_contract: 'Contrat aidé (CUI, PEC…)',
  insertion_contract: 'Contrat d’insertion en SIAE',
  other_employment: 'Autre emploi',
})
export type ContractKindCode = (typeof contractKinds.codes)[number]
/** work-study contracts (alternance) */
export const workStudyKinds: ContractKindCode[] = ['apprenticeship', 'professionalisation']
/**
 * A durable contract: a CDI, or a contract of 6 months or more (work-study included). One definition for the
 * follow-up, the report's « plus de 6 mois » and the clauses' contracts.
 */
export const isDurableContract = (kind: ContractKindCode, durationMonths: number | null) =>
  kind === 'cdi' || (durationMonths !== null && durationMonths >= 6)

/** INSEE's workforce bands of an establishment (tranche d'effectif salarié, SIRENE) */
export const workforceBands = list({
  NN: 'Non employeur ou effectif inconnu',
  '00': '0 salarié',
  '01': '1 ou 2 salariés',
  '02': '3 à 5 salariés',
  '03': '6 à 9 salariés',
  '11': '10 à 19 salariés',
  '12': '20 à 49 salariés',
  '21': '50 à 99 salariés',
  '22': '100 à 199 salariés',
  '31': '200 à 249 salariés',
  '32': '250 à 499 salariés',
  '41': '500 à 999 salariés',
  '42': '1 000 à 1 999 salariés',
  '51': '2 000 à 4 999 salariés',
  '52': '5 000 à 9 999 salariés',
  '53': '10 000 salariés et plus',
})

export const interactionKinds = list({
  visit: 'Visite en entreprise',
  call: 'Appel téléphonique',
  mail: 'Courriel ou courrier',
  meeting: 'Rendez-vous',
  event: 'Forum, événement',
})

export const offerStatuses = list({
  draft: 'Brouillon',
  open: 'Ouverte',
  filled: 'Pourvue',
  closed: 'Close',
  cancelled: 'Annulée',
})

/** a person positioned on an offer */
export const candidateStatuses = list({
  proposed: 'Proposé(e)',
  sent: 'Candidature transmise',
  interview: 'Entretien',
  hired: 'Recruté(e)',
  refused: 'Non retenu(e)',
  withdrawn: 'Retiré(e)',
})
export type CandidateStatusCode = (typeof candidateStatuses.codes)[number]
/** proposed → sent → interview → hired | refused; withdrawn or refused from any open status */
export const candidateTransitions: Record<CandidateStatusCode, CandidateStatusCode[]> = {
  proposed: ['sent', 'interview', 'hired', 'refused', 'withdrawn'],
  sent: ['interview', 'hired', 'refused', 'withdrawn'],
  interview: ['hired', 'refused', 'withdrawn'],
  hired: [],
  refused: [],
  withdrawn: [],
}

export const refusalReasons = list({
  profile: 'Profil ne correspondant pas',
  experience: 'Expérience insuffisante',
  qualification: 'Qualification insuffisante',
  mobility: 'Mobilité',
  availability: 'Disponibilité',
  absent_interview: 'Absent(e) à l’entretien',
  candidate_declined: 'Refus du candidat',
  position_filled: 'Poste pourvu',
  other: 'Autre motif',
})

/** the follow-up of a hire at 1, 3 and 6 months */
export const followUpMilestones = [1, 3, 6] as const
export const followUpOutcomes = list({
  in_post: 'Toujours en poste',
  ended_early: 'Contrat rompu ou arrêté',
  changed_job: 'A changé d’emploi',
  unreachable: 'Injoignable',
})

export const operationStatuses = list({
  planned: 'En préparation',
  running: 'En cours',
  closed: 'Terminée',
  cancelled: 'Annulée',
})
export const applicationSources = list({
  network: 'Réseau (antennes, conseillers)',
  france_travail: 'France Travail (Pôle emploi)',
  temp_agency: 'Agence d’intérim',
  spontaneous: 'Candidature spontanée',
  other: 'Autre',
})
export const applicationOutcomes = list({
  hired: 'Recruté(e)',
  not_retained: 'Non retenu(e)',
  withdrawn: 'Désistement',
})
/** the funnel of a recruitment operation, in order */
export const funnelStages = list({
  applications: 'Candidatures',
  invited: 'Invités à une information collective',
  attended: 'Présents',
  tested: 'Tests réussis',
  interviewed: 'Entretiens',
  hired: 'Recrutés',
})

export const poolKinds = list({
  apprenticeship: 'Programme de promotion de l’apprentissage',
  sector: 'Vivier sectoriel (aide à domicile…)',
  clause: 'Vivier clauses d’insertion',
  other: 'Autre vivier',
})

/** the three objectives of a PMSMP (Code du travail, art. L5135-1) */
export const immersionObjectives = list({
  discover: 'Découvrir un métier ou un secteur d’activité',
  confirm_project: 'Confirmer un projet professionnel',
  recruitment: 'Initier une démarche de recrutement',
})
export const immersionStatuses = list({
  draft: 'Convention à signer',
  signed: 'Convention signée',
  done: 'Terminée',
  cancelled: 'Annulée',
})
export const immersionOutcomes = list({
  contract: 'Contrat de travail',
  training: 'Entrée en formation',
  no_follow_up: 'Sans suite',
  other: 'Autre',
})

export const clauseOperationStatuses = list({ planned: 'À venir', running: 'En cours', closed: 'Terminée' })
/** the eligibility criteria of the clauses' public (RSA and RQTH are sensitive: restricted and audited reads) */
export const clauseCriteria = list({
  rsa: 'Bénéficiaire du RSA',
  youth_below_bac: 'Jeune de moins de 26 ans de niveau inférieur au bac',
  long_term_job_seeker: 'Demandeur d’emploi de longue durée',
  rqth: 'Travailleur handicapé (RQTH)',
  senior: 'Demandeur d’emploi de plus de 50 ans',
  insertion_pathway: 'Parcours d’insertion (PLIE, SIAE)',
  other: 'Autre public éligible',
})
export const sensitiveClauseCriteria = ['rsa', 'rqth'] as const
