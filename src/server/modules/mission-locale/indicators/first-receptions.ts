import { type Expression, sql } from 'kysely'
import { priorityAreas, sexes } from '../../../../shared/nomenclatures/person.ts'
import type { IndicatorContext, IndicatorDeclaration } from '../../../reporting/indicator.ts'
import {
  type AgeBand,
  ageBandLabels,
  ageBandOf,
  ageBandOn,
  ageBands,
  countBySets,
  mlPersons,
  statesOn,
  sumWhere,
} from '../../../reporting/sql.ts'
import { distribution, linesOf, shareFigure } from '../../../reporting/tables.ts'
import { crossOver, mobilityLabels } from './cross.ts'
import { factsYear, personYears } from './facts.ts'
import { belowBaccalaureate, infraV, levelOf, type ReportLevel, reportLevelLabels } from './levels.ts'

const dims = ['band', 'level', 'sex', 'diploma', 'priority', 'mobility'] as const

/** The display order: from the lowest level up. */
const levelOrder: ReportLevel[] = ['VI', 'Vbis', 'V', 'IV', 'III+', 'unknown']

/** Groups the mobility as the report does: car and motorbike together, 'unknown' when not recorded. */
const mobilityOf = (value: Expression<string | null>) =>
  sql<string>`case when ${value} in ('car', 'moped') then 'car_or_motorbike' else coalesce(${value}, 'unknown') end`

/** One row per young person first received in the period (and their site), with age and states on that day: from the raw rows. */
function receptionRows(ctx: IndicatorContext) {
  const day = sql.ref<string>('person.first_reception_date')
  return mlPersons(ctx)
    .where('person.first_reception_date', '>=', ctx.period.from)
    .where('person.first_reception_date', '<=', ctx.period.to)
    .leftJoinLateral(
      (eb) => statesOn(eb, ['education_level', 'diploma', 'mobility'], 'person.id', day).as('st'),
      (j) => j.onTrue(),
    )
    .select([
      'person.id as person_id',
      sql<string>`person.site_id::text`.as('site'),
      ageBandOn('person.birth_date', day).as('band'),
      sql<string>`coalesce(st.education_level, 'unknown')`.as('level'),
      'person.sex as sex',
      sql<string>`coalesce(st.diploma, 'unknown')`.as('diploma'),
      sql<string>`coalesce(person.priority_area, 'none')`.as('priority'),
      mobilityOf(sql.ref('st.mobility')).as('mobility'),
    ])
}

/** The same rows from the year's facts. */
function receptionFacts(ctx: IndicatorContext, year: number) {
  return personYears(ctx, year)
    .where('f.first_reception', '=', true)
    .select([
      ageBandOf(sql.ref<number>('f.fr_age')).as('band'),
      sql<string>`coalesce(f.fr_education_level, 'unknown')`.as('level'),
      'f.sex as sex',
      sql<string>`coalesce(f.fr_diploma, 'unknown')`.as('diploma'),
      sql<string>`coalesce(f.priority_area, 'none')`.as('priority'),
      mobilityOf(sql.ref('f.fr_mobility')).as('mobility'),
    ])
}

