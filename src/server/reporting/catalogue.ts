import type { CatalogueEntry } from '../../shared/reporting/reporting.schema.ts'
import { notFound } from '../errors.ts'
import { installedModules } from '../modules/registry.ts'
import type { IndicatorDeclaration } from './indicator.ts'

// Every indicator the system computes: the `indicators` of each module's manifest, grouped by the families the
// manifests declare (`indicatorFamily`). Read from the installed modules, once.

interface Catalogue {
  indicators: IndicatorDeclaration[]
  byId: Map<string, IndicatorDeclaration>
  familyLabels: Map<string, string>
}
let catalogue: { modules: unknown; value: Catalogue } | undefined

function current(): Catalogue {
  const modules = installedModules()
  if (catalogue?.modules === modules) return catalogue.value
  const indicators = modules.flatMap((m) => m.indicators ?? [])
  const byId = new Map(indicators.map((i) => [i.id, i]))
  if (byId.size !== indicators.length) throw new Error('Deux indicateurs portent le même identifiant.')
  const familyLabels = new Map(
    modules.flatMap((m) => (m.indicatorFamily ? [m.indicatorFamily] : [])).map((f) => [f.key, f.label]),
  )
  const unknown = indicators.find((i) => !familyLabels.has(i.family))
  if (unknown) throw new Error(`L’indicateur ${unknown.id} appartient à une famille qu’aucun module ne déclare.`)
  catalogue = { modules, value: { indicators, byId, familyLabels } }
  return catalogue.value
}

export const allIndicators = (): IndicatorDeclaration[] => current().indicators

export const familyLabel = (family: string): string => current().familyLabels.get(family) ?? family

export function findIndicator(id: string): IndicatorDeclaration | undefined {
  return current().byId.get(id)
}

export function getIndicator(id: string): IndicatorDeclaration {
  const found = findIndicator(id)
  if (!found) throw notFound('Cet indicateur')
  return found
}

export function catalogueEntry(i: IndicatorDeclaration): CatalogueEntry {
  return {
    id: i.id,
    family: i.family,
    familyLabel: familyLabel(i.family),
    label: i.label,
    definition: i.definition,
    population: i.population,
    breakdowns: i.breakdowns,
    notes: i.notes ?? [],
    sensitive: !!i.sensitive,
    objectiveKeys: i.objectiveKeys ?? [],
  }
}
