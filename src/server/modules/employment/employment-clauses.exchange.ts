import { clauseCriteria, clauseOperationStatuses } from '../../../shared/employment/employment.nomenclature.ts'
import { code, ref } from '../aids/aids-exchange.write.ts'
import type { ColumnIssue, EntitySpec } from '../exchange/index.ts'
import { date, externalId, notBefore, personRef, text, userRef } from '../exchange/index.ts'
import {
  commune,
  communeName,
  contractKind,
  durationMonths,
  employerRef,
  instant,
  placementRef,
  twoDecimals,
} from './employment-exchange.common.ts'

// The procurement social clauses in the bundle (issue 14, docs/employment/exchange.md): the operations, their lots
// awarded to companies, the eligible participants (RSA and RQTH are sensitive: person data, like statuses.csv), the
// contracts, the companies' monthly statements and the hours worked each month.

const lotRef = ref(
  'lot_external_id',
  'clause_lot',
  'lot_id',
  'Le lot : external_id d’un lot de clause_lots.csv ou de la base.',
  true,
)

export const clauseOperationsEntity: EntitySpec = {
  name: 'clause_operation',
  label: 'opération avec clause d’insertion',
  file: 'clause_operations.csv',
  summary: 'opérations avec clause sociale (marchés publics)',
  table: 'clause_operation',
  description:
    'Les marchés publics avec une clause sociale d’insertion : le maître d’ouvrage, le marché, le chantier, les ' +
    'dates, l’état, le facilitateur qui la suit.',
  key: 'external_id',
  versioned: true,
  order: ['name', 'external_id'],
  columns: [
    externalId('de l’opération'),
    text('name', 300, 'Nom de l’opération.', true),
    text('contracting_authority', 300, 'Maître d’ouvrage (donneur d’ordre).', true),
    text('contract_ref', 100, 'Référence du marché.'),
    text('site_label', 300, 'Chantier.', true),
    commune,
    communeName,
    date('starts_on', 'Début.'),
    date('ends_on', 'Fin.'),
    {
      name: 'status',
      type: { kind: 'code', list: clauseOperationStatuses, listName: 'États d’une opération avec clause' },
      default: 'running',
      description: 'État (vide : running).',
    },
    userRef('facilitator_email', 'facilitator_id', 'Le facilitateur des clauses'),
  ],
  check: (v) => notBefore(v, 'ends_on', 'starts_on', 'la fin est avant le début'),
}

export const clauseLotsEntity: EntitySpec = {
  name: 'clause_lot',
  label: 'lot d’une opération avec clause',
  file: 'clause_lots.csv',
  summary: 'lots des opérations, entreprises attributaires et heures exigées',
  table: 'clause_lot',
  description: 'Les lots de chaque opération : l’entreprise attributaire et les heures d’insertion que le lot exige.',
  key: 'external_id',
  versioned: true,
  order: ['operation_external_id', 'external_id'],
  columns: [
    externalId('du lot'),
    ref(
      'operation_external_id',
      'clause_operation',
      'operation_id',
      'L’opération : external_id d’une opération de clause_operations.csv ou de la base.',
      true,
    ),
    text('label', 300, 'Intitulé du lot.', true),
    employerRef('L’entreprise attributaire (vide : pas encore attribué)', false),
    {
      name: 'required_hours',
      type: { kind: 'integer', min: 0, max: 1000000 },
      required: true,
      description: 'Heures d’insertion exigées.',
    },
  ],
}

export const clauseParticipantsEntity: EntitySpec = {
  name: 'clause_participant',
  label: 'participant aux clauses',
  file: 'clause_participants.csv',
  summary: 'personnes éligibles aux clauses et leur critère',
  table: 'clause_participant',
  description:
    'Les personnes éligibles aux clauses, sur le critère que le facilitateur a vérifié. RSA et RQTH sont des données ' +
    'sensibles (comme dans statuses.csv) : ce fichier n’est que dans le lot complet (direction, double ' +
    'authentification), jamais dans la configuration. Une personne n’y est qu’une fois.',
  key: 'external_id',
  versioned: true,
  order: ['person_external_id', 'external_id'],
  columns: [
    externalId('du participant'),
    personRef,
    code('criterion', clauseCriteria, 'Critères d’éligibilité aux clauses', 'Le critère d’éligibilité vérifié.', true),
    date('validated_on', 'Éligibilité vérifiée le.', true),
    userRef('validated_by_email', 'validated_by', 'Vérifiée par'),
  ],
  constraints: {
    clause_participant_person_key: {
      column: 'person_external_id',
      message: 'la personne est déjà participante aux clauses',
    },
  },
}

