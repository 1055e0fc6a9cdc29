import {
  applicationOutcomes,
  applicationSources,
  immersionObjectives,
  immersionOutcomes,
  immersionStatuses,
  operationStatuses,
  poolKinds,
} from '../../../shared/employment/employment.nomenclature.ts'
import { codeList } from '../../../shared/nomenclatures/code-list.ts'
import { code, ref } from '../aids/aids-exchange.write.ts'
import type { ColumnIssue, EntitySpec } from '../exchange/index.ts'
import { date, externalId, notBefore, personRef, text, userRef } from '../exchange/index.ts'
import {
  activeColumn,
  commune,
  communeName,
  employerRef,
  hoursPerWeek,
  instant,
  optionalPersonRef,
  placementRef,
  romeColumn,
  romeIssue,
  twoDecimals,
} from './employment-exchange.common.ts'

// The recruitment operations, candidate pools and work immersions of the bundle (issue 14,
// docs/employment/exchange.md). The operations and pools (with their information sessions and members) come before
// the placements, which name them; the applications and immersions come after, since they name the hire they led to.

const testResults = codeList({ passed: 'Tests réussis', failed: 'Tests échoués' })
const endsAfterStart = (v: Record<string, unknown>) => notBefore(v, 'ends_on', 'starts_on', 'la fin est avant le début')

export const operationsEntity: EntitySpec = {
  name: 'recruitment_operation',
  label: 'opération de recrutement',
  file: 'recruitment_operations.csv',
  summary: 'opérations de recrutement pour une entreprise',
  table: 'recruitment_operation',
  description:
    'Les opérations de recrutement menées pour une entreprise : les postes, le profil, la méthode (informations ' +
    'collectives, tests, entretiens), les partenaires, les dates et l’état.',
  key: 'external_id',
  versioned: true,
  order: ['starts_on', 'external_id'],
  columns: [
    externalId('de l’opération'),
    employerRef('L’entreprise qui recrute'),
    text('title', 300, 'Intitulé.', true),
    text('sector', 200, 'Secteur.'),
    {
      name: 'positions',
      type: { kind: 'integer', min: 1, max: 100000 },
      required: true,
      description: 'Postes à pourvoir.',
    },
    text('profile', 4000, 'Profil recherché.'),
    text('method', 4000, 'Méthode de recrutement.'),
    text('partners', 2000, 'Partenaires.'),
    date('starts_on', 'Début.', true),
    date('ends_on', 'Fin.'),
    {
      name: 'status',
      type: { kind: 'code', list: operationStatuses, listName: 'États d’une opération de recrutement' },
      default: 'running',
      description: 'État (vide : running).',
    },
    userRef('officer_email', 'officer_id', 'Le chargé de relation entreprise qui la mène'),
  ],
  check: endsAfterStart,
}

export const operationSessionsEntity: EntitySpec = {
  name: 'operation_info_session',
  label: 'information collective d’une opération',
  file: 'operation_info_sessions.csv',
  summary: 'informations collectives des opérations de recrutement',
  table: 'operation_info_session',
  description: 'Les informations collectives d’une opération de recrutement : quand, où, combien de places.',
  key: 'external_id',
  versioned: true,
  order: ['operation_external_id', 'at', 'external_id'],
  columns: [
    externalId('de l’information collective'),
    ref(
      'operation_external_id',
      'recruitment_operation',
      'operation_id',
      'L’opération : external_id d’une opération de recruitment_operations.csv ou de la base.',
      true,
    ),
    instant('at', 'Date et heure.', true),
    text('place', 300, 'Lieu.'),
    { name: 'capacity', type: { kind: 'integer', min: 1, max: 10000 }, description: 'Places.' },
  ],
}

export const poolsEntity: EntitySpec = {
  name: 'candidate_pool',
  label: 'vivier',
  file: 'candidate_pools.csv',
  summary: 'viviers de candidats',
  table: 'candidate_pool',
  description:
    'Les viviers de candidats (un programme de promotion de l’apprentissage, un vivier de l’aide à domicile, un ' +
    'vivier des clauses d’insertion) : le public éligible, les dates, le chargé qui l’anime.',
  key: 'external_id',
  versioned: true,
  order: ['name', 'external_id'],
  columns: [
    externalId('du vivier'),
    text('name', 200, 'Nom.', true),
    code('kind', poolKinds, 'Natures de vivier', 'Nature du vivier.', true),
    text('sector', 200, 'Secteur.'),
    text('eligibility', 4000, 'Public éligible.'),
    date('starts_on', 'Début.', true),
    date('ends_on', 'Fin.'),
    userRef('officer_email', 'officer_id', 'Le chargé qui l’anime'),
    activeColumn('Ouvert'),
  ],
  check: endsAfterStart,
}

