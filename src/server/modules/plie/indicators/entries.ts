import { sql } from 'kysely'
import { type TargetPublic, targetPublics } from '../../../../shared/plie/plie.nomenclature.ts'
import { periodHeading, previousPeriod } from '../../../../shared/reporting/period.ts'
import type { Period, ResultTable, Row } from '../../../../shared/reporting/reporting.schema.ts'
import type { IndicatorContext, IndicatorDeclaration } from '../../../reporting/indicator.ts'
import { change, countColumn, countFigure, shareFigure, valueFigure } from '../../../reporting/tables.ts'
import { enteredIn, pathwayRows } from './pathways.ts'

// Entries into the PLIE: pathways opened in the period, by sex, age at entry and target public at entry, with the
// previous period of the same length side by side ("caractéristiques de ces personnes à l'entrée").

const publicCodes = targetPublics.codes

interface EntryCounts {
  total: number
  women: number
  men: number
  under26: number
  over26: number
  publics: Record<TargetPublic, number>
  /** under 26 at entry and in CIVIS/CEJ on the entry day */
  civisAmongYouth: number
}

async function entryCounts(ctx: IndicatorContext, period: Period): Promise<EntryCounts> {
  const { rows } = await sql<Record<string, string | number>>`
    select count(*) as total,
      count(*) filter (where f.sex = 'F') as women,
      count(*) filter (where f.sex = 'M') as men,
      count(*) filter (where f.age < 26) as under26,
      count(*) filter (where f.age < 26 and f.civis_youth) as civis_youth_under26,
      ${sql.join(publicCodes.map((k) => sql`count(*) filter (where ${sql.ref(`f.${k}`)}) as ${sql.ref(k)}`))}
    from (${pathwayRows(ctx, period)}) as f
    where ${enteredIn(period)}`.execute(ctx.q)
  const r = rows[0] ?? {}
  const n = (k: string) => Number(r[k] ?? 0)
  return {
    total: n('total'),
    women: n('women'),
    men: n('men'),
    under26: n('under26'),
    over26: n('total') - n('under26'),
    publics: Object.fromEntries(publicCodes.map((k) => [k, n(k)])) as Record<TargetPublic, number>,
    civisAmongYouth: n('civis_youth_under26'),
  }
}

function sideBySide(
  key: string,
  title: string,
  rowHeader: string,
  periods: Period[],
  lines: { key: string; label: string; values: number[]; total?: boolean }[],
  extra: Partial<ResultTable> = {},
): ResultTable {
  return {
    key,
    title,
    rowHeader,
    columns: [countColumn('previous', periodHeading(periods[0])), countColumn('current', periodHeading(periods[1]))],
    rows: lines.map(
      (l): Row => ({ key: l.key, label: l.label, values: l.values, ...(l.total ? { total: true } : {}) }),
    ),
    ...extra,
  }
}

export const plieEntries: IndicatorDeclaration = {
  id: 'plie.entries',
  family: 'plie',
  label: 'Entrées dans le PLIE',
  valueLabel: 'Entrées',
  definition:
    'Parcours PLIE dont la date d’entrée tombe dans la période, par sexe, par âge à l’entrée (moins de 26 ans, 26 ans ' +
    'et plus) et par public cible à l’entrée (allocataire du RSA, jeune en CIVIS / CEJ, demandeur d’emploi de longue ' +
    'durée, travailleur handicapé, résident d’un quartier prioritaire), avec la période précédente de même durée ' +
    'en regard.',
  population:
    'Parcours PLIE (programme de nature PLIE) entrés dans la période, des personnes du périmètre demandé ; la ' +
    'période précédente est comptée sur sa propre population.',
  breakdowns: ['sexe', 'âge à l’entrée', 'public cible à l’entrée', 'période précédente'],
  notes: [
    'Une personne compte dans chaque public qui s’applique le jour de son entrée : les publics ne s’additionnent pas.',
    'RSA, chômage de longue durée, travailleur handicapé (RQTH) : une période de statut du dossier couvre le jour ' +
      'd’entrée. Jeune en CIVIS / CEJ : une inscription à un programme de nature CIVIS ou CEJ ouverte ce jour-là. ' +
      'Quartier prioritaire (QPV, ZUS) : l’indication du dossier de la personne, qui n’est pas datée.',
    'Âge à l’entrée : années révolues au jour d’entrée.',
  ],
  async compute(ctx) {
    const periods = [previousPeriod(ctx.period), ctx.period]
    const [before, now] = [await entryCounts(ctx, periods[0]), await entryCounts(ctx, periods[1])]
    const both = (f: (c: EntryCounts) => number) => [f(before), f(now)]
    return {
      value: now.total,
      figures: [
        countFigure('entries', 'Entrées', now.total),
        countFigure('previousEntries', 'Entrées de la période précédente', before.total),
        valueFigure('changeInEntries', 'Évolution des entrées', 'change', change(now.total, before.total)),
        shareFigure('under26Share', 'Part des moins de 26 ans parmi les entrées', now.under26, now.total),
        shareFigure(
          'civisShareOfYouthEntries',
          'Part des jeunes en CIVIS / CEJ parmi les entrées de moins de 26 ans',
          now.civisAmongYouth,
          now.under26,
        ),
      ],
      tables: [
        sideBySide('bySex', 'Entrées par sexe', 'Sexe', periods, [
          { key: 'M', label: 'Hommes', values: both((c) => c.men) },
          { key: 'F', label: 'Femmes', values: both((c) => c.women) },
          { key: 'total', label: 'Total', values: both((c) => c.total), total: true },
        ]),
        sideBySide('byAge', 'Entrées par âge à l’entrée', 'Âge', periods, [
          { key: 'under26', label: 'Moins de 26 ans', values: both((c) => c.under26) },
          { key: '26+', label: '26 ans et plus', values: both((c) => c.over26) },
          { key: 'total', label: 'Total', values: both((c) => c.total), total: true },
        ]),
        sideBySide(
          'byPublic',
          'Entrées par public cible',
          'Public',
          periods,
          publicCodes.map((k) => ({ key: k, label: targetPublics.labels[k], values: both((c) => c.publics[k]) })),
          {
            note: 'Une personne peut relever de plusieurs publics : les lignes ne s’additionnent pas.',
            sensitive: true,
          },
        ),
      ],
    }
  },
}