export const firstReceptions: IndicatorDeclaration = {
  id: 'ml.first_receptions',
  family: 'ml',
  label: 'Jeunes accueillis pour la première fois',
  definition:
    'Nombre de jeunes suivis par la Mission Locale dont la date de premier accueil tombe dans la période. ' +
    'L’âge, le niveau, le diplôme et le moyen de locomotion sont ceux du jour du premier accueil.',
  population:
    'Personnes ayant une inscription au programme Mission Locale qui chevauche la période, dans le périmètre demandé.',
  breakdowns: [
    'tranche d’âge au premier accueil',
    'niveau au premier accueil',
    'sexe',
    'moyen de locomotion',
    'quartier prioritaire',
    'sans diplôme, sans baccalauréat',
  ],
  notes: [
    'Mineurs parmi les moins de 22 ans = 16-17 ans ÷ (16-17 ans + 18-21 ans).',
    'Sans baccalauréat = diplôme aucun, CFG/brevet ou CAP/BEP au premier accueil.',
    'Voiture ou deux-roues = voiture ou deux-roues motorisé.',
  ],
  cross: crossOver(['band', 'level', 'sex', 'diploma', 'priority', 'mobility', 'site'], receptionRows),
  async compute(ctx) {
    const year = await factsYear(ctx)
    const rows = year === undefined ? receptionRows(ctx) : receptionFacts(ctx, year)
    const sets = await countBySets(ctx.q, rows, dims, [
      ['band'],
      ['level'],
      ['sex'],
      ['diploma'],
      ['priority'],
      ['mobility'],
      [],
    ])
    const get = (k: string) => sets.get(k) ?? []
    const total = sumWhere(get(''), {})
    const levels = get('level').map((r) => ({ ...r, level: levelOf(r.level) }))
    const level = (ls: readonly ReportLevel[]) =>
      levels.filter((r) => ls.includes(r.level)).reduce((s, r) => s + r.n, 0)
    const band = (bs: AgeBand[]) => sumWhere(get('band'), { band: bs })
    const under22 = band(['16-17', '18-21'])
    return {
      value: total,
      figures: [
        shareFigure('under22AtFirstReception', 'Moins de 22 ans au premier accueil', under22, total),
        shareFigure('minorsAmongUnder22', 'Mineurs parmi les moins de 22 ans', band(['16-17']), under22),
        shareFigure('women', 'Jeunes femmes', sumWhere(get('sex'), { sex: 'F' }), total),
        shareFigure('noQualificationInfraV', 'Sans qualification (infra V : niveaux Vbis et VI)', level(infraV), total),
        shareFigure('noDiploma', 'Sans diplôme (ni CAP ni BEP)', sumWhere(get('diploma'), { diploma: 'none' }), total),
        shareFigure(
          'noBaccalaureate',
          'Sans baccalauréat',
          sumWhere(get('diploma'), { diploma: belowBaccalaureate }),
          total,
        ),
        shareFigure(
          'livingInPriorityArea',
          'Résidant en quartier prioritaire (QPV, ZUS)',
          sumWhere(get('priority'), { priority: ['qpv', 'zus'] }),
          total,
        ),
      ],
      tables: [
        distribution({
          key: 'byAgeBand',
          title: 'Répartition des jeunes nouvellement accueillis par tranche d’âge',
          rowHeader: 'Âge au premier accueil',
          lines: ageBands.map((b) => ({ key: b, label: ageBandLabels[b], n: band([b]) })),
          dropEmpty: ['26+'],
        }),
        distribution({
          key: 'byLevel',
          title: 'Répartition des jeunes nouvellement accueillis par niveau scolaire',
          rowHeader: 'Niveau au premier accueil',
          lines: levelOrder.map((l) => ({ key: l, label: reportLevelLabels[l], n: level([l]) })),
        }),
        distribution({
          key: 'bySex',
          title: 'Jeunes nouvellement accueillis par sexe',
          rowHeader: 'Sexe',
          lines: linesOf(sexes.labels, (c) => sumWhere(get('sex'), { sex: c })),
        }),
        distribution({
          key: 'mobility',
          title: 'Moyens de locomotion au premier accueil',
          rowHeader: 'Moyen de locomotion',
          lines: linesOf(mobilityLabels, (c) => sumWhere(get('mobility'), { mobility: c })),
          dropEmpty: ['unknown'],
        }),
        distribution({
          key: 'priorityArea',
          title: 'Jeunes nouvellement accueillis résidant en quartier prioritaire',
          rowHeader: 'Quartier',
          lines: linesOf({ ...priorityAreas.labels, none: 'Hors quartier prioritaire' }, (c) =>
            sumWhere(get('priority'), { priority: c }),
          ),
        }),
      ],
    }
  },
}
