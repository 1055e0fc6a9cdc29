import { sql } from 'kysely'
import {
  drivingLicences,
  familySituations,
  housings,
  priorityAreas,
  resources,
  sexes,
} from '../../../../shared/nomenclatures/person.ts'
import type { ResultTable } from '../../../../shared/reporting/reporting.schema.ts'
import { contextKey, type IndicatorContext, type IndicatorDeclaration } from '../../../reporting/indicator.ts'
import {
  type AgeBand,
  ageBandLabels,
  ageBandOf,
  ageBandOn,
  ageBands,
  countBySets,
  dateValue,
  hadContactDuring,
  mlPersons,
  statesOn,
  sumWhere,
} from '../../../reporting/sql.ts'
import { countColumn, distribution, linesOf, percent, shareColumn, shareFigure } from '../../../reporting/tables.ts'
import { crossOver } from './cross.ts'
import { factsYear, personYears } from './facts.ts'
import { belowBaccalaureate, infraV, levelOf, type ReportLevel, reportLevelLabels, reportLevels } from './levels.ts'

const dims = [
  'level',
  'band',
  'sex',
  'diploma',
  'family',
  'housing',
  'resources',
  'licence',
  'priority',
  'site',
] as const
type Dim = (typeof dims)[number]

const attributes = [
  'education_level',
  'diploma',
  'family_situation',
  'housing',
  'resources',
  'driving_licence',
] as const

/** One row per young person in contact, with their state on the period's last day: from the raw rows. */
export function contactRows(ctx: IndicatorContext) {
  const end = dateValue(ctx.period.to)
  return mlPersons(ctx)
    .where((eb) => hadContactDuring(eb, ctx.period))
    .leftJoinLateral(
      (eb) => statesOn(eb, attributes, 'person.id', end).as('st'),
      (j) => j.onTrue(),
    )
    .select([
      'person.id as person_id',
      'person.sex as sex',
      sql<string>`coalesce(st.education_level, 'unknown')`.as('level'),
      ageBandOn('person.birth_date', end).as('band'),
      sql<string>`coalesce(st.diploma, 'unknown')`.as('diploma'),
      sql<string>`coalesce(st.family_situation, 'unknown')`.as('family'),
      sql<string>`coalesce(st.housing, 'unknown')`.as('housing'),
      sql<string>`coalesce(st.resources, 'unknown')`.as('resources'),
      sql<string>`coalesce(st.driving_licence, 'unknown')`.as('licence'),
      sql<string>`coalesce(person.priority_area, 'none')`.as('priority'),
      sql<string>`person.site_id::text`.as('site'),
    ])
}

/** The same rows from the year's facts (the state on 31/12 is in them). */
function contactFacts(ctx: IndicatorContext, year: number) {
  return personYears(ctx, year)
    .where('f.contact', '=', true)
    .select([
      'f.person_id as person_id',
      'f.sex as sex',
      sql<string>`coalesce(f.education_level, 'unknown')`.as('level'),
      ageBandOf(sql.ref<number>('f.age')).as('band'),
      sql<string>`coalesce(f.diploma, 'unknown')`.as('diploma'),
      sql<string>`coalesce(f.family_situation, 'unknown')`.as('family'),
      sql<string>`coalesce(f.housing, 'unknown')`.as('housing'),
      sql<string>`coalesce(f.resources, 'unknown')`.as('resources'),
      sql<string>`coalesce(f.driving_licence, 'unknown')`.as('licence'),
      sql<string>`coalesce(f.priority_area, 'none')`.as('priority'),
      sql<string>`f.site_id::text`.as('site'),
    ])
}

/** Both contact indicators read the same counts: computed once per run. */
function contactCounts(ctx: IndicatorContext) {
  return ctx.memo(`ml.contact ${contextKey(ctx)}`, async () => {
    const year = await factsYear(ctx)
    const rows = year === undefined ? contactRows(ctx) : contactFacts(ctx, year)
    const sets = await countBySets(ctx.q, rows, dims, [
      ['level', 'band'],
      ['sex'],
      ['diploma'],
      ['family'],
      ['housing'],
      ['resources'],
      ['licence'],
      ['priority'],
      ['site'],
      [],
    ])
    const get = (k: string) => sets.get(k) ?? []
    const byLevelBand = get('level×band').map((r) => ({ ...r, level: levelOf(r.level) }))
    return { total: sumWhere(get(''), {}), byLevelBand, get }
  })
}

