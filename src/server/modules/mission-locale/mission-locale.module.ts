import { defineServerModule } from '../module.ts'
import { mlIndicators } from './mission-locale.indicators.ts'
import { missionLocaleSections } from './mission-locale.report.ts'

/** The Mission Locale's indicators and its chapter of the annual report (computed from persons and accompaniment). */
export const missionLocaleModule = defineServerModule({
  name: 'mission-locale',
  tables: [],
  indicatorFamily: { key: 'ml', label: 'Mission Locale' },
  indicators: mlIndicators,
  report: { order: 10, sections: missionLocaleSections },
})
