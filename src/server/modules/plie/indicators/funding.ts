import { type Funder, funders } from '../../../../shared/plie/plie.nomenclature.ts'
import { daysIn, yearOf } from '../../../../shared/reporting/period.ts'
import type { Column, Period } from '../../../../shared/reporting/reporting.schema.ts'
import type { IndicatorDeclaration } from '../../../reporting/indicator.ts'
import { countFigure, decimalsFor, valueFigure } from '../../../reporting/tables.ts'
import { flowCounts } from './pathways.ts'

// "Montant moyen des financements": the PLIE's funding (plie_funding, per year and funder, in cents) used in the
// period, per participant in pathway during it, and its ESF part.

const amountColumn = (key: string, label: string): Column => ({
  key,
  label,
  kind: 'amount',
  decimals: decimalsFor('amount'),
})

/** Share of a calendar year a period covers (1 for the whole year), as the objectives prorate. */
function yearFraction(period: Period, year: number): number {
  const from = period.from > `${year}-01-01` ? period.from : `${year}-01-01`
  const to = period.to < `${year}-12-31` ? period.to : `${year}-12-31`
  if (from > to) return 0
  return daysIn({ from, to }) / daysIn({ from: `${year}-01-01`, to: `${year}-12-31` })
}

const euros = (cents: number) => cents / 100
const per = (cents: number, n: number) => (n ? euros(cents) / n : null)

export const plieFunding: IndicatorDeclaration = {
  id: 'plie.funding',
  family: 'plie',
  label: 'Financements du PLIE par participant',
  valueLabel: 'Participants en parcours pendant la période',
  definition:
    'Financements utilisés dans la période (montants réalisés des opérations, à défaut programmés), par financeur, ' +
    'divisés par le nombre de parcours en cours pendant la période : montant moyen par participant et part du Fonds ' +
    'social européen.',
  population:
    'Opérations financées de la structure pour les années que touche la période ; participants : parcours PLIE en ' +
    'cours pendant la période (comme « Le PLIE en chiffres ») de toute la structure.',
  breakdowns: ['financeur'],
  notes: [
    'Une opération sans montant réalisé compte pour son montant programmé.',
    'Les financements sont annuels : une période qui n’est pas faite d’années civiles entières en prend la part ' +
      'au prorata des jours.',
    'Les financements ne sont pas rattachés à un site : restreint à un site, un programme, un conseiller ou un ' +
      'sexe, l’indicateur donne les montants et le nombre de participants de toute la structure.',
  ],
  async compute(ctx) {
    const first = yearOf(ctx.period.from)
    const last = yearOf(ctx.period.to)
    const rows = await ctx.q
      .selectFrom('plie_funding')
      .select(['year', 'funder', 'programmed_cents', 'realised_cents'])
      .where('structure_id', 'in', ctx.structureIds)
      .where('year', '>=', first)
      .where('year', '<=', last)
      .execute()
    const byFunder = new Map<string, { programmed: number; realised: number; used: number }>()
    for (const r of rows) {
      const f = yearFraction(ctx.period, r.year)
      const acc = byFunder.get(r.funder) ?? { programmed: 0, realised: 0, used: 0 }
      acc.programmed += Number(r.programmed_cents) * f
      acc.realised += Number(r.realised_cents ?? 0) * f
      acc.used += Number(r.realised_cents ?? r.programmed_cents) * f
      byFunder.set(r.funder, acc)
    }
    // the whole structure's participants: funding is not split by site
    const { during } = await flowCounts({ ...ctx, scope: {} })
    const total = [...byFunder.values()].reduce((s, a) => s + a.used, 0)
    const esf = byFunder.get('esf')?.used ?? 0
    const line = (key: string, label: string, a: { programmed: number; realised: number; used: number }) => ({
      key,
      label,
      values: [euros(a.programmed), euros(a.realised), euros(a.used), per(a.used, during)].map((v) =>
        v === null ? null : Math.round(v * 100) / 100,
      ),
    })
    const sumOf = (k: 'programmed' | 'realised' | 'used') => [...byFunder.values()].reduce((s, a) => s + a[k], 0)
    return {
      value: during,
      figures: [
        countFigure('participants', 'Participants en parcours pendant la période', during),
        valueFigure('total', 'Financements utilisés', 'amount', euros(total)),
        valueFigure('perParticipant', 'Montant moyen par participant', 'amount', per(total, during)),
        valueFigure('esfPerParticipant', 'dont Fonds social européen', 'amount', per(esf, during)),
      ],
      tables: [
        {
          key: 'byFunder',
          title: 'Financements par financeur',
          rowHeader: 'Financeur',
          columns: [
            amountColumn('programmed', 'Programmé'),
            amountColumn('realised', 'Réalisé'),
            amountColumn('used', 'Utilisé'),
            amountColumn('perParticipant', 'Par participant'),
          ],
          rows: [
            ...(funders.codes as Funder[])
              .filter((f) => byFunder.has(f))
              .map((f) => line(f, funders.labels[f], byFunder.get(f) ?? { programmed: 0, realised: 0, used: 0 })),
            {
              ...line('total', 'Total', { programmed: sumOf('programmed'), realised: sumOf('realised'), used: total }),
              total: true,
            },
          ],
          note: 'Utilisé : le montant réalisé, à défaut le programmé.',
        },
      ],
    }
  },
}
