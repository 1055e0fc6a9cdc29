import type { IndicatorDeclaration } from '../../../reporting/indicator.ts'
import { countColumn, countFigure, percent, shareColumn, valueFigure } from '../../../reporting/tables.ts'
import { flowCounts } from './pathways.ts'

const population =
  'Parcours PLIE (inscriptions à un programme de nature PLIE, quel que soit son code) ouverts pendant la période, ' +
  'des personnes du périmètre demandé.'

export const plieFlow: IndicatorDeclaration = {
  id: 'plie.flow',
  family: 'plie',
  label: 'Le PLIE en chiffres',
  valueLabel: 'Personnes en parcours pendant la période',
  definition:
    'Parcours en cours au début de la période (entrés avant son premier jour, sans sortie avant lui), entrées (date ' +
    'd’entrée dans la période), sorties (date de sortie dans la période) positives et autres, parcours pendant la ' +
    'période (en cours au début + entrées), en cours à la fin (pendant la période − sorties), nombre moyen de ' +
    'parcours en cours un jour de la période ; entrées et sorties positives des allocataires du RSA.',
  population,
  breakdowns: ['mouvement', 'allocataires du RSA'],
  notes: [
    'Les comptes sont des parcours : une personne sortie puis entrée de nouveau dans la période compte deux fois.',
    'Une sortie datée du dernier jour de la période est une sortie de la période et ne compte pas « en cours à la ' +
      'fin » (le bilan du rapport : en cours au début + entrées − sorties = en cours à la fin) ; une sortie datée du ' +
      'premier jour compte en cours au début et en sortie.',
    'Sortie positive : motif de sortie positif (CDI, CDD de plus de 6 mois, alternance, intérim d’au moins 1215 h ' +
      'sur 12 mois, CIRMA, formation qualifiante de plus de 6 mois, création d’entreprise) ; toute autre sortie, ' +
      'motif absent compris, est une autre sortie.',
    'Allocataire du RSA : une période de statut RSA couvre le jour d’entrée du parcours (pour l’entrée comme pour ' +
      'la sortie positive).',
    'Nombre moyen en parcours : somme des jours où chaque parcours est ouvert dans la période, divisée par le nombre ' +
      'de jours de la période.',
  ],
  async compute(ctx) {
    const c = await flowCounts(ctx)
    const otherExits = c.exits - c.positiveExits
    return {
      value: c.during,
      figures: [
        countFigure('inPathAtStart', 'En parcours au début de la période', c.atStart),
        countFigure('entries', 'Entrées', c.entries),
        countFigure('exits', 'Sorties', c.exits),
        countFigure('positiveExits', 'Sorties positives', c.positiveExits),
        countFigure('otherExits', 'Autres sorties', otherExits),
        countFigure('inPathDuring', 'En parcours pendant la période', c.during),
        countFigure('inPathAtEnd', 'En parcours à la fin de la période', c.atEnd),
        valueFigure('averageInPath', 'En parcours un jour moyen de la période', 'average', c.averageInPath),
      ],
      tables: [
        // two tables, so that secrecy sees both balances: start + entries = during, and exits + at end = during
        {
          key: 'inflow',
          title: 'Parcours de la période',
          rowHeader: 'Parcours',
          columns: [countColumn('count', 'Parcours')],
          rows: [
            { key: 'inPathAtStart', label: 'En parcours au début de la période', values: [c.atStart] },
            { key: 'entries', label: 'Entrées dans la période', values: [c.entries] },
            { key: 'inPathDuring', label: 'En parcours pendant la période', values: [c.during], total: true },
          ],
        },
        {
          key: 'outflow',
          title: 'Devenir des parcours de la période',
          rowHeader: 'Parcours',
          columns: [countColumn('count', 'Parcours')],
          rows: [
            { key: 'positiveExits', label: 'Sorties positives', values: [c.positiveExits], parent: 'exits' },
            { key: 'otherExits', label: 'Autres sorties', values: [otherExits], parent: 'exits' },
            { key: 'exits', label: 'Sorties dans la période', values: [c.exits] },
            { key: 'inPathAtEnd', label: 'En parcours à la fin de la période', values: [c.atEnd] },
            { key: 'inPathDuring', label: 'En parcours pendant la période', values: [c.during], total: true },
          ],
          note: 'En parcours à la fin = en parcours pendant la période − sorties.',
        },
        {
          key: 'rsa',
          title: 'Allocataires du RSA',
          rowHeader: 'Mouvement',
          columns: [
            countColumn('all', 'Tous publics', { additive: false }),
            countColumn('rsa', 'Allocataires du RSA', { additive: false }),
            shareColumn('share', '% RSA', 'rsa'),
          ],
          rows: [
            { key: 'entries', label: 'Entrées', values: [c.entries, c.entriesRsa, percent(c.entriesRsa, c.entries)] },
            {
              key: 'positiveExits',
              label: 'Sorties positives',
              values: [c.positiveExits, c.positiveExitsRsa, percent(c.positiveExitsRsa, c.positiveExits)],
            },
          ],
          note: 'Allocataire du RSA au jour d’entrée du parcours.',
          sensitive: true,
        },
      ],
    }
  },
}
