import type { ReportSection, SectionItem } from '../../../shared/reporting/reporting.schema.ts'
import { installedModules } from '../../modules/registry.ts'

// The annual report, as data: the chapters of every module (their `report` in the manifest), in their order. Each
// chapter is an ordered list of sections naming indicators; the outputs (JSON, spreadsheet, PDF) follow.

export const item = (indicator: string, opts: Partial<Omit<SectionItem, 'indicator'>> = {}): SectionItem => ({
  indicator,
  figures: opts.figures ?? true,
  charts: opts.charts ?? [],
  ...(opts.tables ? { tables: opts.tables } : {}),
})

/** The whole structure's figures, last chapter of the report (the reporting module's own). */
export const organisationSections: ReportSection[] = [
  {
    key: 'organisation',
    title: 'Toute la structure',
    shortTitle: 'Toute la structure',
    items: [item('org.into_employment')],
  },
]

/** Every module's chapter, in order. */
export const annualReportSections = (): ReportSection[] =>
  installedModules()
    .flatMap((m) => (m.report ? [m.report] : []))
    .sort((a, b) => a.order - b.order)
    .flatMap((r) => r.sections)

/** The distinct indicators of the report, in order of first appearance. */
export const reportIndicatorIds = (sections: ReportSection[]) => [
  ...new Set(sections.flatMap((s) => s.items.map((i) => i.indicator))),
]
