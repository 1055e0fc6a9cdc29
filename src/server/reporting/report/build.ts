import { periodLabel } from '../../../shared/reporting/period.ts'
import type {
  AnnualReport,
  IndicatorResult,
  Period,
  ReportSection,
} from '../../../shared/reporting/reporting.schema.ts'
import { getIndicator } from '../catalogue.ts'
import { computeIndicator } from '../engine.ts'
import { createMemo, type Q } from '../indicator.ts'
import type { Thresholds } from '../secrecy.ts'
import { annualReportSections } from './sections.ts'

export interface ReportProgress {
  index: number
  count: number
  section: ReportSection
  ms: number
}

export interface BuildOptions {
  structureId: string
  /** a network's report: the persons of every one of these structures (structureId names the report) */
  network?: { name: string; structureIds: readonly string[] }
  period: Period
  /** restrict to these sites (undefined: the whole structure) */
  siteIds?: string[]
  /** published output: statistical secrecy with these thresholds */
  published?: Thresholds
  now: Date
  sections?: ReportSection[]
  /**
   * false: every indicator from the raw rows, never the modules' per-person, per-year facts (an engine without those
   * tables, such as the DuckDB copy of bench/national.ts; a check that both give the same report). Default: the facts
   * of a built calendar year.
   */
  facts?: boolean
  /** called after each section (the CLI prints it; a long report shows where it is) */
  onProgress?: (p: ReportProgress) => void
}

/** Computes every indicator the sections name, once each, section by section. */
export async function buildAnnualReport(q: Q, opts: BuildOptions): Promise<AnnualReport> {
  const sections = opts.sections ?? annualReportSections()
  const structure = await q
    .selectFrom('structure')
    .select('name')
    .where('id', '=', opts.structureId)
    .executeTakeFirstOrThrow()
  const sites = opts.siteIds?.length
    ? await q
        .selectFrom('site')
        .select('name')
        .where('structure_id', '=', opts.structureId)
        .where('id', 'in', opts.siteIds)
        .orderBy('name')
        .execute()
    : opts.siteIds && []
  const memo = createMemo()
  const results: Record<string, IndicatorResult> = {}
  for (const [index, section] of sections.entries()) {
    const started = performance.now()
    for (const { indicator } of section.items) {
      if (results[indicator]) continue
      results[indicator] = await computeIndicator(q, getIndicator(indicator), {
        structureId: opts.structureId,
        network: opts.network?.structureIds,
        period: opts.period,
        scope: opts.siteIds ? { siteIds: opts.siteIds } : {},
        published: opts.published,
        memo,
        facts: opts.facts,
      })
    }
    opts.onProgress?.({ index, count: sections.length, section, ms: Math.round(performance.now() - started) })
  }
  return {
    title: `Rapport d’activité — ${periodLabel(opts.period)}`,
    structure: opts.network?.name ?? structure.name,
    period: opts.period,
    scope: { site: sites ? sites.map((x) => x.name).join(', ') : null },
    generatedAt: opts.now.toISOString(),
    published: !!opts.published,
    secrecyThreshold: opts.published?.threshold ?? null,
    sections,
    indicators: results,
  }
}
