import type ExcelJS from 'exceljs'
import { frenchDate, periodLabel } from '../../../shared/reporting/period.ts'
import type { AnnualReport, Figure, ObjectiveResult, ResultTable } from '../../../shared/reporting/reporting.schema.ts'
import { findIndicator } from '../catalogue.ts'
import { excelFormat, SECRET, SECRET_LEGEND } from './format.ts'

// The annual report as a spreadsheet (exceljs): one sheet per section, each table with its header, French number
// formats, and the indicator's definition under each table. Values are numbers (not text) so they can be reused.

const BLUE = 'FF1F4E79'
const TINT = 'FFE8EEF5'
const fill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } })

/** A sheet name Excel accepts: 31 characters at most, none of : \ / ? * [ ], unique in the workbook. */
function sheetName(title: string, taken: Set<string>): string {
  const base = title
    .replace(/[:\\/?*[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 31)
  let name = base
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 28)} ${i}`
  taken.add(name.toLowerCase())
  return name
}

class SheetWriter {
  row = 1
  constructor(readonly ws: ExcelJS.Worksheet) {}

  text(value: string, style: Partial<ExcelJS.Font> = {}, height?: number) {
    const cell = this.ws.getCell(this.row, 1)
    cell.value = value
    cell.font = { name: 'Calibri', size: 10, ...style }
    if (height) {
      this.ws.getRow(this.row).height = height
      cell.alignment = { wrapText: true, vertical: 'top' }
      this.ws.mergeCells(this.row, 1, this.row, 7)
    }
    this.row++
  }

  gap(n = 1) {
    this.row += n
  }

  headerRow(labels: string[]) {
    labels.forEach((label, i) => {
      const cell = this.ws.getCell(this.row, i + 1)
      cell.value = label
      cell.font = { bold: true, color: { argb: 'FFFFFFFF' }, size: 10 }
      cell.fill = fill(BLUE)
      cell.alignment = { horizontal: i === 0 ? 'left' : 'right', vertical: 'middle', wrapText: true }
    })
    this.row++
  }

  valueCell(col: number, value: number | null, format: string, hidden = false, bold = false) {
    const cell = this.ws.getCell(this.row, col)
    cell.value = hidden ? SECRET : value
    cell.numFmt = format
    cell.alignment = { horizontal: 'right' }
    if (bold) cell.font = { bold: true, size: 10 }
  }

  table(table: ResultTable, definition?: string) {
    this.text(table.title, { bold: true, size: 11 })
    this.headerRow([table.rowHeader, ...table.columns.map((c) => c.label)])
    const parents = new Set(table.rows.map((r) => r.parent).filter(Boolean))
    for (const row of table.rows) {
      const strong = !!row.total || parents.has(row.key)
      const label = this.ws.getCell(this.row, 1)
      label.value = row.label
      label.font = { bold: strong, size: 10 }
      label.alignment = { indent: row.parent ? 1 : 0 }
      table.columns.forEach((c, i) => {
        this.valueCell(i + 2, row.values[i], excelFormat(c.kind, c.decimals), row.hidden?.includes(i), strong)
      })
      if (row.total) for (let c = 1; c <= table.columns.length + 1; c++) this.ws.getCell(this.row, c).fill = fill(TINT)
      this.row++
    }
    if (table.note) this.text(table.note, { italic: true, size: 9, color: { argb: 'FF555555' } })
    if (definition) this.text(`Définition : ${definition}`, { italic: true, size: 9, color: { argb: 'FF444444' } }, 38)
    this.gap()
  }

  figures(figures: Figure[]) {
    if (!figures.length) return
    this.headerRow(['Chiffre clé', 'Valeur'])
    for (const f of figures) {
      this.ws.getCell(this.row, 1).value = f.label
      this.valueCell(2, f.value, excelFormat(f.kind, f.decimals), f.hidden, true)
      this.row++
    }
    this.gap()
  }

  objectives(objectives: ObjectiveResult[]) {
    if (!objectives.length) return
    this.headerRow(['Objectif', 'Convention', 'Cible', 'Résultat', 'Écart', 'Taux'])
    for (const o of objectives) {
      this.ws.getCell(this.row, 1).value = o.label
      this.ws.getCell(this.row, 2).value = `${o.agreement} (${o.funder})${o.prorated ? ' — au prorata' : ''}`
      this.valueCell(3, o.target, '#,##0.#')
      this.valueCell(4, o.result, '#,##0.#', o.result === null)
      this.valueCell(5, o.gap, '+#,##0.#;-#,##0.#;0', o.gap === null)
      this.valueCell(6, o.rate, '#,##0.0" %"', o.rate === null, true)
      this.row++
    }
    this.gap()
  }
}

export async function renderXlsx(report: AnnualReport): Promise<Buffer> {
  // exceljs is loaded at the first spreadsheet, not at start (docs/demo-2009.md)
  const { default: Excel } = await import('exceljs')
  const wb = new Excel.Workbook()
  wb.creator = 'Jalon'
  wb.title = report.title
  wb.created = new Date(report.generatedAt)
  const taken = new Set<string>()

  const cover = wb.addWorksheet(sheetName('Rapport', taken))
  cover.getColumn(1).width = 100
  const c = new SheetWriter(cover)
  c.text(report.structure, { size: 12 })
  c.text(report.title, { bold: true, size: 16, color: { argb: BLUE } })
  c.text(
    `Période du ${frenchDate(report.period.from)} au ${frenchDate(report.period.to)} (${periodLabel(report.period)})`,
  )
  if (report.scope.site) c.text(`Site : ${report.scope.site}`)
  c.text(`Édité le ${frenchDate(report.generatedAt.slice(0, 10))} par Jalon`)
  c.text(
    report.published
      ? `Document publiable : effectifs inférieurs à ${report.secrecyThreshold} masqués. ${SECRET_LEGEND}`
      : 'Document interne, non diffusable : tous les effectifs sont affichés.',
    { bold: !report.published },
  )
  c.gap()
  c.text('Sommaire', { bold: true })
  for (const s of report.sections) c.text(`• ${s.title}`)

  for (const section of report.sections) {
    const ws = wb.addWorksheet(sheetName(section.shortTitle, taken), { views: [{ showGridLines: false }] })
    ws.getColumn(1).width = 52
    for (let i = 2; i <= 9; i++) ws.getColumn(i).width = 14
    const w = new SheetWriter(ws)
    w.text(section.title, { bold: true, size: 14, color: { argb: BLUE } })
    if (section.intro) w.text(section.intro, { italic: true })
    w.gap()
    for (const item of section.items) {
      const result = report.indicators[item.indicator]
      if (!result) continue
      const definition = findIndicator(item.indicator)?.definition
      if (section.items.length > 1) w.text(result.label, { bold: true, size: 12 })
      if (item.figures) {
        w.figures(result.figures)
        w.objectives(result.objectives)
      }
      const tables = item.tables ? item.tables.flatMap((k) => result.tables.filter((t) => t.key === k)) : result.tables
      for (const t of tables) w.table(t, definition)
      if (!tables.length && item.figures && definition)
        w.text(`Définition : ${definition}`, { italic: true, size: 9, color: { argb: 'FF444444' } }, 38)
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}
