import type { ResultTable, Row } from '../../../../shared/reporting/reporting.schema.ts'
import { NSF } from '../../../../shared/training/nsf.ts'
import { trainingFunders } from '../../../../shared/training/training.nomenclature.ts'
import type { IndicatorDeclaration } from '../../../reporting/indicator.ts'
import { countColumn, countFigure, shareFigure } from '../../../reporting/tables.ts'
import { type StepGroup, stepsData } from './steps-data.ts'

// « L’offre de formation » (training.steps): the training steps of the Mission Locale's young people.
//
// Output keys (figures): stepsUsed, youthWithAtLeastOneStep, youthSteps, regionalProgrammeSteps,
//   regionalProgrammeShare (regionalProgrammeSteps ÷ youthSteps, %), regionalProgrammeYouth, regionalProgrammeYouthF,
//   regionalProgrammeYouthM, previousRegionalProgrammeYouth, previousRegionalProgrammeYouthF,
//   previousRegionalProgrammeYouthM, afpaOrientations, previousAfpaOrientations, returnsToInitialEducation.
// Tables: byFunder (rows: funder codes, total; columns steps, youth), byDomain (rows: NSF group, 'unknown', total;
//   columns steps, youth), bySex (rows F, M, total; columns steps, youth), regionalYouth (rows current, previous;
//   columns women, men, total).
// value = youthSteps. « previous » = the same period a year before. Population: persons with an enrolment in a
// programme of type mission_locale open during the period (during the previous period for the previous figures).
// stepsUsed / youthWithAtLeastOneStep: training situations (group `training`, return to initial education included)
// started in the period — ml.situation_entries' training measures and persons. youthSteps: prescriptions entered or
// exited whose entry_date is in the period. afpaOrientations: distinct persons with a prescription filed in the period
// (filed_at on the structure's day) on an action funded `afpa`, whatever its status.

const sum = (xs: readonly StepGroup[]) => xs.reduce((s, x) => s + x.n, 0)
const persons = (xs: readonly StepGroup[]) => new Set(xs.map((x) => x.personId)).size
const regional = (xs: readonly StepGroup[]) => xs.filter((x) => x.funder === 'regional_programme')
const ofSex = (xs: readonly StepGroup[], sex: string) => xs.filter((x) => x.sex === sex)
const funderLabels = trainingFunders.labels as Record<string, string>

const stepsColumns = [
  countColumn('steps', 'Étapes de formation'),
  // a person can enter several actions: persons do not add up
  countColumn('youth', 'Jeunes concernés', { additive: false }),
]

function breakdown(
  steps: readonly StepGroup[],
  key: string,
  title: string,
  rowHeader: string,
  keys: readonly string[],
  by: (g: StepGroup) => string,
  label: (k: string) => string,
): ResultTable {
  const rows: Row[] = keys.map((k) => {
    const mine = steps.filter((g) => by(g) === k)
    return { key: k, label: label(k), values: [sum(mine), persons(mine)] }
  })
  rows.push({ key: 'total', label: 'Total', values: [sum(steps), persons(steps)], total: true })
  return { key, title, rowHeader, columns: stepsColumns, rows }
}

function regionalYouthTable(now: readonly StepGroup[], before: readonly StepGroup[]): ResultTable {
  const line = (key: string, label: string, xs: readonly StepGroup[]): Row => {
    const r = regional(xs)
    return { key, label, values: [persons(ofSex(r, 'F')), persons(ofSex(r, 'M')), persons(r)] }
  }
  return {
    key: 'regionalYouth',
    title: 'Jeunes entrés sur le programme régional de formation, par sexe',
    rowHeader: 'Période',
    columns: [
      countColumn('women', 'Femmes'),
      countColumn('men', 'Hommes'),
      countColumn('total', 'Total', { total: true }),
    ],
    rows: [line('current', 'Période', now), line('previous', 'Même période un an plus tôt', before)],
    note: 'Personnes distinctes ayant au moins une entrée sur une action financée par le programme régional.',
  }
}