export const clauseContractsEntity: EntitySpec = {
  name: 'clause_contract',
  label: 'contrat sur une clause',
  file: 'clause_contracts.csv',
  summary: 'contrats des participants avec les entreprises des lots',
  table: 'clause_contract',
  description: 'Les contrats qu’un participant a signés avec l’entreprise d’un lot, et l’embauche qu’ils sont.',
  key: 'external_id',
  versioned: true,
  order: ['lot_external_id', 'starts_on', 'external_id'],
  columns: [
    externalId('du contrat'),
    lotRef,
    personRef,
    contractKind(),
    date('starts_on', 'Début.', true),
    durationMonths,
    placementRef('L’embauche enregistrée pour ce contrat'),
  ],
}

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export const clauseStatementsEntity: EntitySpec = {
  name: 'clause_statement',
  label: 'relevé d’heures d’une entreprise',
  file: 'clause_statements.csv',
  summary: 'relevés mensuels d’heures importés des entreprises',
  table: 'clause_statement',
  description:
    'Les relevés mensuels d’heures qu’une entreprise a envoyés et qui ont été importés : l’opération, l’entreprise, ' +
    'le mois, le fichier, quand, par qui, combien de lignes. Un même mois d’une entreprise importé plusieurs fois a ' +
    'plusieurs relevés (le dernier fait foi). Un relevé n’a pas d’identifiant dans un ancien système : il est reconnu ' +
    'par son identifiant dans Jalon (un uuid, en minuscules), que clause_hours.csv reprend.',
  key: 'id',
  small: true,
  order: ['imported_at', 'id'],
  columns: [
    {
      name: 'id',
      type: { kind: 'text', max: 36 },
      required: true,
      description: 'Identifiant du relevé (uuid en minuscules : 3f2a…-…), unique dans le fichier.',
    },
    ref(
      'operation_external_id',
      'clause_operation',
      'operation_id',
      'L’opération : external_id d’une opération de clause_operations.csv ou de la base (vide : ancien relevé).',
    ),
    employerRef('L’entreprise qui l’a envoyé (vide : lot pas attribué, ou ancien relevé)', false),
    {
      name: 'period',
      type: { kind: 'text', max: 7 },
      description: 'Le mois du relevé, AAAA-MM (vide : ancien relevé de plusieurs mois).',
    },
    {
      name: 'revision',
      type: { kind: 'integer', min: 1, max: 100000 },
      default: 1,
      description: 'Combientième import de ce mois de l’entreprise (vide : 1) ; le plus grand fait foi.',
    },
    text('file_name', 300, 'Nom du fichier importé.', true),
    instant('imported_at', 'Quand il a été importé.', true),
    userRef('imported_by_email', 'imported_by', 'Importé par'),
    {
      name: 'row_count',
      type: { kind: 'integer', min: 0, max: 1000000 },
      required: true,
      description: 'Lignes du relevé.',
    },
  ],
  check(v): ColumnIssue[] {
    const out: ColumnIssue[] = []
    if (!UUID.test(v.id as string))
      out.push({ column: 'id', message: 'un identifiant de relevé est un uuid en minuscules' })
    if (typeof v.period === 'string' && !PERIOD.test(v.period))
      out.push({ column: 'period', message: 'un mois s’écrit AAAA-MM (2009-03)' })
    return out
  },
}

export const clauseHoursEntity: EntitySpec = {
  name: 'clause_hours',
  label: 'heures sur une clause',
  file: 'clause_hours.csv',
  summary: 'heures d’insertion travaillées par mois',
  table: 'clause_hours',
  description:
    'Les heures qu’un participant a travaillées sur un lot dans un mois (saisies, ou lues du relevé de l’entreprise). ' +
    'Une ligne par lot, personne et mois.',
  key: 'external_id',
  versioned: true,
  order: ['month', 'lot_external_id', 'external_id'],
  columns: [
    externalId('de la ligne d’heures'),
    lotRef,
    personRef,
    date('month', 'Le mois : son premier jour (2009-03-01).', true),
    {
      name: 'hours',
      type: { kind: 'decimal', min: 0, max: 744 },
      required: true,
      description: 'Heures travaillées, nombre décimal (point ou virgule : 151.67), deux décimales au plus.',
    },
    ref(
      'statement_id',
      'clause_statement',
      'statement_id',
      'Le relevé d’où viennent les heures : id d’un relevé de clause_statements.csv ou de la base (vide : saisies).',
    ),
    userRef('recorded_by_email', 'recorded_by', 'Enregistrées par'),
  ],
  check(v): ColumnIssue[] {
    const out = twoDecimals(v, 'hours')
    if (typeof v.month === 'string' && !v.month.endsWith('-01'))
      out.push({ column: 'month', message: 'un mois s’écrit par son premier jour (AAAA-MM-01)' })
    return out
  },
  constraints: {
    clause_hours_month_key: {
      column: 'month',
      message: 'des heures sont déjà enregistrées pour ce lot, cette personne et ce mois',
    },
  },
}

export const clauseEntities = [
  clauseOperationsEntity,
  clauseLotsEntity,
  clauseParticipantsEntity,
  clauseContractsEntity,
  clauseStatementsEntity,
  clauseHoursEntity,
]
