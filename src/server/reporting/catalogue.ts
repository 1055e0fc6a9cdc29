import type { CatalogueEntry } from '../../shared/reporting/reporting.schema.ts'
import { notFound } from '../errors.ts'
import type { IndicatorDeclaration } from './indicator.ts'
import { mlIndicators } from './indicators/ml.ts'
import { orgIndicators } from './indicators/org.ts'

/** Every indicator the system computes. A new family (PLIE, aids, mentoring) adds its list here. */
export const indicators: IndicatorDeclaration[] = [...mlIndicators, ...orgIndicators]

const byId = new Map(indicators.map((i) => [i.id, i]))
if (byId.size !== indicators.length) throw new Error('Deux indicateurs portent le même identifiant.')

export const familyLabels: Record<IndicatorDeclaration['family'], string> = {
  ml: 'Mission Locale',
  plie: 'PLIE',
  aids: 'Aides financières',
  mentoring: 'Parrainage',
  org: 'Toute la structure',
}

export function findIndicator(id: string): IndicatorDeclaration | undefined {
  return byId.get(id)
}

export function getIndicator(id: string): IndicatorDeclaration {
  const found = byId.get(id)
  if (!found) throw notFound('Cet indicateur')
  return found
}

export function catalogueEntry(i: IndicatorDeclaration): CatalogueEntry {
  return {
    id: i.id,
    family: i.family,
    label: i.label,
    definition: i.definition,
    population: i.population,
    breakdowns: i.breakdowns,
    notes: i.notes ?? [],
    sensitive: !!i.sensitive,
    objectiveKeys: i.objectiveKeys ?? [],
  }
}
