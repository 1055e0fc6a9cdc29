import {
  type Level1969,
  level1969From2019,
  levels1969,
  levels2019,
  reportLevel,
} from '../../../../shared/nomenclatures/person.ts'

// Education level as the report counts it: the 1969 nomenclature with III, II and I grouped as III+.

export const reportLevels = ['III+', 'IV', 'V', 'Vbis', 'VI', 'unknown'] as const
export type ReportLevel = (typeof reportLevels)[number]
export const reportLevelLabels: Record<ReportLevel, string> = {
  'III+': 'Niveau III et +',
  IV: 'Niveau IV',
  V: 'Niveau V',
  Vbis: 'Niveau Vbis',
  VI: 'Niveau VI',
  unknown: 'Non renseigné',
}

/** The stored value is a 1969 code; a 2019 level (1 to 8) entered on its own is mapped to its 1969 equivalent. */
export function levelOf(value: string): ReportLevel {
  if (value in levels1969.labels) return reportLevel(value as Level1969) as ReportLevel
  const n = Number(value)
  if ((levels2019 as readonly number[]).includes(n)) return reportLevel(level1969From2019(n as 1)) as ReportLevel
  return 'unknown'
}

/** Below level V (no qualification): Vbis and VI. */
export const infraV: readonly ReportLevel[] = ['Vbis', 'VI']
/** Diplomas below the baccalaureate: none, CFG/brevet, CAP/BEP. */
export const belowBaccalaureate = ['none', 'cfg_dnb', 'cap_bep'] as const
