import { stringify } from 'csv-stringify/sync'
import type ExcelJS from 'exceljs'
import { frenchDate } from '../../shared/dates.ts'
import { EXPORT_MAX_ROWS, type ExportFormat } from '../../shared/lists/list.schema.ts'
import { AppError } from '../errors.ts'
import type { Context } from './route.ts'

// A list of the screens (the caseload, a search, the people behind a figure, the files to fix) as a file: CSV for
// French Excel or an .xlsx workbook. One helper for every list, so every export is written, capped and audited the
// same way (docs/quality.md, "Listes et exports").

/** A column of an exported list: its French heading and how to read it from a row. */
export interface ListColumn<T> {
  header: string
  /** 'date': a 'yyyy-mm-dd' string (dd/mm/yyyy in the CSV, a real date cell in the workbook) */
  kind?: 'text' | 'date' | 'number'
  value(row: T): string | number | null | undefined
  /** the workbook's column width, in characters */
  width?: number
}

export interface ListFile {
  body: Buffer
  contentType: string
  fileName: string
}

/**
 * A text that a spreadsheet would take for a formula (=, +, -, @, tab or carriage return first) is written with a
 * leading apostrophe in the CSV (OWASP "CSV injection"): a name typed "=HYPERLINK(…)" stays a name. The workbook
 * stores every text as a string, never a formula, so it needs nothing.
 */
const defuse = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text)

function csvCell<T>(c: ListColumn<T>, row: T): string {
  const v = c.value(row)
  if (v === null || v === undefined) return ''
  if (c.kind === 'date' && typeof v === 'string') return frenchDate(v)
  // numbers as French Excel reads them: a decimal comma
  if (typeof v === 'number') return String(v).replace('.', ',')
  return defuse(v)
}

/**
 * CSV for French Excel: UTF-8 with a byte-order mark (else Excel reads it as Windows-1252 and breaks the accents),
 * `;` between fields (the list separator of a French Windows; a comma is the decimal mark there), CRLF line ends,
 * dates dd/mm/yyyy, a header row.
 */
export function listCsv<T>(columns: ListColumn<T>[], rows: readonly T[]): Buffer {
  const text = stringify([columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => csvCell(c, r)))], {
    delimiter: ';',
    record_delimiter: 'windows',
    quoted_match: /[;"\r\n]/,
  })
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])
}

/** The same list as a workbook: one sheet, a bold frozen header with filters, dates as dates (dd/mm/yyyy). */
export async function listXlsx<T>(title: string, columns: ListColumn<T>[], rows: readonly T[]): Promise<Buffer> {
  const { default: Excel } = await import('exceljs')
  const wb = new Excel.Workbook()
  wb.creator = 'Jalon'
  const ws: ExcelJS.Worksheet = wb.addWorksheet(title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  })
  ws.columns = columns.map((c) => ({
    header: c.header,
    width: c.width ?? Math.max(12, c.header.length + 2),
    ...(c.kind === 'date' ? { style: { numFmt: 'dd/mm/yyyy' } } : {}),
  }))
  ws.getRow(1).font = { bold: true }
  for (const r of rows)
    ws.addRow(
      columns.map((c) => {
        const v = c.value(r)
        if (v === null || v === undefined) return null
        // a date cell at midnight UTC: Excel shows the day, whatever the reader's time zone
        if (c.kind === 'date' && typeof v === 'string') return new Date(`${v}T00:00:00Z`)
        return v
      }),
    )
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

export async function listFile<T>(
  name: string,
  title: string,
  columns: ListColumn<T>[],
  rows: readonly T[],
  format: ExportFormat,
): Promise<ListFile> {
  if (format === 'xlsx')
    return {
      body: await listXlsx(title, columns, rows),
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      fileName: `${name}.xlsx`,
    }
  return { body: listCsv(columns, rows), contentType: 'text/csv; charset=utf-8', fileName: `${name}.csv` }
}

/** Refuses an export beyond EXPORT_MAX_ROWS (the caller reads one row more than the cap to know). */
export function checkExportSize(count: number) {
  if (count > EXPORT_MAX_ROWS)
    throw new AppError(
      'validation',
      `La liste dépasse ${EXPORT_MAX_ROWS.toLocaleString('fr-FR')} personnes : précisez les filtres avant de l’exporter.`,
      [{ field: 'format', message: 'Liste trop longue pour un export.' }],
    )
}

/**
 * Sends a list as a file and writes its audit line (who exported which list, with which filters, how many rows),
 * in the request's transaction: the file leaves only if its trace is written.
 */
export async function sendList<T>(
  ctx: Pick<Context<unknown, unknown, unknown>, 'audit' | 'reply'>,
  spec: {
    /** the organisation's day, in the file's name */
    today: string
    /** what the list is, in the audit line: 'caseload', 'persons', 'indicator-cell', 'quality' */
    list: string
    /** the file's name without extension; the day is added */
    name: string
    title: string
    columns: ListColumn<T>[]
    rows: readonly T[]
    format: ExportFormat
    /** the filters that made the list, as the audit line keeps them */
    filters: Record<string, unknown>
  },
) {
  checkExportSize(spec.rows.length)
  const file = await listFile(`${spec.name}_${spec.today}`, spec.title, spec.columns, spec.rows, spec.format)
  await ctx.audit({
    action: 'list.export',
    entity: 'list',
    entityId: null,
    detail: { list: spec.list, format: spec.format, rows: spec.rows.length, filters: spec.filters },
  })
  ctx.reply.header('content-type', file.contentType)
  ctx.reply.header('content-disposition', `attachment; filename="${file.fileName}"`)
  return file.body
}
