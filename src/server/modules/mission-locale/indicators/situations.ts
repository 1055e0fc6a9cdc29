import { calendarYear, isCalendarYear, yearOf } from '../../../../shared/reporting/period.ts'
import type { Period, ResultTable, Row } from '../../../../shared/reporting/reporting.schema.ts'
import type { IndicatorContext, IndicatorDeclaration } from '../../../reporting/indicator.ts'
import {
  countSituationGroups,
  type GroupCounts,
  groupCountsOfKinds,
  type SituationGroupKey,
  situationGroupKeys,
  situationGroupParents,
  situationGroups,
  situationStarts,
} from '../../../reporting/indicators/situation-groups.ts'
import { countColumn, countFigure, ratio, valueFigure } from '../../../reporting/tables.ts'
import { factsYear, personYears } from './facts.ts'

/** The period's starts of the Mission Locale population: from the year's facts when built, else the raw rows. */
async function entries(ctx: IndicatorContext, period: Period): Promise<GroupCounts> {
  const year = await factsYear(ctx, period)
  if (year === undefined) return countSituationGroups(ctx.q, situationStarts(ctx, period, 'ml'))
  // persons by the list of kinds they started: a few hundred lists for a whole network
  const rows = await personYears(ctx, year, period)
    .where('f.situation_kinds', 'is not', null)
    .select(['f.situation_kinds', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('f.situation_kinds')
    .execute()
  return groupCountsOfKinds(rows.map((r) => ({ kinds: r.situation_kinds ?? [], n: r.n })))
}

const rowOf = (key: SituationGroupKey, values: number[]): Row => ({
  key,
  label: situationGroups[key].label,
  values,
  ...(key === 'grandTotal' ? { total: true } : {}),
  ...(situationGroupParents[key] ? { parent: situationGroupParents[key] } : {}),
})

function entriesTable(c: GroupCounts): ResultTable {
  return {
    key: 'entries',
    title: 'Entrées sur les mesures mobilisées pour l’emploi et la formation',
    rowHeader: 'Mesure',
    columns: [
      countColumn('measures', 'Nombre de mesures'),
      // a person can start measures of several groups: persons do not add up
      countColumn('persons', 'Personnes concernées', { additive: false }),
    ],
    rows: situationGroupKeys.map((k) => rowOf(k, [c[k].measures, c[k].persons])),
    note: 'Une personne ayant débuté plusieurs mesures compte une fois par groupe et une fois au total.',
  }
}

export const situationEntriesIndicator: IndicatorDeclaration = {
  id: 'ml.situation_entries',
  family: 'ml',
  label: 'Entrées en emploi et en formation',
  definition:
    'Situations (emploi, alternance, contrat d’insertion, formation) des jeunes suivis par la Mission Locale dont la ' +
    'date de début tombe dans la période, comptées en mesures (une ligne par situation) et en personnes distinctes ; ' +
    'moyenne de mesures par personne ; comparaison des trois années civiles qui se terminent avec celle de la période.',
  population:
    'Situations des personnes ayant une inscription au programme Mission Locale qui chevauche la période, dans le ' +
    'périmètre demandé.',
  breakdowns: ['groupe de mesures', 'année (3 ans)'],
  notes: [
    'Emploi (CDD, CDI…) : CDI, CDD, intérim, saisonnier, travail indépendant, autre emploi de droit commun. ' +
      'Alternance : apprentissage, professionnalisation. Contrat d’insertion : contrats aidés et contrats en SIAE. ' +
      'Formation : qualifiante, préqualifiante, orientation, savoirs de base, retour en formation initiale.',
    'Chaque année de la comparaison est comptée sur sa propre population (inscription ML chevauchant l’année).',
    'Les immersions, le service civique, la création d’entreprise et le service militaire ne sont pas comptés.',
  ],
  async compute(ctx) {
    const c = await entries(ctx, ctx.period)
    const last = yearOf(ctx.period.to)
    const years = [last - 2, last - 1, last]
    const byYear: GroupCounts[] = []
    for (const y of years) {
      const p = calendarYear(y)
      const same = isCalendarYear(ctx.period) && ctx.period.from === p.from
      byYear.push(same ? c : await entries(ctx, p))
    }
    return {
      value: c.grandTotal.measures,
      figures: [
        countFigure('measures', 'Mesures emploi et formation débutées', c.grandTotal.measures),
        countFigure('persons', 'Jeunes ayant débuté au moins une mesure', c.grandTotal.persons),
        countFigure('employmentMeasures', 'Mesures emploi débutées', c.employmentTotal.measures),
        countFigure('employmentPersons', 'Jeunes ayant débuté au moins une mesure emploi', c.employmentTotal.persons),
        valueFigure(
          'averageMeasuresPerPerson',
          'Mesures par jeune (moyenne)',
          'average',
          ratio(c.grandTotal.measures, c.grandTotal.persons),
        ),
      ],
      tables: [
        entriesTable(c),
        {
          key: 'byYear',
          title: 'Comparaison annuelle du nombre de mesures',
          rowHeader: 'Mesure',
          columns: years.map((y) => countColumn(String(y), String(y))),
          rows: situationGroupKeys.map((k) =>
            rowOf(
              k,
              byYear.map((g) => g[k].measures),
            ),
          ),
          note: 'Années civiles entières, quelle que soit la période demandée.',
        },
      ],
    }
  },
}
