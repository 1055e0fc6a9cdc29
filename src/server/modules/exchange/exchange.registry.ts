import type { ServerModule } from '../module.ts'
import { installedModules } from '../registry.ts'
import type { EntitySpec, LookupTarget } from './exchange.types.ts'

/**
 * The files of a bundle, in the order they are imported (a file may refer only to the files before it) and
 * documented: each module's `exchange.entities` (its manifest), modules placed by their `exchange.order`.
 */
export const exchangeEntities = (): EntitySpec[] => contributions().flatMap((c) => c.entities)

/**
 * What an export or import moves: `all` — the whole bundle, person files included (the director, second factor;
 * the CLI); `configuration` — the organisation only (the admin, who reads no person file). A file is person data
 * unless its module lists it as `configuration`: a module's new file stays out of the admin's reach until someone
 * decides otherwise.
 */
export type ExchangeScope = 'all' | 'configuration'
export const configurationFiles = (): ReadonlySet<string> =>
  new Set(contributions().flatMap((c) => c.configuration ?? []))
export const entitiesOf = (scope: ExchangeScope) => {
  if (scope === 'all') return exchangeEntities()
  const configuration = configurationFiles()
  return exchangeEntities().filter((e) => configuration.has(e.file))
}

/** Reference targets that are not files of the bundle. */
export const exchangeLookups = (): LookupTarget[] => contributions().flatMap((c) => c.lookups ?? [])

/** structure.csv: read only to create the structure in an empty database, always written by the export. */
export const STRUCTURE_FILE = 'structure.csv'

export const entityByName = (name: string) => exchangeEntities().find((e) => e.name === name)

/** the modules' bundle declarations in bundle order, computed once per installed list (read for every batch of rows) */
let sorted: { modules: unknown; value: NonNullable<ServerModule['exchange']>[] } | undefined
function contributions() {
  const modules = installedModules()
  if (sorted?.modules !== modules)
    sorted = {
      modules,
      value: modules.flatMap((m) => (m.exchange ? [m.exchange] : [])).sort((a, b) => a.order - b.order),
    }
  return sorted.value
}
