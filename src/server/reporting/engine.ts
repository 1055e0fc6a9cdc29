import { daysIn, periodsEndingWith, yearOf } from '../../shared/reporting/period.ts'
import type { IndicatorResult, ObjectiveResult, Period, Scope } from '../../shared/reporting/reporting.schema.ts'
import { type Computed, createMemo, type IndicatorContext, type IndicatorDeclaration, type Q } from './indicator.ts'
import { objectivesOf } from './objectives.repository.ts'
import { protectResult, type Thresholds } from './secrecy.ts'
import { percent } from './tables.ts'

// Runs indicator declarations: one period, several periods side by side, split by sex; attaches the objectives and,
// for a published output, applies statistical secrecy last.

export interface RunOptions {
  structureId: string
  /** a network's report: every structure counted (none of them has objectives for the network) */
  network?: readonly string[]
  period: Period
  scope?: Scope
  bySex?: boolean
  /** published output: the secrecy thresholds to apply; absent = internal (every count shown) */
  published?: Thresholds
  memo?: IndicatorContext['memo']
  /** false: the raw rows only, never the modules' facts (default: the facts of a built calendar year) */
  facts?: boolean
}

async function run(q: Q, decl: IndicatorDeclaration, opts: RunOptions, scope: Scope): Promise<Computed> {
  return decl.compute({
    q,
    structureId: opts.structureId,
    structureIds: opts.network ?? [opts.structureId],
    period: opts.period,
    scope,
    facts: opts.facts !== false,
    memo: opts.memo ?? createMemo(),
  })
}

export async function computeIndicator(q: Q, decl: IndicatorDeclaration, opts: RunOptions): Promise<IndicatorResult> {
  const scope = opts.scope ?? {}
  const computed = await run(q, decl, opts, scope)
  const result: IndicatorResult = {
    id: decl.id,
    label: decl.label,
    period: opts.period,
    ...computed,
    objectives: opts.network ? [] : await objectiveResults(q, opts.structureId, decl, opts.period, computed),
  }
  if (opts.bySex) {
    const part = async (sex: 'F' | 'M') => ({
      id: decl.id,
      label: `${decl.label} — ${sex === 'F' ? 'femmes' : 'hommes'}`,
      period: opts.period,
      ...(await run(q, decl, opts, { ...scope, sex })),
      objectives: [],
    })
    result.bySex = { F: await part('F'), M: await part('M') }
  }
  return opts.published ? protectResult(result, opts.published, !!decl.sensitive) : result
}

/** The indicator over `count` periods of the same length ending with the requested one, oldest first. */
export async function compareIndicator(
  q: Q,
  decl: IndicatorDeclaration,
  opts: RunOptions & { count: number },
): Promise<IndicatorResult[]> {
  const out: IndicatorResult[] = []
  for (const period of periodsEndingWith(opts.period, opts.count))
    out.push(await computeIndicator(q, decl, { ...opts, period, memo: undefined }))
  return out
}

/** Share of a calendar year that a period covers (1 for the whole year). */
function yearFraction(period: Period, year: number): number {
  const from = period.from > `${year}-01-01` ? period.from : `${year}-01-01`
  const to = period.to < `${year}-12-31` ? period.to : `${year}-12-31`
  if (from > to) return 0
  return daysIn({ from, to }) / daysIn({ from: `${year}-01-01`, to: `${year}-12-31` })
}

/**
 * Objectives are yearly: a period of whole calendar years sums them; a part of a year takes the target prorated by
 * days (and says so). The result is the named figure, or the headline value.
 */
export async function objectiveResults(
  q: Q,
  structureId: string,
  decl: IndicatorDeclaration,
  period: Period,
  computed: Computed,
): Promise<ObjectiveResult[]> {
  const rows = await objectivesOf(q, structureId, decl.id, yearOf(period.from), yearOf(period.to))
  const groups = new Map<string, typeof rows>()
  for (const r of rows) {
    const key = `${r.agreement_id} ${r.sub_key ?? ''}`
    groups.set(key, [...(groups.get(key) ?? []), r])
  }
  return [...groups.values()].map((g) => {
    const first = g[0]
    let target = 0
    let prorated = false
    for (const r of g) {
      const f = yearFraction(period, r.year)
      if (f < 1) prorated = true
      target += Number(r.target) * f
    }
    target = Math.round(target * 10) / 10
    const figure = first.sub_key ? computed.figures.find((f) => f.key === first.sub_key) : undefined
    const result = first.sub_key ? (figure?.value ?? null) : computed.value
    const label = figure?.label ?? decl.objectiveKeys?.find((k) => k.key === first.sub_key)?.label ?? decl.label
    return {
      objectiveId: first.id,
      agreement: first.name,
      funder: first.funder,
      subKey: first.sub_key,
      label,
      target,
      result,
      gap: result === null ? null : Math.round((result - target) * 10) / 10,
      rate: result === null ? null : percent(result, target),
      prorated,
    }
  })
}