function levelByAgeTable(rows: { level: ReportLevel; band: string; n: number }[], total: number): ResultTable {
  const count = (level: ReportLevel | null, band: AgeBand | null) =>
    rows
      .filter((r) => (level === null || r.level === level) && (band === null || r.band === band))
      .reduce((s, r) => s + r.n, 0)
  const levels = reportLevels.filter((l) => l !== 'unknown' || count('unknown', null) > 0)
  const line = (key: string, label: string, level: ReportLevel | null, isTotal = false) => {
    const rowTotal = count(level, null)
    return {
      key,
      label,
      values: [...ageBands.map((b) => count(level, b)), rowTotal, percent(rowTotal, total)],
      ...(isTotal ? { total: true } : {}),
    }
  }
  return {
    key: 'byLevelAndAgeBand',
    title: 'Répartition des jeunes en contact par niveau et par tranche d’âge',
    rowHeader: 'Niveau',
    columns: [
      ...ageBands.map((b) => countColumn(b, ageBandLabels[b])),
      countColumn('total', 'Total', { total: true }),
      shareColumn('percent', '%', 'total'),
    ],
    rows: [...levels.map((l) => line(l, reportLevelLabels[l], l)), line('total', 'Total', null, true)],
    note: 'Âge atteint et niveau de formation au dernier jour de la période.',
  }
}

export const youthInContact: IndicatorDeclaration = {
  id: 'ml.youth_in_contact',
  family: 'ml',
  label: 'Jeunes en contact',
  definition:
    'Nombre de jeunes suivis par la Mission Locale ayant eu au moins un événement (entretien, atelier, information ' +
    'collective, téléphone, courrier, visite, premier accueil) pendant la période, hors absences. ' +
    'Les caractéristiques (niveau, âge, situation familiale, logement, ressources, permis) sont celles du dernier ' +
    'jour de la période.',
  population:
    'Personnes ayant une inscription au programme Mission Locale qui chevauche la période, dans le périmètre demandé.',
  breakdowns: [
    'niveau × tranche d’âge au dernier jour',
    'sexe',
    'situation familiale, logement, ressources, permis B au dernier jour',
    'quartier prioritaire',
    'site',
  ],
  notes: [
    'Un événement dont la présence est « absent » ne compte pas ; un événement sans présence renseignée compte.',
    'Une personne sans valeur renseignée au dernier jour compte dans la ligne « Non renseigné ».',
    'Les moins de 16 ans comptent dans la tranche 16-17 ans.',
  ],
  cross: crossOver(
    ['level', 'band', 'sex', 'diploma', 'family', 'housing', 'licence', 'priority', 'site'],
    contactRows,
  ),
  async compute(ctx) {
    const { total, byLevelBand, get } = await contactCounts(ctx)
    const by = (set: Dim) => (code: string) => sumWhere(get(set), { [set]: code } as Partial<Record<Dim, string>>)
    const sites = await ctx.q
      .selectFrom('site')
      .select(['id', 'name'])
      .where('structure_id', 'in', ctx.structureIds)
      .orderBy('name')
      .orderBy('id') // a network's report holds several sites of the same name
      .execute()
    const at = `au ${ctx.period.to.split('-').reverse().join('/')}`
    const unknown = { key: 'unknown', label: 'Non renseigné' }
    const withUnknown = (labels: Record<string, string>) => ({ ...labels, [unknown.key]: unknown.label })
    const tables: ResultTable[] = [
      levelByAgeTable(byLevelBand, total),
      distribution({
        key: 'bySex',
        title: 'Jeunes en contact par sexe',
        rowHeader: 'Sexe',
        lines: linesOf(sexes.labels, by('sex')),
      }),
      distribution({
        key: 'familySituation',
        title: `Situation familiale ${at}`,
        rowHeader: 'Situation familiale',
        lines: linesOf(withUnknown(familySituations.labels), by('family')),
        dropEmpty: ['unknown'],
      }),
      distribution({
        key: 'housing',
        title: `Situation logement ${at}`,
        rowHeader: 'Logement',
        lines: linesOf(withUnknown(housings.labels), by('housing')),
        dropEmpty: ['unknown'],
      }),
      distribution({
        key: 'resources',
        title: `Type de ressources ${at}`,
        rowHeader: 'Ressources',
        lines: linesOf(withUnknown(resources.labels), by('resources')),
        dropEmpty: ['unknown'],
        sensitive: true,
        note: 'Le tableau fait apparaître les bénéficiaires du RSA : publié avec le seuil de secret renforcé.',
      }),
      distribution({
        key: 'drivingLicence',
        title: `Titulaire du permis B ${at}`,
        rowHeader: 'Permis B',
        lines: linesOf(drivingLicences.labels, by('licence')),
      }),
      distribution({
        key: 'priorityArea',
        title: 'Jeunes en contact résidant en quartier prioritaire',
        rowHeader: 'Quartier',
        lines: linesOf({ ...priorityAreas.labels, none: 'Hors quartier prioritaire' }, by('priority')),
      }),
      distribution({
        key: 'bySite',
        title: 'Jeunes en contact par site de suivi',
        rowHeader: 'Site',
        lines: sites.map((s) => ({ key: s.id, label: s.name, n: by('site')(s.id) })).filter((l) => l.n > 0),
      }),
    ]
    return { value: total, figures: [], tables }
  },
}

