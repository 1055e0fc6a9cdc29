import { codeList } from '../nomenclatures/code-list.ts'

// The training module's code lists (issue 13, docs/training/). Codes in English, labels in French; the server's
// checks, the forms, the imports and the report read the same lists.

const list = codeList

/** who pays for an action: the report splits the regional programme from the others */
export const trainingFunders = list({
  regional_programme: 'Conseil régional (programme régional de formation)',
  afpa: 'AFPA',
  state: 'État (DRTEFP, DREETS)',
  france_travail: 'France Travail (Pôle emploi)',
  agefiph: 'AGEFIPH',
  opco: 'OPCO (OPCA)',
  other: 'Autre financeur',
})
export type TrainingFunderCode = (typeof trainingFunders.codes)[number]

/** the person's situation an entry into an action creates (the training kinds of the accompaniment's situations) */
export const trainingSituationKinds = list({
  qualifying_training: 'Formation qualifiante',
  pre_qualifying_training: 'Formation préqualifiante',
  orientation_training: 'Formation d’orientation',
  basic_skills_training: 'Formation aux savoirs de base',
})

/** level reached at the end of an action, 2019 nomenclature (décret 2019-14) */
export const trainingLevels = list({
  '1': 'Niveau 1 (savoirs de base)',
  '2': 'Niveau 2 (CléA)',
  '3': 'Niveau 3 (CAP, BEP)',
  '4': 'Niveau 4 (baccalauréat)',
  '5': 'Niveau 5 (bac + 2)',
  '6': 'Niveau 6 (licence, bac + 3)',
  '7': 'Niveau 7 (master, bac + 5)',
  '8': 'Niveau 8 (doctorat)',
})

export const sessionStatuses = list({ open: 'Ouverte', closed: 'Complète ou close', cancelled: 'Annulée' })

export const prescriptionStatuses = list({
  submitted: 'Déposée, à valider',
  more_info: 'Complément demandé',
  validated: 'Validée, convocation à l’information collective',
  refused: 'Refusée par le département formation',
  accepted: 'Retenue par l’organisme',
  waiting_list: 'En liste complémentaire',
  not_accepted: 'Non retenue par l’organisme',
  entered: 'Entrée en formation',
  exited: 'Sortie de formation',
  cancelled: 'Annulée',
})
export type PrescriptionStatusCode = (typeof prescriptionStatuses.codes)[number]

/** the statuses in which a prescription holds (or waits for) a place of its session */
export const HOLDING_STATUSES = ['accepted', 'entered'] as const satisfies readonly PrescriptionStatusCode[]
/** the statuses still waiting for someone's answer (the worklists) */
export const OPEN_STATUSES = [
  'submitted',
  'more_info',
  'validated',
  'waiting_list',
] as const satisfies readonly PrescriptionStatusCode[]

/**
 * Who may move a prescription from one status to another (docs/training/prescriptions.md): the counsellor files
 * (and files again after a request for more), the department decides, the training body answers after the
 * information session and records the entry and the exit; the counsellor or the department cancels before the entry.
 */
export const PRESCRIPTION_TRANSITIONS: Record<PrescriptionStatusCode, readonly PrescriptionStatusCode[]> = {
  submitted: ['validated', 'refused', 'more_info', 'cancelled'],
  more_info: ['submitted', 'cancelled'],
  validated: ['accepted', 'waiting_list', 'not_accepted', 'cancelled'],
  waiting_list: ['accepted', 'not_accepted', 'cancelled'],
  accepted: ['entered', 'not_accepted', 'cancelled'],
  entered: ['exited'],
  refused: [],
  not_accepted: [],
  exited: [],
  cancelled: [],
}

export const infoAttendances = list({ present: 'Présent(e)', absent: 'Absent(e)', excused: 'Excusé(e)' })

export const trainingExitKinds = list({
  completed: 'Formation menée à son terme',
  dropped_out: 'Abandon',
  excluded: 'Exclusion',
  other: 'Autre motif',
})

/** the subsidised contracts whose employees the professionalisation fund serves */
export const profContractKinds = list({
  cae: 'Contrat d’accompagnement dans l’emploi (CAE)',
  ca: 'Contrat d’avenir (CA)',
  cui_cae: 'CUI-CAE',
  cui_cie: 'CUI-CIE',
  pec: 'Parcours emploi compétences (PEC)',
  aci: 'CDDI en atelier et chantier d’insertion',
  other: 'Autre contrat aidé',
})

export const profPlanStatuses = list({
  submitted: 'À présenter au comité',
  validated: 'Validé',
  refused: 'Refusé',
  cancelled: 'Annulé',
})

export const profCofunderKinds = list({
  opco: 'OPCO (OPCA)',
  ccas: 'CCAS',
  afpa: 'AFPA',
  employer: 'Fonds propres de l’employeur',
  region: 'Conseil régional',
  agefiph: 'AGEFIPH',
  employee: 'Participation du salarié',
  other: 'Autre cofinanceur',
})
