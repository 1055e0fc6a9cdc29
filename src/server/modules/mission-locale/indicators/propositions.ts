import { sql } from 'kysely'
import { propositionDomains, propositionThemes } from '../../../../shared/nomenclatures/accompaniment.ts'
import { previousPeriod } from '../../../../shared/reporting/period.ts'
import type { Period, Row } from '../../../../shared/reporting/reporting.schema.ts'
import type { IndicatorContext, IndicatorDeclaration } from '../../../reporting/indicator.ts'
import { mlPersons } from '../../../reporting/sql.ts'
import {
  change,
  countColumn,
  countFigure,
  percent,
  ratio,
  shareColumn,
  valueFigure,
} from '../../../reporting/tables.ts'
import { factsYear, personYears, themeYears } from './facts.ts'

/** Propositions dated in the period, made to the period's Mission Locale population. */
function propositionsOf(ctx: IndicatorContext, period: Period) {
  return ctx.q
    .selectFrom('proposition as pr')
    .where('pr.structure_id', 'in', ctx.structureIds)
    .where('pr.date', '>=', period.from)
    .where('pr.date', '<=', period.to)
    .where('pr.person_id', 'in', mlPersons(ctx, period).select('person.id'))
}

/**
 * Counts by recorded domain and theme (a hash aggregate over a handful of groups) and the persons with at least one
 * (a semi-join per person): two cheap queries rather than a distinct count over every proposition.
 */
async function countPropositions(ctx: IndicatorContext, period: Period) {
  const year = await factsYear(ctx, period)
  if (year !== undefined) return countFromFacts(ctx, period, year)
  const groups = await propositionsOf(ctx, period)
    .select(['pr.domain', 'pr.theme', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['pr.domain', 'pr.theme'])
    .execute()
  const youth = await mlPersons(ctx, period)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('proposition as pr')
          .select(sql.lit(1).as('one'))
          .whereRef('pr.person_id', '=', 'person.id')
          .where('pr.date', '>=', period.from)
          .where('pr.date', '<=', period.to),
      ),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return { groups, total: groups.reduce((s, g) => s + Number(g.n), 0), youth: Number(youth.n) }
}

/** The same counts from the year's facts: the population's propositions by theme, and who received at least one. */
async function countFromFacts(ctx: IndicatorContext, period: Period, year: number) {
  const groups = await themeYears(ctx, year, period)
    .select(['f.domain', 'f.theme', sql<number>`sum(f.n)`.as('n')])
    .groupBy(['f.domain', 'f.theme'])
    .execute()
  const youth = await personYears(ctx, year, period)
    .where('f.propositions', '>', 0)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return { groups, total: groups.reduce((s, g) => s + Number(g.n), 0), youth: Number(youth.n) }
}

/** Theme code → national theme and its domain: the structure's own theme first, then the national one. */
async function nationalThemes(ctx: IndicatorContext) {
  const rows = await ctx.q
    .selectFrom('proposition_theme')
    .select(['code', 'structure_id', 'domain', 'national_code'])
    .where((eb) => eb.or([eb('structure_id', 'in', ctx.structureIds), eb('structure_id', 'is', null)]))
    .execute()
  const map = new Map<string, { domain: string; national: string }>()
  for (const r of rows.sort((a, b) => Number(a.structure_id !== null) - Number(b.structure_id !== null)))
    map.set(r.code, { domain: r.domain, national: r.national_code })
  return map
}

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
    const current = await countPropositions(ctx, ctx.period)
    const prev = await countPropositions(ctx, before)
    const themes = await nationalThemes(ctx)
    const { total, youth } = current
    const cells = current.groups.map((g) => {
      const t = themes.get(g.theme)
      return { domain: t?.domain ?? g.domain, theme: t?.national ?? g.theme, n: Number(g.n) }
    })
    const prevTotal = prev.total
    const prevYouth = prev.youth
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
      const others = [
        ...new Set(
          cells.filter((c) => c.domain === domain && !national.some((t) => t.code === c.theme)).map((c) => c.theme),
        ),
      ].map((code) => ({ code, label: code }))
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
