import { dayIn } from '../../../shared/dates.ts'
import type { KeyFigures, TeamAlerts } from '../../../shared/home/home.schema.ts'
import { type KeyFigure, keyFigureCodes, keyFigures } from '../../../shared/home/key-figures.ts'
import { daysIn } from '../../../shared/reporting/period.ts'
import type { Scope } from '../../../shared/reporting/reporting.schema.ts'
import type { Actor, Deps, Tx } from '../../deps.ts'
import { AppError } from '../../errors.ts'
import { getIndicator } from '../../reporting/catalogue.ts'
import { computeIndicator } from '../../reporting/engine.ts'
import type { Q } from '../../reporting/indicator.ts'
import { readForReport } from '../../reporting/report-db.ts'
import { alertsByTeam } from '../accompaniment/index.ts'
import { objectivesOfYear, sitesOf } from './site-objectives.repository.ts'

type Cell = KeyFigures['total'][number]

/** The key figures of one scope for the period, through the report engine (the statistics page's own numbers). */
async function figuresOf(q: Q, structureId: string, period: { from: string; to: string }, scope: Scope) {
  const values = new Map<KeyFigure, number | null>()
  for (const key of keyFigureCodes) {
    const { indicatorId, figure } = keyFigures[key]
    const result = await computeIndicator(q, getIndicator(indicatorId), { structureId, period, scope })
    values.set(key, figure === null ? result.value : (result.figures.find((f) => f.key === figure)?.value ?? null))
  }
  return values
}

/**
 * The year to date (the whole year once it is over) by site and for the whole structure, each key figure against the
 * site's objective for the year and that objective prorated to the days gone by ("where we should be today").
 */
export async function keyFiguresOf(deps: Deps, tx: Tx, actor: Actor, year: number | undefined, now: Date) {
  const today = dayIn(now, actor.timeZone)
  const current = Number(today.slice(0, 4))
  const y = year ?? current
  if (y > current)
    throw new AppError('validation', 'Cette année n’a pas commencé.', [
      { field: 'year', message: 'Année à venir : aucun chiffre.' },
    ])
  const from = `${y}-01-01`
  const to = y === current ? today : `${y}-12-31`
  const share = daysIn({ from, to }) / daysIn({ from, to: `${y}-12-31` })
  const sites = await sitesOf(tx, actor.structureId)
  const objectives = await objectivesOfYear(tx, actor.structureId, y)
  const { bySite, total } = await readForReport(deps, tx, async (q) => {
    const bySite = new Map<string, Map<KeyFigure, number | null>>()
    for (const site of sites)
      bySite.set(site.id, await figuresOf(q, actor.structureId, { from, to }, { siteIds: [site.id] }))
    return { bySite, total: await figuresOf(q, actor.structureId, { from, to }, {}) }
  })
  const cell = (figure: KeyFigure, value: number | null, target: number | null): Cell => ({
    figure,
    value,
    target,
    expected: target === null ? null : Math.round(target * share * 10) / 10,
  })
  const targetOf = (siteId: string, figure: KeyFigure) =>
    objectives.find((o) => o.siteId === siteId && o.figure === figure)?.target ?? null
  const totalTarget = (figure: KeyFigure) => {
    const set = objectives.filter((o) => o.figure === figure)
    return set.length ? set.reduce((sum, o) => sum + o.target, 0) : null
  }
  return {
    year: y,
    from,
    to,
    figures: keyFigureCodes.map((key) => ({ key, label: keyFigures[key].label })),
    sites: sites.map((s) => ({
      siteId: s.id,
      siteName: s.name,
      cells: keyFigureCodes.map((f) => cell(f, bySite.get(s.id)!.get(f) ?? null, targetOf(s.id, f))),
    })),
    total: keyFigureCodes.map((f) => cell(f, total.get(f) ?? null, totalTarget(f))),
  } satisfies KeyFigures
}

/** People in alert by site (each once) and, within a site, by who follows them, with the names. */
export async function teamAlertsOf(tx: Tx, actor: Actor, now: Date): Promise<TeamAlerts> {
  const today = dayIn(now, actor.timeZone)
  const { byCounsellor, bySite } = await alertsByTeam(tx, actor.structureId, today)
  const sites = new Map((await sitesOf(tx, actor.structureId)).map((s) => [s.id, s.name]))
  const ids = [...new Set(byCounsellor.map((r) => r.counsellor_id))]
  const users = new Map(
    ids.length
      ? (
          await tx
            .selectFrom('app_user')
            .select(['id', 'display_name'])
            .where('structure_id', '=', actor.structureId)
            .where('id', 'in', ids)
            .execute()
        ).map((u) => [u.id, u.display_name])
      : [],
  )
  const teams = bySite
    .map((s) => ({
      siteId: s.site_id,
      siteName: sites.get(s.site_id) ?? '',
      people: s.people,
      alerts: s.alerts,
      counsellors: byCounsellor
        .filter((r) => r.site_id === s.site_id && users.has(r.counsellor_id))
        .map((r) => ({
          counsellorId: r.counsellor_id,
          name: users.get(r.counsellor_id)!,
          people: r.people,
          alerts: r.alerts,
        }))
        .sort((a, b) => b.alerts - a.alerts || a.name.localeCompare(b.name, 'fr')),
    }))
    .sort((a, b) => a.siteName.localeCompare(b.siteName, 'fr'))
  return { today, teams }
}