export const poolSessionsEntity: EntitySpec = {
  name: 'pool_info_session',
  label: 'information collective d’un vivier',
  file: 'pool_info_sessions.csv',
  summary: 'informations collectives des viviers',
  table: 'pool_info_session',
  description: 'Les informations collectives d’un vivier : quand et où.',
  key: 'external_id',
  versioned: true,
  order: ['pool_external_id', 'at', 'external_id'],
  columns: [
    externalId('de l’information collective'),
    ref(
      'pool_external_id',
      'candidate_pool',
      'pool_id',
      'Le vivier : external_id d’un vivier de candidate_pools.csv ou de la base.',
      true,
    ),
    instant('at', 'Date et heure.', true),
    text('place', 300, 'Lieu.'),
  ],
}

export const poolMembersEntity: EntitySpec = {
  name: 'pool_member',
  label: 'membre d’un vivier',
  file: 'pool_members.csv',
  summary: 'personnes positionnées dans les viviers',
  table: 'pool_member',
  description:
    'Les personnes positionnées dans un vivier (informées), reçues en entretien, entrées, sorties et pourquoi. Une ' +
    'personne n’est qu’une fois dans un vivier.',
  key: 'external_id',
  versioned: true,
  order: ['pool_external_id', 'external_id'],
  columns: [
    externalId('de la ligne'),
    ref(
      'pool_external_id',
      'candidate_pool',
      'pool_id',
      'Le vivier : external_id d’un vivier de candidate_pools.csv ou de la base.',
      true,
    ),
    personRef,
    date('positioned_on', 'Positionnée le.', true),
    userRef('positioned_by_email', 'positioned_by', 'Positionnée par'),
    ref(
      'info_session_external_id',
      'pool_info_session',
      'info_session_id',
      'L’information collective où elle a été invitée : external_id de pool_info_sessions.csv ou de la base.',
    ),
    date('interviewed_on', 'Entretien le.'),
    date('joined_on', 'Entrée dans le vivier le (jamais avant le positionnement).'),
    date('left_on', 'Sortie du vivier le.'),
    text('left_reason', 1000, 'Motif de sortie.'),
  ],
  check: (v) => [
    ...notBefore(v, 'joined_on', 'positioned_on', 'l’entrée est avant le positionnement'),
    ...notBefore(v, 'left_on', 'positioned_on', 'la sortie est avant le positionnement'),
  ],
  constraints: {
    pool_member_person_key: { column: 'person_external_id', message: 'la personne est déjà dans ce vivier' },
  },
}

export const applicationsEntity: EntitySpec = {
  name: 'operation_application',
  label: 'candidature à une opération',
  file: 'operation_applications.csv',
  summary: 'candidatures aux opérations de recrutement',
  table: 'operation_application',
  description:
    'Les candidatures à une opération de recrutement, d’une personne suivie ou d’un candidat extérieur (nom et ' +
    'commune seulement) : d’où elle vient, l’information collective, la présence, les tests, l’entretien, l’issue.',
  key: 'external_id',
  versioned: true,
  order: ['operation_external_id', 'external_id'],
  columns: [
    externalId('de la candidature'),
    ref(
      'operation_external_id',
      'recruitment_operation',
      'operation_id',
      'L’opération : external_id d’une opération de recruitment_operations.csv ou de la base.',
      true,
    ),
    optionalPersonRef,
    text('last_name', 100, 'Nom d’un candidat extérieur (sans personne).'),
    text('first_name', 100, 'Prénom d’un candidat extérieur.'),
    commune,
    communeName,
    code('source', applicationSources, 'Origines d’une candidature', 'Qui a adressé la candidature.', true),
    date('received_on', 'Reçue le.', true),
    ref(
      'info_session_external_id',
      'operation_info_session',
      'info_session_id',
      'L’information collective où le candidat est invité : external_id de operation_info_sessions.csv ou de la base.',
    ),
    {
      name: 'attended',
      type: { kind: 'boolean' },
      description: 'Présent à l’information collective (vide : pas encore connu).',
    },
    code('test_result', testResults, 'Résultats des tests', 'Résultat des tests.'),
    date('interviewed_on', 'Entretien le.'),
    code('outcome', applicationOutcomes, 'Issues d’une candidature', 'Issue.'),
    placementRef('L’embauche'),
    userRef('sent_by_email', 'sent_by', 'Adressée par'),
  ],
  check(v): ColumnIssue[] {
    const out: ColumnIssue[] = []
    if (v.person_external_id === null && v.last_name === null)
      out.push({ column: 'last_name', message: 'une candidature sans personne suivie demande le nom du candidat' })
    if (v.attended !== null && v.info_session_external_id === null)
      out.push({
        column: 'attended',
        message: 'une présence demande l’information collective (info_session_external_id)',
      })
    return out
  },
}

