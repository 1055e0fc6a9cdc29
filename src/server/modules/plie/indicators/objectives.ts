import type { IndicatorDeclaration } from '../../../reporting/indicator.ts'
import { countFigure, valueFigure } from '../../../reporting/tables.ts'
import { flowCounts } from './pathways.ts'

// The PLIE protocol's objectives (1 000 entries of which 450 RSA recipients, 500 positive exits of which 225, 3 000 in
// pathway on average): the figures an objective can name. The engine joins the funder agreements' yearly objectives
// to them (engine.ts objectiveResults: target, result, gap, rate; prorated on a part of a year), as for every
// indicator; the report and the statistics page show them.

const objectiveKeys = [
  { key: 'entries', label: 'Entrées' },
  { key: 'entriesRsa', label: 'Entrées d’allocataires du RSA' },
  { key: 'positiveExits', label: 'Sorties positives' },
  { key: 'positiveExitsRsa', label: 'Sorties positives d’allocataires du RSA' },
  { key: 'averageInPath', label: 'Personnes en parcours (moyenne)' },
]

export const plieObjectives: IndicatorDeclaration = {
  id: 'plie.objectives',
  family: 'plie',
  label: 'Objectifs du protocole PLIE',
  valueLabel: 'Entrées',
  definition:
    'Chaque objectif des conventions de financement fixé sur cet indicateur, face à son résultat : entrées, entrées ' +
    'd’allocataires du RSA, sorties positives, sorties positives d’allocataires du RSA (comptées comme dans ' +
    '« Le PLIE en chiffres ») et nombre moyen de personnes en parcours ; écart (résultat − objectif) et taux ' +
    '(résultat ÷ objectif).',
  population:
    'Parcours PLIE ouverts pendant la période, des personnes du périmètre demandé ; objectifs de la structure pour ' +
    'les années que touche la période.',
  breakdowns: ['objectif'],
  notes: [
    'Les objectifs se saisissent dans l’administration (conventions et objectifs annuels) sur l’indicateur ' +
      '`plie.objectives`, chacun sur l’un des chiffres qu’il donne (objectifs possibles) ; une période qui n’est pas faite d’années ' +
      'entières proratise l’objectif.',
    'Nombre moyen en parcours : somme des jours de parcours dans la période ÷ jours de la période.',
  ],
  sensitive: true,
  objectiveKeys,
  async compute(ctx) {
    const c = await flowCounts(ctx)
    return {
      value: c.entries,
      figures: [
        countFigure('entries', 'Entrées', c.entries),
        countFigure('entriesRsa', 'Entrées d’allocataires du RSA', c.entriesRsa),
        countFigure('positiveExits', 'Sorties positives', c.positiveExits),
        countFigure('positiveExitsRsa', 'Sorties positives d’allocataires du RSA', c.positiveExitsRsa),
        valueFigure('averageInPath', 'Personnes en parcours (moyenne)', 'average', c.averageInPath),
      ],
      tables: [],
    }
  },
}
