import { defineServerModule } from '../module.ts'
import { factsCommand } from './facts/facts.commands.ts'
import { mlFacts } from './facts/facts.repository.ts'
import * as m20261201T0900 from './migrations/20261201T0900_ml_facts.ts'
import * as m20261203T0900 from './migrations/20261203T0900_ml_facts_noted.ts'
import { mlIndicators } from './mission-locale.indicators.ts'
import { missionLocaleSections } from './mission-locale.report.ts'

/**
 * The Mission Locale's indicators and its chapter of the annual report (computed from persons and accompaniment),
 * and the per-person, per-year facts they read for a built calendar year (kept by the database on every write).
 */
export const missionLocaleModule = defineServerModule({
  name: 'mission-locale',
  tables: ['ml_fact_year', 'ml_person_year', 'ml_person_year_theme', 'ml_person_year_programme'],
  distribution: {
    ml_fact_year: 'reference',
    ml_person_year: 'structure',
    ml_person_year_theme: 'structure',
    ml_person_year_programme: 'structure',
  },
  migrations: { '20261201T0900_ml_facts': m20261201T0900, '20261203T0900_ml_facts_noted': m20261203T0900 },
  commands: [factsCommand],
  facts: mlFacts,
  indicatorFamily: { key: 'ml', label: 'Mission Locale' },
  indicators: mlIndicators,
  report: { order: 10, sections: missionLocaleSections },
})
