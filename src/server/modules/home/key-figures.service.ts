import { sql } from 'kysely'
import { dayIn } from '../../../shared/dates.ts'
import type { KeyFigures, TeamAlerts } from '../../../shared/home/home.schema.ts'
import { type KeyFigure, keyFigureCodes, keyFigures } from '../../../shared/home/key-figures.ts'
import { daysIn } from '../../../shared/reporting/period.ts'
import type { IndicatorResult, Period } from '../../../shared/reporting/reporting.schema.ts'
import type { Actor, Deps, Tx } from '../../deps.ts'
import { AppError } from '../../errors.ts'
import { getIndicator } from '../../reporting/catalogue.ts'
import { computeIndicator } from '../../reporting/engine.ts'
import { createMemo, type Q } from '../../reporting/indicator.ts'
import { readForReport } from '../../reporting/report-db.ts'
import { alertsByTeam } from '../accompaniment/index.ts'
import { objectivesOfYear, sitesOf } from './site-objectives.repository.ts'

type Cell = KeyFigures['total'][number]

const byFigure = (result: IndicatorResult, figure: string | null) =>
  figure === null ? result.value : (result.figures.find((f) => f.key === figure)?.value ?? null)

/**
 * Each key figure for the whole structure and for each site, through the report engine. A figure that counts persons
 * with a site among the breakdowns its declaration crosses (`cross`, the statistics page's crossing) is counted for
 * every site in one query — the same persons the indicator counts with a site scope, both by the person's site —;
 * another (the CIVIS entries, counted in enrolments) runs once per site.
 */
async function figuresOf(q: Q, structureId: string, period: Period, siteIds: string[]) {
  const total = new Map<KeyFigure, number | null>()
  const bySite = new Map<string, Map<KeyFigure, number | null>>(siteIds.map((id) => [id, new Map()]))
  for (const key of keyFigureCodes) {
    const { indicatorId, figure } = keyFigures[key]
    const decl = getIndicator(indicatorId)
    total.set(key, byFigure(await computeIndicator(q, decl, { structureId, period }), figure))
    const spec = decl.cross
    if (figure === null && spec?.dimensions.some((d) => d.key === 'site')) {
      const ctx = { q, structureId, structureIds: [structureId], period, scope: {}, facts: false, memo: createMemo() }
      const rows = await q
        .selectFrom(spec.rows(ctx).as('r'))
        .select([sql<string>`r.site`.as('site'), sql<number>`count(DISTINCT r.person_id)`.as('n')])
        .groupBy(sql`r.site`)
        .execute()
      const counts = new Map(rows.map((r) => [r.site, Number(r.n)]))
      for (const [id, values] of bySite) values.set(key, counts.get(id) ?? 0)
    } else
      for (const [id, values] of bySite)
        values.set(
          key,
          byFigure(await computeIndicator(q, decl, { structureId, period, scope: { siteIds: [id] } }), figure),
        )
  }
  return { total, bySite }
}

/** The figures of a structure's year to date, kept a few minutes per database (a home page is opened often). */
const CACHE_MS = 5 * 60_000
const cache = new WeakMap<object, Map<string, { at: number; value: Promise<Awaited<ReturnType<typeof figuresOf>>> }>>()
function cached(deps: Deps, key: string, now: number, compute: () => ReturnType<typeof figuresOf>) {
  let entries = cache.get(deps.db)
  if (!entries) {
    entries = new Map()
    cache.set(deps.db, entries)
  }
  const hit = entries.get(key)
  if (hit && now - hit.at < CACHE_MS) return hit.value
  for (const [k, e] of entries) if (now - e.at >= CACHE_MS) entries.delete(k)
  const value = compute()
  entries.set(key, { at: now, value })
  value.catch(() => entries.delete(key))
  return value
}

/**
 * The year to date (the whole year once it is over) by site and for the whole structure, each key figure against the
 * site's objective for the year and that objective prorated to the days gone by ("where we should be today"). The
 * figures are kept CACHE_MS (the objectives are read every time).
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
  const key = `${actor.structureId}|${from}|${to}|${sites.map((x) => x.id).join(',')}`
  const { bySite, total } = await cached(deps, key, now.getTime(), () =>
    readForReport(deps, tx, (q) =>
      figuresOf(
        q,
        actor.structureId,
        { from, to },
        sites.map((x) => x.id),
      ),
    ),
  )
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