export const trainingSteps: IndicatorDeclaration = {
  id: 'training.steps',
  family: 'training',
  label: 'L’offre de formation : étapes de formation',
  valueLabel: 'Étapes de formation des jeunes (entrées sur prescription)',
  definition:
    'Étapes de formation utilisées (situations de formation débutées dans la période, retour en formation initiale ' +
    'compris) et jeunes ayant au moins une étape ; étapes de formation des jeunes (entrées dans la période sur une ' +
    'action prescrite), dont programme régional de formation et leur part ; jeunes distincts entrés sur le ' +
    'programme régional, par sexe, comparés à la même période un an plus tôt ; orientations vers l’AFPA (jeunes ' +
    'distincts) comparées à la même période un an plus tôt ; retours en formation initiale.',
  population:
    'Personnes ayant une inscription à un programme de type Mission Locale qui chevauche la période (la même ' +
    'population que les entrées en emploi et en formation), dans le périmètre demandé.',
  breakdowns: ['financeur', 'domaine de formation (NSF)', 'sexe'],
  notes: [
    'Les étapes utilisées sont les mesures « Formation » des entrées en emploi et en formation (ml.situation_entries), ' +
      'comptées par la même requête : toutes les situations de formation, prescrites ou non.',
    'Une étape de formation des jeunes est une prescription dont l’entrée en formation est datée de la période ' +
      '(statut entré ou sorti) ; le financeur et le domaine sont ceux de l’action.',
    'Orientation vers l’AFPA : une prescription déposée dans la période (le jour de la structure) sur une action ' +
      'financée par l’AFPA, quelle qu’en soit l’issue ; chaque jeune compte une fois.',
    'Période précédente : la même période un an plus tôt, sur sa propre population Mission Locale.',
    'Domaine : les trois premiers chiffres du code NSF de l’action (« Non renseigné » sans code).',
  ],
  async compute(ctx) {
    const d = await stepsData(ctx)
    const now = d.steps
    const before = d.previousSteps
    const youthSteps = sum(now)
    const regionalSteps = sum(regional(now))
    const funders = [...trainingFunders.codes].filter((f) => now.some((g) => g.funder === f))
    const domains = [...new Set(now.map((g) => g.domain))].sort((a, b) =>
      a === 'unknown' ? 1 : b === 'unknown' ? -1 : a.localeCompare(b),
    )
    const sexes = ['F', 'M', ...(now.some((g) => g.sex === 'unknown') ? ['unknown'] : [])]
    const sexLabels: Record<string, string> = { F: 'Femmes', M: 'Hommes', unknown: 'Non renseigné' }
    return {
      value: youthSteps,
      figures: [
        countFigure('stepsUsed', 'Étapes de formation utilisées', d.situations.measures),
        countFigure('youthWithAtLeastOneStep', 'Jeunes ayant au moins une étape de formation', d.situations.persons),
        countFigure('youthSteps', 'Étapes de formation des jeunes (entrées sur prescription)', youthSteps),
        countFigure('regionalProgrammeSteps', 'dont programme régional de formation', regionalSteps),
        shareFigure('regionalProgrammeShare', 'Part du programme régional (%)', regionalSteps, youthSteps),
        countFigure('regionalProgrammeYouth', 'Jeunes entrés sur le programme régional', persons(regional(now))),
        countFigure('regionalProgrammeYouthF', 'dont femmes', persons(ofSex(regional(now), 'F'))),
        countFigure('regionalProgrammeYouthM', 'dont hommes', persons(ofSex(regional(now), 'M'))),
        countFigure(
          'previousRegionalProgrammeYouth',
          'Jeunes entrés sur le programme régional, un an plus tôt',
          persons(regional(before)),
        ),
        countFigure(
          'previousRegionalProgrammeYouthF',
          'dont femmes, un an plus tôt',
          persons(ofSex(regional(before), 'F')),
        ),
        countFigure(
          'previousRegionalProgrammeYouthM',
          'dont hommes, un an plus tôt',
          persons(ofSex(regional(before), 'M')),
        ),
        countFigure('afpaOrientations', 'Jeunes orientés vers l’AFPA', d.afpaOrientations),
        countFigure(
          'previousAfpaOrientations',
          'Jeunes orientés vers l’AFPA, un an plus tôt',
          d.previousAfpaOrientations,
        ),
        countFigure('returnsToInitialEducation', 'Retours en formation initiale', d.returnsToInitialEducation),
      ],
      tables: [
        breakdown(
          now,
          'byFunder',
          'Étapes de formation des jeunes par financeur',
          'Financeur',
          funders,
          (g) => g.funder,
          (k) => funderLabels[k] ?? k,
        ),
        breakdown(
          now,
          'byDomain',
          'Étapes de formation des jeunes par domaine (NSF)',
          'Domaine',
          domains,
          (g) => g.domain,
          (k) => (k === 'unknown' ? 'Non renseigné' : `${k} — ${NSF[k]?.[0] ?? 'code inconnu'}`),
        ),
        breakdown(
          now,
          'bySex',
          'Étapes de formation des jeunes par sexe',
          'Sexe',
          sexes,
          (g) => g.sex,
          (k) => sexLabels[k] ?? k,
        ),
        regionalYouthTable(now, before),
      ],
    }
  },
}
