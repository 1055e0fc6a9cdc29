import { immersionObjectives } from '../../../shared/employment/employment.nomenclature.ts'
import { code, compositeKey, keyedWrite, ref } from '../aids/aids-exchange.write.ts'
import type { ColumnSpec, EntitySpec } from '../exchange/index.ts'
import { externalId, text } from '../exchange/index.ts'
import { clauseEntities } from './employment-clauses.exchange.ts'
import { employerEntities } from './employment-employers.exchange.ts'
import { activeColumn } from './employment-exchange.common.ts'
import {
  candidateEventsEntity,
  candidatesEntity,
  followUpsEntity,
  offersEntity,
  placementsEntity,
} from './employment-offers.exchange.ts'
import { applicationsEntity, immersionsEntity, operationEntities } from './employment-operations.exchange.ts'

// Employment in the exchange bundle (issue 14, docs/import-format.md, docs/employment/exchange.md): the immersion
// programmes and their modules (configuration, this file); the employers, their contacts and every contact with them,
// the persons' job projects (employment-employers.exchange.ts); the offers, placements and follow-ups, the persons
// positioned on offers and their history (employment-offers.exchange.ts); the recruitment operations, pools and
// immersions (employment-operations.exchange.ts); the social clauses (employment-clauses.exchange.ts). The order
// follows the foreign keys: a file refers only to those before it. What stays behind (versions, when a row was written
// here) is listed with its reason in exchange.not-exported.ts.

export const programmesEntity: EntitySpec = {
  name: 'immersion_programme',
  label: 'programme d’immersions',
  file: 'immersion_programmes.csv',
  summary: 'programmes d’immersions en modules',
  table: 'immersion_programme',
  description: 'Les programmes d’immersions organisés en modules (les immersions du CIVIS en 3 modules…).',
  key: 'external_id',
  versioned: true,
  small: true,
  order: ['name', 'external_id'],
  columns: [externalId('du programme'), text('name', 200, 'Nom.', true), activeColumn('Proposé')],
}

const moduleKey = compositeKey(['programme_external_id', 'number'])
const moduleColumns: ColumnSpec[] = [
  ref(
    'programme_external_id',
    'immersion_programme',
    'programme_id',
    'Le programme : external_id d’un programme de immersion_programmes.csv ou de la base.',
    true,
  ),
  {
    name: 'number',
    type: { kind: 'integer', min: 1, max: 20 },
    required: true,
    description: 'Numéro du module dans le programme (de 1 à 20), unique dans le programme.',
  },
  text('label', 200, 'Intitulé.', true),
  code('objective', immersionObjectives, 'Objets d’une immersion', 'L’objet des immersions du module.', true),
]
export const modulesEntity: EntitySpec = {
  name: 'immersion_module',
  label: 'module d’un programme d’immersions',
  file: 'immersion_modules.csv',
  summary: 'modules des programmes d’immersions',
  table: 'immersion_module',
  description:
    'Les modules de chaque programme, dans l’ordre, avec l’objet des immersions qu’on y fait. Une ligne est reconnue ' +
    'par son programme et son numéro.',
  key: moduleKey.name,
  order: ['programme_external_id', 'number'],
  columns: moduleColumns,
  check(v) {
    moduleKey.set(v)
    return []
  },
  write: keyedWrite(moduleColumns, { table: 'immersion_module', conflict: ['structure_id', 'programme_id', 'number'] }),
}

/** Employment's files, in bundle order (a file refers only to earlier ones: persons, sites, users, situations). */
export const employmentEntities: EntitySpec[] = [
  programmesEntity,
  modulesEntity,
  ...employerEntities,
  offersEntity,
  ...operationEntities,
  placementsEntity,
  followUpsEntity,
  candidatesEntity,
  candidateEventsEntity,
  applicationsEntity,
  immersionsEntity,
  ...clauseEntities,
]

/** the files that are configuration (the immersion programmes and their modules): no person data, the admin moves them */
export const employmentConfiguration: string[] = [programmesEntity.file, modulesEntity.file]
