import { sql } from 'kysely'
import { propositionDomains, propositionThemes } from '../../../../shared/nomenclatures/accompaniment.ts'
import { previousPeriod } from '../../../../shared/reporting/period.ts'
import type { Period, Row } from '../../../../shared/reporting/reporting.schema.ts'
import type { IndicatorContext, IndicatorDeclaration } from '../../indicator.ts'
import { countBySets, mlPersons } from '../../sql.ts'
import { change, countColumn, countFigure, percent, ratio, shareColumn, valueFigure } from '../../tables.ts'

/** Propositions dated in the period, made to the period's Mission Locale population, with their national theme. */
function propositionFacts(ctx: IndicatorContext, period: Period) {
  return ctx.q
    .selectFrom('proposition as pr')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('proposition_theme as t')
          .select(['t.national_code', 't.domain'])
          .whereRef('t.code', '=', 'pr.theme')
          .where((w) =>
            w.or([w('t.structure_id', '=', sql.ref<string>('pr.structure_id')), w('t.structure_id', 'is', null)]),
          )
          // the structure's own theme first, then the national one of the same code
          .orderBy(sql`t.structure_id is null`)
          .limit(1)
          .as('th'),
      (j) => j.onTrue(),
    )
    .where('pr.structure_id', '=', ctx.structureId)
    .where('pr.date', '>=', period.from)
    .where('pr.date', '<=', period.to)
    .where('pr.person_id', 'in', mlPersons(ctx, period).select('person.id'))
    .select([
      'pr.person_id as person_id',
      sql<string>`coalesce(th.domain, pr.domain)`.as('domain'),
      sql<string>`coalesce(th.national_code, pr.theme)`.as('theme'),
    ])
}

const persons = { persons: sql<number>`count(distinct f.person_id)` }

export const propositions: IndicatorDeclaration = {
  id: 'ml.propositions',
  family: 'ml',
  label: 'Propositions faites aux jeunes',
  definition:
    'Nombre de propositions (tout acte professionnel d’un conseiller à destination d’un jeune) datées dans la ' +
    'période, faites aux jeunes suivis par la Mission Locale ; nombre de jeunes en ayant reçu au moins une, moyenne ' +
    'par jeune, et évolution par rapport à la période précédente de même durée.',
  population:
    'Propositions des personnes ayant une inscription au programme Mission Locale qui chevauche la période, dans le ' +
    'périmètre demandé.',
  breakdowns: ['domaine × thème (thème national)'],
  notes: [
    'Un thème propre à la structure est compté dans le thème national auquel il est rattaché.',
    'La période précédente a la même durée (l’année précédente pour une année civile) et sa propre population.',
    'Le tableau fait apparaître la santé : publié avec le seuil de secret renforcé.',
  ],
  sensitive: true,
  async compute(ctx) {
    const before = previousPeriod(ctx.period)
    const dims = ['domain', 'theme'] as const
    // one after the other: a transaction is one connection
    const sets = await countBySets(ctx.q, propositionFacts(ctx, ctx.period), dims, [dims, []], persons)
    const prev = await countBySets(ctx.q, propositionFacts(ctx, before), dims, [[]], persons)
    const all = sets.get('')?.[0]
    const total = all?.n ?? 0
    const youth = all?.persons ?? 0
    const prevTotal = prev.get('')?.[0]?.n ?? 0
    const prevYouth = prev.get('')?.[0]?.persons ?? 0
    const cells = sets.get('domain×theme') ?? []
    const count = (domain: string, theme?: string) =>
      cells.filter((c) => c.domain === domain && (!theme || c.theme === theme)).reduce((s, c) => s + c.n, 0)
    const rows: Row[] = []
    const domains = [...new Set([...propositionDomains.codes, ...cells.map((c) => c.domain)])]
    for (const domain of domains) {
      const label = propositionDomains.labels[domain as keyof typeof propositionDomains.labels] ?? domain
      rows.push({
        key: domain,
        label: `Domaine ${label.toLowerCase()}`,
        values: [count(domain), percent(count(domain), total)],
      })
      const national = Object.entries(propositionThemes)
        .filter(([, t]) => t.domain === domain)
        .map(([code, t]) => ({ code, label: t.label as string }))
      const others = cells
        .filter((c) => c.domain === domain && !national.some((t) => t.code === c.theme))
        .map((c) => ({ code: c.theme, label: c.theme }))
      for (const t of [...national, ...others])
        rows.push({
          key: t.code,
          label: t.label,
          values: [count(domain, t.code), percent(count(domain, t.code), total)],
          parent: domain,
        })
    }
    rows.push({ key: 'total', label: 'Total', values: [total, total ? 100 : null], total: true })
    return {
      value: total,
      figures: [
        countFigure('total', 'Propositions', total),
        countFigure('youthWithAtLeastOne', 'Jeunes ayant reçu au moins une proposition', youth),
        valueFigure('averagePerYouth', 'Propositions par jeune (moyenne)', 'average', ratio(total, youth)),
        countFigure('previousTotal', 'Propositions de la période précédente', prevTotal),
        countFigure('previousYouth', 'Jeunes ayant reçu une proposition, période précédente', prevYouth),
        valueFigure(
          'changeInPropositions',
          'Évolution du nombre de propositions (%)',
          'change',
          change(total, prevTotal),
        ),
        valueFigure(
          'changeInYouth',
          'Évolution du nombre de jeunes ayant reçu une proposition (%)',
          'change',
          change(youth, prevYouth),
        ),
      ],
      tables: [
        {
          key: 'byDomainAndTheme',
          title: 'Déclinaison des propositions par domaine et thème',
          rowHeader: 'Domaine, thème',
          columns: [countColumn('count', 'Propositions'), shareColumn('percent', '%', 'count')],
          rows,
          sensitive: true,
        },
      ],
    }
  },
}