export const youthInContactShares: IndicatorDeclaration = {
  id: 'ml.youth_in_contact.shares',
  family: 'ml',
  label: 'Caractéristiques générales des jeunes en contact',
  valueLabel: 'Jeunes en contact',
  definition:
    'Parts calculées sur les jeunes en contact (voir ml.youth_in_contact), état au dernier jour de la période : ' +
    'âgés de 18 à 25 ans, mineurs, hommes, sans qualification (niveau Vbis ou VI), sans diplôme, sans diplôme ' +
    'de niveau IV (aucun diplôme, CFG/brevet ou CAP/BEP), résidant en quartier prioritaire (QPV, ZUS).',
  population: 'Les jeunes en contact de la période.',
  breakdowns: [],
  notes: [
    '« Infra IV » se lit sur le diplôme (aucun, CFG/brevet, CAP/BEP) et non sur le niveau de formation : un jeune ' +
      'de niveau IV sorti de terminale sans le baccalauréat y compte.',
    'Une personne sans diplôme renseigné ne compte ni dans « sans diplôme » ni dans « infra IV ».',
  ],
  async compute(ctx) {
    const { total, byLevelBand, get } = await contactCounts(ctx)
    const levels = (ls: readonly ReportLevel[]) =>
      byLevelBand.filter((r) => ls.includes(r.level)).reduce((s, r) => s + r.n, 0)
    const bands = (bs: AgeBand[]) =>
      byLevelBand.filter((r) => bs.includes(r.band as AgeBand)).reduce((s, r) => s + r.n, 0)
    return {
      value: total,
      tables: [],
      figures: [
        shareFigure('aged18to25', 'Âgés de 18 à 25 ans', bands(['18-21', '22-25']), total),
        shareFigure('minorsAtEnd', 'Mineurs au dernier jour de la période', bands(['16-17']), total),
        shareFigure('men', 'Hommes', sumWhere(get('sex'), { sex: 'M' }), total),
        shareFigure(
          'noQualificationInfraV',
          'Sans qualification (infra V : niveaux Vbis et VI)',
          levels(infraV),
          total,
        ),
        shareFigure('noDiploma', 'Sans diplôme', sumWhere(get('diploma'), { diploma: 'none' }), total),
        shareFigure(
          'belowLevelIV',
          'Sans diplôme de niveau IV (aucun, CFG/brevet, CAP/BEP)',
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
    }
  },
}
