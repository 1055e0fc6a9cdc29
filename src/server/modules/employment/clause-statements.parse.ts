import { CsvError, parse } from 'csv-parse/sync'
import { type ImportIssue, issueLog, MAX_ISSUES, type Pos, TooManyIssues } from '../training/imports.model.ts'

// A company's monthly statement of insertion hours (docs/employment/clauses.md « Relevés »), as CSV (`;` or `,` as
// separator, the header tells; UTF-8) or as a spreadsheet (XLSX, its first sheet, exceljs). Line 1 names the columns;
// one line per person and month. Both formats become the same rows of text, each value with its line and column, so
// the checks (clause-statements.service.ts) and their errors are the same. The error shape is the training imports'.

export { type ImportIssue, MAX_ISSUES }

/** the columns a statement may have; a lot is named by `lot` (its label) or by the company's `siret` */
export const STATEMENT_COLUMNS = ['siret', 'lot', 'nom', 'prenom', 'date_naissance', 'mois', 'heures'] as const
export type StatementColumn = (typeof STATEMENT_COLUMNS)[number]
const REQUIRED: StatementColumn[] = ['nom', 'prenom', 'date_naissance', 'mois', 'heures']

export interface StatementLine {
  line: number
  values: Partial<Record<StatementColumn, string>>
}

export interface StatementFile {
  file: string
  lines: StatementLine[]
  issues: ImportIssue[]
}

/** lower case, no accents, spaces and dashes as `_`: « Date de naissance » → date_naissance, « Prénom » → prenom */
export function fold(v: string) {
  return v
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
    .replace(/\s+/g, ' ')
}
const ALIASES: Record<string, StatementColumn> = {
  date_de_naissance: 'date_naissance',
  naissance: 'date_naissance',
  ne_le: 'date_naissance',
  mois_travaille: 'mois',
  heures_travaillees: 'heures',
  nombre_d_heures: 'heures',
  reference_lot: 'lot',
}
export function columnOf(header: string): string {
  const key = fold(header).replace(/[\s'’-]+/g, '_')
  return ALIASES[key] ?? key
}

function fromTable(file: string, table: { line: number; cells: string[] }[], out: StatementFile) {
  const fail = issueLog(file, out.issues)
  const header = (table[0]?.cells ?? []).map(columnOf)
  if (!table.length) {
    fail({ line: 1 }, 'fichier vide')
    return
  }
  for (const c of REQUIRED) if (!header.includes(c)) fail({ line: 1, column: c }, 'colonne obligatoire absente')
  if (!header.includes('siret') && !header.includes('lot'))
    fail({ line: 1, column: 'siret' }, 'colonne siret ou lot obligatoire (le lot de l’entreprise)')
  // other columns (the company's name, a comment) are read past
  header.forEach((h, i) => {
    if ((STATEMENT_COLUMNS as readonly string[]).includes(h) && header.indexOf(h) !== i)
      fail({ line: 1, column: h }, 'colonne en double')
  })
  if (out.issues.length) return
  for (const row of table.slice(1)) {
    if (row.cells.every((c) => !c.trim())) continue
    const values: StatementLine['values'] = {}
    header.forEach((h, i) => {
      if ((STATEMENT_COLUMNS as readonly string[]).includes(h))
        values[h as StatementColumn] = (row.cells[i] ?? '').trim()
    })
    out.lines.push({ line: row.line, values })
  }
  if (!out.lines.length) fail({ line: 2 }, 'aucune ligne d’heures dans le fichier')
}

export function parseStatementCsv(text: string, file: string): StatementFile {
  const out: StatementFile = { file, lines: [], issues: [] }
  try {
    const firstLine = text.slice(0, text.indexOf('\n') >>> 0)
    const delimiter = [';', '\t', ','].reduce((a, b) => (firstLine.split(b).length > firstLine.split(a).length ? b : a))
    let records: { record: string[]; info: { lines: number } }[]
    try {
      records = parse(text, {
        bom: true,
        delimiter,
        relax_column_count: true,
        skip_empty_lines: true,
        info: true,
      }) as unknown as typeof records
    } catch (e) {
      if (!(e instanceof CsvError)) throw e
      const line = (e as CsvError & { lines?: number }).lines ?? 1
      issueLog(file, out.issues)({ line }, `CSV mal formé (${e.message.replace(/^.*?: /, '')})`)
      return out
    }
    fromTable(
      file,
      records.map((r) => ({ line: r.info.lines, cells: r.record })),
      out,
    )
  } catch (e) {
    if (!(e instanceof TooManyIssues)) throw e
  }
  return out
}

/** a cell's value as the text a CSV would hold: a date as yyyy-mm-dd, a number with its decimals */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return ''
  if (v instanceof Date) return v.toISOString().slice(0, 10)
  if (typeof v === 'object') {
    const o = v as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: unknown }
    if ('result' in o) return cellText(o.result)
    if (o.richText) return o.richText.map((r) => r.text).join('')
    if ('text' in o) return cellText(o.text)
    if (o.error) return String(o.error)
    return ''
  }
  return String(v)
}

export async function parseStatementXlsx(data: Buffer, file: string): Promise<StatementFile> {
  const out: StatementFile = { file, lines: [], issues: [] }
  const { default: Excel } = await import('exceljs')
  const book = new Excel.Workbook()
  try {
    await book.xlsx.load(data as unknown as ArrayBuffer)
  } catch {
    issueLog(file, out.issues)(undefined, 'classeur illisible : un fichier XLSX (Excel, LibreOffice) est attendu')
    return out
  }
  const sheet = book.worksheets[0]
  const table: { line: number; cells: string[] }[] = []
  sheet?.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = []
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value)
    })
    table.push({ line, cells: Array.from(cells, (c) => c ?? '') })
  })
  try {
    fromTable(file, table, out)
  } catch (e) {
    if (!(e instanceof TooManyIssues)) throw e
  }
  return out
}

/** « 03/2026 », « 3/2026 », « 2026-03 », « 2026-03-01 » (a spreadsheet's date) → 2026-03-01 */
export function monthOf(v: string): string | null {
  const fr = /^(\d{1,2})[/.-](\d{4})$/.exec(v)
  const iso = /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(v)
  const [y, m] = fr ? [fr[2]!, fr[1]!] : iso ? [iso[1]!, iso[2]!] : [null, null]
  if (!y || !m || Number(m) < 1 || Number(m) > 12) return null
  return `${y}-${m.padStart(2, '0')}-01`
}

/** « 7,5 », « 151,67 », « 12 » (a spreadsheet's number: « 7.5 ») → 7.5; two decimals at most */
export function hoursOf(v: string): number | null {
  const t = v.replace(/[\s\u00a0\u202f]/g, '')
  if (!/^\d{1,3}([.,]\d{1,2})?$/.test(t)) return null
  return Number(t.replace(',', '.'))
}

/** « 14/02/1990 » or 1990-02-14 → 1990-02-14 when the day exists */
export function birthDateOf(v: string): string | null {
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v)
  const iso = fr ? `${fr[3]}-${fr[2]!.padStart(2, '0')}-${fr[1]!.padStart(2, '0')}` : v
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null
  const d = new Date(`${iso}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null
}

export type { Pos }
