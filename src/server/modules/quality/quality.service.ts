import type { z } from 'zod'
import { dayIn } from '../../../shared/dates.ts'
import { EXPORT_MAX_ROWS } from '../../../shared/lists/list.schema.ts'
import type {
  QualityFile,
  QualityGroup,
  QualityRuleId,
  QualitySummary,
  QualityTrend,
  qualityFilesQuery,
  qualityScopeQuery,
  qualityTrendQuery,
} from '../../../shared/quality/quality.schema.ts'
import type { Actor, Tx } from '../../deps.ts'
import { qualityScope } from './quality.policy.ts'
import { countByGroups, countOnDays, filesBreaking, type RuleCounts } from './quality.repository.ts'
import { describeRule, qualityRule, qualityRules } from './quality.rules.ts'

interface Ctx {
  tx: Tx
  actor: Actor
  now: Date
}

const todayOf = (ctx: Ctx) => dayIn(ctx.now, ctx.actor.timeZone)

/** The names of the structure's sites and users, to label the groups. */
async function names(ctx: Ctx) {
  const sites = await ctx.tx
    .selectFrom('site')
    .select(['id', 'name'])
    .where('structure_id', '=', ctx.actor.structureId)
    .execute()
  const users = await ctx.tx
    .selectFrom('app_user')
    .select(['id', 'display_name as name'])
    .where('structure_id', '=', ctx.actor.structureId)
    .execute()
  return { sites: new Map(sites.map((s) => [s.id, s.name])), users: new Map(users.map((u) => [u.id, u.name])) }
}

const byLabel = (a: QualityGroup, b: QualityGroup) =>
  a.id === null ? 1 : b.id === null ? -1 : a.label.localeCompare(b.label, 'fr')

/** The count of files breaking each rule today, for the scope, by site and by counsellor. */
export async function qualitySummary(ctx: Ctx, query: z.output<typeof qualityScopeQuery>): Promise<QualitySummary> {
  const today = todayOf(ctx)
  const scope = qualityScope(ctx.actor, query, today)
  const counted = await countByGroups(ctx.tx, scope, today)
  const { sites, users } = await names(ctx)
  const group =
    (label: (id: string | null) => string) => (g: { id: string | null; files: number; counts: RuleCounts }) => ({
      ...g,
      label: label(g.id),
    })
  return {
    today,
    files: counted.files,
    rules: qualityRules.map((r) => ({ ...describeRule(r), count: counted.counts[r.id] })),
    bySite: counted.bySite.map(group((id) => sites.get(id ?? '') ?? '—')).sort(byLabel),
    byCounsellor: counted.byCounsellor
      .map(group((id) => (id === null ? 'Sans référent' : (users.get(id) ?? '—'))))
      .sort(byLabel),
  }
}

/** The files breaking a rule today, a page at a time (or all of them, up to an export's cap + 1). */
export async function qualityFiles(
  ctx: Ctx,
  ruleId: QualityRuleId,
  query: Omit<z.output<typeof qualityFilesQuery>, 'page' | 'pageSize'> & { page?: number; pageSize?: number },
) {
  const today = todayOf(ctx)
  const scope = qualityScope(ctx.actor, query, today)
  const rule = qualityRule(ruleId)
  const page = query.page ?? 1
  const pageSize = query.pageSize ?? EXPORT_MAX_ROWS + 1
  const rows = await filesBreaking(ctx.tx, scope, rule, today, { limit: pageSize, offset: (page - 1) * pageSize })
  const items: QualityFile[] = rows.map((r) => ({
    personId: r.id,
    lastName: r.last_name,
    firstName: r.first_name,
    birthDate: r.birth_date,
    siteName: r.site_name,
    referentName: r.referent_name,
    detail: rule.detail.words(r.detail),
  }))
  return { items, total: rows[0]?.total ?? 0, page, pageSize, rule: describeRule(rule), today }
}

/** 'yyyy-mm' of the month `back` months before the day's. */
function monthBefore(day: string, back: number) {
  const [y, m] = day.split('-').map(Number) as [number, number]
  const index = y * 12 + (m - 1) - back
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}
const lastDayOf = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)
}

/** The past months' counts, kept a few minutes per database and scope (a correction dated back shows within them). */
const PAST_MONTHS_MS = 5 * 60_000
type Counted = Awaited<ReturnType<typeof countOnDays>>
const pastMonths = new WeakMap<object, Map<string, { at: number; value: Promise<Counted> }>>()
function keptPastMonths(db: object | undefined, key: string, now: number, compute: () => Promise<Counted>) {
  if (!db) return compute()
  let entries = pastMonths.get(db)
  if (!entries) {
    entries = new Map()
    pastMonths.set(db, entries)
  }
  const hit = entries.get(key)
  if (hit && now - hit.at < PAST_MONTHS_MS) return hit.value
  for (const [k, e] of entries) if (now - e.at >= PAST_MONTHS_MS) entries.delete(k)
  const value = compute()
  entries.set(key, { at: now, value })
  value.catch(() => entries.delete(key))
  return value
}

/**
 * The counts month by month: each month's last day (today for the current month), computed from the dated rows as
 * they are recorded now (docs/quality.md says why there is no snapshot table). The past months are counted in one
 * query and kept PAST_MONTHS_MS per database and scope; the current month (today) is counted at every call, so it is
 * always the page's own count of today (docs/performance.md, "Quality trend").
 */
export async function qualityTrend(
  ctx: Ctx & { deps?: { db: object } },
  query: z.output<typeof qualityTrendQuery>,
): Promise<QualityTrend> {
  const today = todayOf(ctx)
  const scope = qualityScope(ctx.actor, query, today)
  const months = Array.from({ length: query.months }, (_, i) => monthBefore(today, query.months - 1 - i))
  const past = months.slice(0, -1).map(lastDayOf)
  // only a whole structure's or a site's scope is shared between readers (a scope of visible files is not kept)
  const key = JSON.stringify([scope.structureId, scope.siteId ?? null, scope.counsellorId ?? null, past])
  const [before, current] = await Promise.all([
    scope.visible
      ? countOnDays(ctx.tx, scope, past)
      : keptPastMonths(ctx.deps?.db, key, ctx.now.getTime(), () => countOnDays(ctx.tx, scope, past)),
    countOnDays(ctx.tx, scope, [today]),
  ])
  const counted = [...before, ...current]
  return {
    rules: qualityRules.map(describeRule),
    months: counted.map((c, i) => ({ month: months[i]!, day: c.day, files: c.files, counts: c.counts })),
  }
}