export const immersionsEntity: EntitySpec = {
  name: 'immersion',
  label: 'immersion en entreprise',
  file: 'immersions.csv',
  summary: 'immersions en entreprise (PMSMP)',
  table: 'immersion',
  description:
    'Les périodes de mise en situation en milieu professionnel (PMSMP) : la convention entre la personne, ' +
    'l’entreprise d’accueil et la structure (objet, tuteur, dates, horaires), le bilan, et ce qui a suivi.',
  key: 'external_id',
  versioned: true,
  order: ['starts_on', 'external_id'],
  columns: [
    externalId('de l’immersion'),
    personRef,
    employerRef('L’entreprise d’accueil'),
    ref(
      'programme_external_id',
      'immersion_programme',
      'programme_id',
      'Le programme d’immersions : external_id d’un programme de immersion_programmes.csv ou de la base (vide : aucun).',
    ),
    {
      name: 'module_number',
      type: { kind: 'integer', min: 1, max: 20 },
      description: 'Le module du programme (un numéro de immersion_modules.csv pour ce programme).',
    },
    ref(
      'pool_external_id',
      'candidate_pool',
      'pool_id',
      'Le vivier : external_id d’un vivier de candidate_pools.csv ou de la base.',
    ),
    code('objective', immersionObjectives, 'Objets d’une immersion', 'Objet de l’immersion.', true),
    text('job_title', 200, 'Métier observé.', true),
    romeColumn(),
    text('activities', 4000, 'Activités confiées.'),
    text('skills_observed', 4000, 'Compétences observées.'),
    text('place', 300, 'Lieu.'),
    text('tutor_name', 200, 'Tuteur.', true),
    text('tutor_job_title', 200, 'Fonction du tuteur.'),
    text('tutor_phone', 30, 'Téléphone du tuteur.'),
    { name: 'tutor_email', type: { kind: 'email' }, description: 'E-mail du tuteur.' },
    date('starts_on', 'Début.', true),
    date('ends_on', 'Fin (jamais avant le début).', true),
    hoursPerWeek(48),
    text('schedule', 1000, 'Horaires.'),
    userRef('prescriber_email', 'prescriber_id', 'Le prescripteur'),
    {
      name: 'status',
      type: { kind: 'code', list: immersionStatuses, listName: 'États d’une immersion' },
      default: 'draft',
      description: 'État (vide : draft).',
    },
    date('signed_on', 'Convention signée le.'),
    {
      name: 'validated',
      type: { kind: 'boolean' },
      description: 'Immersion validée par le bilan (vide : pas encore).',
    },
    text('assessment', 4000, 'Bilan.'),
    code('outcome', immersionOutcomes, 'Suites d’une immersion', 'Ce qui a suivi.'),
    placementRef('L’embauche qui a suivi'),
  ],
  check(v): ColumnIssue[] {
    const out = [...endsAfterStart(v), ...romeIssue(v), ...twoDecimals(v, 'hours_per_week')]
    if (v.module_number !== null && v.programme_external_id === null)
      out.push({ column: 'module_number', message: 'un module demande son programme (programme_external_id)' })
    return out
  },
  constraints: {
    immersion_structure_id_programme_id_module_number_fkey: {
      column: 'module_number',
      message: 'le programme n’a pas ce module (immersion_modules.csv)',
    },
  },
}

export const operationEntities = [
  operationsEntity,
  operationSessionsEntity,
  poolsEntity,
  poolSessionsEntity,
  poolMembersEntity,
]
