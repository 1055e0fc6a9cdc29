import { frenchDate, periodLabel } from '../../../shared/reporting/period.ts'
import type { AnnualReport, IndicatorResult, SectionItem } from '../../../shared/reporting/reporting.schema.ts'
import { loadPdfmake } from '../../pdf/pdfmake.ts'
import { findIndicator } from '../catalogue.ts'
import type { chartSvg } from './charts.ts'
import { formatNumber, SECRET_LEGEND } from './format.ts'
import { type Content, figuresBlock, hasHidden, objectivesBlock, tableBlock } from './pdf-blocks.ts'

// The annual report as a PDF (pdfmake, Roboto from pdfmake's own font files): a title page with the contents, then
// each section with its key figures, objectives, tables, charts and the definition of each indicator.
// pdfmake and ECharts (charts.ts: some 600 modules) are loaded at the first PDF, not at start (docs/demo-2009.md).

type DrawChart = typeof chartSvg

const BLUE = '#1f4e79'

const styles = {
  title: { fontSize: 24, bold: true, color: BLUE },
  subtitle: { fontSize: 14, color: '#333' },
  h1: { fontSize: 16, bold: true, color: BLUE, margin: [0, 0, 0, 8] },
  h2: { fontSize: 11.5, bold: true, color: '#333', margin: [0, 6, 0, 4] },
  intro: { fontSize: 9.5, color: '#333', margin: [0, 0, 0, 8] },
  tableTitle: { fontSize: 9.5, bold: true, margin: [0, 4, 0, 3] },
  note: { fontSize: 7.5, italics: true, color: '#555', margin: [0, 2, 0, 0] },
  definition: { fontSize: 7.5, italics: true, color: '#444', margin: [0, 0, 0, 12] },
  keyValue: { fontSize: 11, bold: true, color: BLUE, alignment: 'right' },
  keyLabel: { fontSize: 9.5, margin: [0, 1.5, 0, 0] },
  small: { fontSize: 8, color: '#555' },
}

function itemBlocks(item: SectionItem, result: IndicatorResult, withLabel: boolean, chartSvg: DrawChart): Content[] {
  const decl = findIndicator(item.indicator)
  const tables = item.tables ? item.tables.flatMap((k) => result.tables.filter((t) => t.key === k)) : result.tables
  const out: Content[] = []
  if (withLabel) out.push({ text: result.label, style: 'h2' })
  if (item.figures) {
    const headline =
      result.value !== null && !result.figures.some((f) => f.kind === 'count' && f.value === result.value)
        ? { label: decl?.valueLabel ?? result.label, value: formatNumber(result.value) }
        : undefined
    const block = figuresBlock(result.figures, headline)
    if (block) out.push(block)
    const objectives = objectivesBlock(result.objectives)
    if (objectives) out.push(objectives)
  }
  // each table, then the charts drawn from it
  for (const t of tables) {
    out.push(tableBlock(t))
    for (const spec of item.charts.filter((c) => c.table === t.key)) {
      const svg = chartSvg(spec, t, { width: 520, height: spec.kind === 'pie' ? 220 : 250 })
      if (!svg && t.rows.some((r) => r.hidden?.length))
        out.push({ text: `${spec.title} : graphique non publié (secret statistique).`, style: 'small' })
      if (svg)
        out.push({
          stack: [
            { text: spec.title, style: 'tableTitle' },
            { svg, width: 460 },
          ],
          unbreakable: true,
          margin: [0, 0, 0, 10],
        })
    }
  }
  if (decl && (item.figures || tables.length))
    out.push({ text: [{ text: 'Définition : ', bold: true }, decl.definition], style: 'definition' })
  return out
}

function titlePage(report: AnnualReport): Content[] {
  const lines: Content[] = [
    { text: report.structure, style: 'subtitle', margin: [0, 140, 0, 12] },
    { text: 'Rapport d’activité', style: 'title' },
    { text: `Mission Locale — ${periodLabel(report.period)}`, style: 'subtitle', margin: [0, 6, 0, 4] },
    {
      text: `Période du ${frenchDate(report.period.from)} au ${frenchDate(report.period.to)}${report.scope.site ? ` — site : ${report.scope.site}` : ''}`,
      style: 'small',
    },
    {
      text: `Édité le ${frenchDate(report.generatedAt.slice(0, 10))} par Jalon, à partir des données saisies.`,
      style: 'small',
      margin: [0, 2, 0, 0],
    },
    {
      text: report.published
        ? `Document publiable : les effectifs inférieurs à ${report.secrecyThreshold} (11 pour les tableaux touchant à la santé, la justice ou les minima sociaux) et ceux qui permettraient de les retrouver sont masqués (« s »).`
        : 'Document interne, non diffusable : tous les effectifs sont affichés.',
      style: 'small',
      bold: !report.published,
      margin: [0, 12, 0, 30],
    },
    { toc: { title: { text: 'Sommaire', style: 'h2' } } },
  ]
  return [...lines, { text: '', pageBreak: 'after' }]
}

export function reportDocument(report: AnnualReport, chartSvg: DrawChart): Record<string, unknown> {
  const content: Content[] = titlePage(report)
  report.sections.forEach((section, i) => {
    const blocks: Content[] = [
      { text: section.title, style: 'h1', tocItem: true, ...(i > 0 ? { pageBreak: 'before' } : {}) },
    ]
    if (section.intro) blocks.push({ text: section.intro, style: 'intro' })
    for (const item of section.items) {
      const result = report.indicators[item.indicator]
      if (result) blocks.push(...itemBlocks(item, result, section.items.length > 1, chartSvg))
    }
    content.push(...blocks)
  })
  const secret = report.published && Object.values(report.indicators).some(hasHidden)
  if (secret) content.push({ text: SECRET_LEGEND, style: 'note', margin: [0, 12, 0, 0] })
  return {
    pageSize: 'A4',
    pageMargins: [48, 56, 48, 56],
    info: { title: report.title, author: report.structure, creator: 'Jalon' },
    defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.15 },
    styles,
    header: (page: number) =>
      page === 1
        ? null
        : {
            columns: [
              { text: report.title, style: 'small' },
              {
                text: report.published ? '' : 'Document interne — non diffusable',
                style: 'small',
                bold: true,
                alignment: 'right',
              },
            ],
            margin: [48, 24, 48, 0],
          },
    footer: (page: number, pages: number) =>
      page === 1 ? null : { text: `${page} / ${pages}`, alignment: 'center', style: 'small', margin: [0, 20, 0, 0] },
    content,
  }
}

export async function renderPdf(report: AnnualReport): Promise<Buffer> {
  const [pdfmake, { chartSvg }] = await Promise.all([loadPdfmake(), import('./charts.ts')])
  return pdfmake.createPdf(reportDocument(report, chartSvg)).getBuffer()
}
