// The key figures of the director's home page: a few indicators of the catalogue (or one figure of one), counted for
// the year to date on each site and set against the site's yearly objective. Adding one is a line here (the indicator
// must have a `site` scope, as every indicator of the Mission Locale has).

export const keyFigures = {
  youth_in_contact: { label: 'Jeunes en contact', indicatorId: 'ml.youth_in_contact', figure: null },
  first_receptions: { label: 'Premiers accueils', indicatorId: 'ml.first_receptions', figure: null },
  civis_entries: { label: 'Entrées en CIVIS', indicatorId: 'ml.civis', figure: 'entries' },
} as const satisfies Record<string, { label: string; indicatorId: string; figure: string | null }>

export type KeyFigure = keyof typeof keyFigures
export const keyFigureCodes = Object.keys(keyFigures) as [KeyFigure, ...KeyFigure[]]
