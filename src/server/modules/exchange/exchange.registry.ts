import {
  enrolmentsEntity,
  eventsEntity,
  propositionsEntity,
  situationsEntity,
  themeLookup,
  themesEntity,
} from './exchange.accompaniment.ts'
import { programmesEntity, sitesEntity, usersEntity } from './exchange.organisation.ts'
import { notesEntity, personAttributesEntity, personsEntity, statusesEntity } from './exchange.persons.ts'
import type { EntitySpec, LookupTarget } from './exchange.types.ts'

/**
 * The files of a bundle, in the order they are imported (a file may refer only to the files before it) and
 * documented. A module adds its own files by appending its declarations here (PLIE, aids, training, employment).
 */
export const exchangeEntities: EntitySpec[] = [
  sitesEntity,
  programmesEntity,
  usersEntity,
  themesEntity,
  personsEntity,
  personAttributesEntity,
  statusesEntity,
  eventsEntity,
  propositionsEntity,
  situationsEntity,
  enrolmentsEntity,
  notesEntity,
]

/**
 * What an export or import moves: `all` — the whole bundle, person files included (the director, second factor;
 * the CLI); `configuration` — the organisation only (the admin, who reads no person file). A file is person data
 * unless it is listed here: a module's new file stays out of the admin's reach until someone decides otherwise.
 */
export type ExchangeScope = 'all' | 'configuration'
export const configurationFiles: ReadonlySet<string> = new Set(
  [sitesEntity, programmesEntity, usersEntity, themesEntity].map((e) => e.file),
)
export const entitiesOf = (scope: ExchangeScope) =>
  scope === 'all' ? exchangeEntities : exchangeEntities.filter((e) => configurationFiles.has(e.file))

/** Reference targets that are not files of the bundle. */
export const exchangeLookups: LookupTarget[] = [themeLookup]

/** structure.csv: read only to create the structure in an empty database, always written by the export. */
export const STRUCTURE_FILE = 'structure.csv'

export const entityByName = (name: string) => exchangeEntities.find((e) => e.name === name)
