import { codeList } from '../nomenclatures/code-list.ts'

// The PLIE's code lists (issue 11, docs/plie.md): host organisations, funders, proposals and committee decisions, the
// target publics of the eligibility and of the report, and the questions the European Social Fund (ESF+) asks of
// each participant. Codes in English, labels in French; the server's checks and the forms read the same lists.

const list = codeList

export const organisationKinds = list({
  aci: 'Atelier et chantier d’insertion (ACI)',
  ei: 'Entreprise d’insertion (EI)',
  ai: 'Association intermédiaire (AI)',
  etti: 'Entreprise de travail temporaire d’insertion (ETTI)',
  employer_relations: 'Partenaire des relations entreprises',
  training_body: 'Organisme de formation',
  employer: 'Employeur',
  other: 'Autre structure',
})
export type OrganisationKind = (typeof organisationKinds.codes)[number]
/** the work-integration structures (SIAE) whose insertion contracts are the PLIE's insertion steps */
export const integrationStructureKinds: readonly OrganisationKind[] = ['aci', 'ei', 'ai', 'etti']

export const funders = list({
  esf: 'Fonds social européen (FSE+)',
  state_urban_policy: 'État — politique de la ville',
  state: 'État — autres crédits',
  departement: 'Département',
  region: 'Région',
  communes: 'Communes et intercommunalité',
  other: 'Autre financeur',
})
export type Funder = (typeof funders.codes)[number]

export const proposalStatuses = list({
  pending: 'En attente du comité',
  accepted: 'Acceptée',
  refused: 'Refusée',
  deferred: 'Ajournée',
  withdrawn: 'Retirée',
})
export type ProposalStatus = (typeof proposalStatuses.codes)[number]

export const committeeDecisions = list({ accepted: 'Accepté', refused: 'Refusé', deferred: 'Ajourné' })
export type CommitteeDecision = (typeof committeeDecisions.codes)[number]
export const caseKinds = list({ entry: 'Entrée', review: 'Point de parcours' })

/**
 * The target publics of the PLIE protocol: a person may enter when at least one holds on the proposal's day (and they
 * live in a member commune); the report counts each that holds at entry (a person in several counts in each).
 */
export const targetPublics = list({
  rsa: 'Allocataire du RSA',
  civis_youth: 'Jeune en CIVIS / CEJ',
  long_term_unemployed: 'Demandeur d’emploi de longue durée',
  disabled_worker: 'Travailleur handicapé (RQTH)',
  priority_area: 'Résident d’un quartier prioritaire',
})
export type TargetPublic = (typeof targetPublics.codes)[number]

/** The kind of step a situation of the pathway is, from the situation's group (shared/nomenclatures/accompaniment.ts). */
export const stepKinds = list({
  insertion_job: 'Emploi d’insertion en SIAE',
  training: 'Formation',
  employment: 'Emploi',
  other: 'Autre étape',
})
export type StepKind = (typeof stepKinds.codes)[number]

// ESF+ (Regulation (EU) 2021/1057, Annex I: common output and result indicators for participants) -----------------

export const esfMoments = list({
  entry: 'À l’entrée',
  exit: 'À la sortie (dans les 4 semaines)',
  six_months: 'Six mois après la sortie',
})
export type EsfMoment = (typeof esfMoments.codes)[number]

const yesNo = { yes: 'Oui', no: 'Non' } as const
const yesNoDeclined = { ...yesNo, declined: 'Ne souhaite pas répondre' } as const

/**
 * Each question the ESF+ asks, when, and its answers; `declined` only where the rules let the participant refuse
 * (the special categories of personal data). Age and sex come from the person file, not from a question.
 */
export const esfQuestions = {
  labour_status: {
    moment: 'entry',
    label: 'Situation sur le marché du travail',
    answers: {
      unemployed: 'Chômeur',
      long_term_unemployed: 'Chômeur de longue durée',
      inactive: 'Inactif',
      employed: 'Salarié ou indépendant',
    },
  },
  education_isced: {
    moment: 'entry',
    label: 'Niveau d’études (CITE)',
    answers: { isced_0_2: 'CITE 0 à 2', isced_3_4: 'CITE 3 à 4', isced_5_8: 'CITE 5 à 8' },
  },
  disability: { moment: 'entry', label: 'Personne handicapée', answers: yesNoDeclined },
  third_country_national: { moment: 'entry', label: 'Ressortissant de pays tiers', answers: yesNoDeclined },
  foreign_background: { moment: 'entry', label: 'Personne d’origine étrangère', answers: yesNoDeclined },
  minority: { moment: 'entry', label: 'Minorité (y compris les Roms)', answers: yesNoDeclined },
  homeless: { moment: 'entry', label: 'Sans domicile ou exclu du logement', answers: yesNoDeclined },
  rural_area: { moment: 'entry', label: 'Vit en zone rurale', answers: yesNo },
  job_searching: { moment: 'exit', label: 'En recherche d’emploi à la sortie', answers: yesNo },
  in_education: { moment: 'exit', label: 'En études ou en formation à la sortie', answers: yesNo },
  qualification: { moment: 'exit', label: 'A obtenu une qualification à la sortie', answers: yesNo },
  employed_at_exit: { moment: 'exit', label: 'En emploi (y compris indépendant) à la sortie', answers: yesNo },
  employed_six_months: { moment: 'six_months', label: 'En emploi six mois après la sortie', answers: yesNo },
  improved_six_months: {
    moment: 'six_months',
    label: 'Situation améliorée sur le marché du travail six mois après la sortie',
    answers: yesNo,
  },
} as const satisfies Record<string, { moment: EsfMoment; label: string; answers: Record<string, string> }>
export type EsfQuestion = keyof typeof esfQuestions
export const esfQuestionCodes = Object.keys(esfQuestions) as [EsfQuestion, ...EsfQuestion[]]
