import { resolveCommune } from '../reference/communes.ts'
import { quote } from './exchange.errors.ts'
import type { ColumnIssue, ColumnType, EntitySpec } from './exchange.types.ts'

// How each type of cell is read (import) and written (export). Reading and writing are kept side by side so that
// writing then reading a value gives it back unchanged (the round trip export → import → export is byte-identical).

export const LIST_SEPARATOR = '|'

type Parsed = { ok: true; value: unknown } | { ok: false; message: string }
const ok = (value: unknown): Parsed => ({ ok: true, value })
const fail = (message: string): Parsed => ({ ok: false, message })

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
export function isRealDate(v: string): boolean {
  const m = DATE.exec(v)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const t = new Date(Date.UTC(y, mo - 1, d))
  return y >= 1900 && y <= 2100 && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d
}

const DATETIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?)?$/
/** A date alone is midnight UTC; a time without a zone is UTC. Kept as text: PostgreSQL reads the microseconds. */
function parseInstant(v: string): string | null {
  if (!DATETIME.test(v) || !isRealDate(v.slice(0, 10))) return null
  let iso = v.length === 10 ? `${v}T00:00:00Z` : v.replace(' ', 'T')
  if (!/(Z|[+-]\d{2}:\d{2})$/.test(iso)) iso += 'Z'
  return Number.isNaN(new Date(iso).getTime()) ? null : iso
}
const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/
const INTEGER = /^-?\d+$/
const DECIMAL = /^-?\d+([.,]\d+)?$/
const TRUE = new Set(['true', 'oui', 'vrai', '1'])
const FALSE = new Set(['false', 'non', 'faux', '0'])

function codeHint(list: { codes: readonly string[] }) {
  return list.codes.length <= 12 ? `codes admis : ${list.codes.join(', ')}` : 'voir la liste dans docs/import-format.md'
}

function parseNumber(raw: string, t: { min: number; max: number }, integer: boolean): Parsed {
  if (!(integer ? INTEGER : DECIMAL).test(raw))
    return fail(`${integer ? 'nombre entier' : 'nombre'} invalide ${quote(raw)}`)
  const n = Number(raw.replace(',', '.'))
  if (n < t.min || n > t.max) return fail(`${raw} hors des limites (de ${t.min} à ${t.max})`)
  return ok(n)
}

const splitList = (raw: string) =>
  raw
    .split(LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter(Boolean)

/**
 * Spreadsheet formulas (OWASP « CSV injection »): a cell starting with = + - @, a tab or a carriage return is a formula
 * to a spreadsheet. The export writes one ' before any value matching /^'*[=+\-@\t\r]/ (after any quotes it already
 * has), the import takes exactly one away from such a cell: a bijection, so the round trip stays byte-identical.
 * Only the columns that hold free text (text, e-mails, and the references, which repeat text keys); numbers, dates
 * and codes are validated and never start so, except a negative number, which must stay one.
 */
export const FORMULA = /^'*[=+\-@\t\r]/
export const FORMULA_KINDS: readonly ColumnType['kind'][] = ['text', 'email', 'ref', 'refs']
export const escapeFormula = (v: string) => (FORMULA.test(v) ? `'${v}` : v)
export const unescapeFormula = (v: string) => (v.startsWith("'") && FORMULA.test(v.slice(1)) ? v.slice(1) : v)
const guarded = (type: ColumnType) => FORMULA_KINDS.includes(type.kind)

/** Reads a non-empty cell. */
export function parseCell(raw: string, type: ColumnType): Parsed {
  const trimmed = type.kind === 'text' ? raw : raw.trim()
  const v = guarded(type) ? unescapeFormula(trimmed) : trimmed
  switch (type.kind) {
    case 'text':
      return v.length > type.max ? fail(`texte trop long (${v.length} caractères, au plus ${type.max})`) : ok(v)
    case 'date':
      return isRealDate(v) ? ok(v) : fail(`date invalide ${quote(v)} (attendu AAAA-MM-JJ)`)
    case 'datetime': {
      const t = parseInstant(v)
      return t ? ok(t) : fail(`date et heure invalides ${quote(v)} (attendu AAAA-MM-JJTHH:MM:SSZ)`)
    }
    case 'integer':
      return parseNumber(v, type, true)
    case 'decimal':
      return parseNumber(v, type, false)
    case 'boolean': {
      const l = v.toLowerCase()
      return TRUE.has(l)
        ? ok(true)
        : FALSE.has(l)
          ? ok(false)
          : fail(`valeur invalide ${quote(v)} (attendu true ou false)`)
    }
    case 'email':
      return EMAIL.test(v) && v.length <= 254 ? ok(v) : fail(`adresse e-mail invalide ${quote(v)}`)
    case 'code':
      return type.list.codes.includes(v) ? ok(v) : fail(`code inconnu ${quote(v)} (${codeHint(type.list)})`)
    case 'codeBy':
      return v.length > 50 ? fail(`code inconnu ${quote(v)}`) : ok(v)
    // a current or a former commune (merged since): kept as written
    case 'commune':
      return resolveCommune(v) ? ok(v) : fail(`code commune INSEE inconnu ${quote(v)}`)
    case 'communes': {
      const codes = splitList(v)
      const bad = codes.find((c) => !resolveCommune(c))
      return bad ? fail(`code commune INSEE inconnu ${quote(bad)}`) : ok([...new Set(codes)])
    }
    case 'ref':
      return v.length > 200 ? fail('référence trop longue (au plus 200 caractères)') : ok(v)
    case 'refs':
      return ok([...new Set(splitList(v))])
  }
}

/** Writes a database value as a cell. */
export function formatCell(value: unknown, type: ColumnType): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString()
  if (type.kind === 'boolean') return value ? 'true' : 'false'
  return guarded(type) ? escapeFormula(String(value)) : String(value)
}

/** A row read from its cells: the values by column name, or the issues that refuse it (each naming its column). */
export type RowRead = { values: Record<string, unknown>; issues?: undefined } | { issues: ColumnIssue[] }

/**
 * The reader of one file's rows, derived from the column specs and the file's header: each cell read by its type
 * (an empty cell: the default, else NULL, or an issue when required); then, once every cell is valid, the checks across
 * columns (a code whose list depends on another column, the entity's own checks). A plain loop over the columns: the
 * zod schema it replaces cost about 15 µs a row in its machinery (an import reads hundreds of thousands).
 */
export function rowReader(entity: EntitySpec, header: readonly string[], today: () => string) {
  const columns = entity.columns
  const at = columns.map((c) => header.indexOf(c.name))
  return (fields: readonly string[]): RowRead => {
    const values: Record<string, unknown> = {}
    const issues: ColumnIssue[] = []
    for (let k = 0; k < columns.length; k++) {
      const c = columns[k]!
      const raw = at[k]! < 0 ? undefined : fields[at[k]!]
      if (raw === undefined || raw.trim() === '') {
        if (c.default !== undefined) values[c.name] = c.default
        else {
          if (c.required) issues.push({ column: c.name, message: 'valeur obligatoire manquante' })
          values[c.name] = null
        }
        continue
      }
      const r = parseCell(raw, c.type)
      if (r.ok) values[c.name] = r.value
      else issues.push({ column: c.name, message: r.message })
    }
    if (issues.length) return { issues }
    for (const c of columns) {
      if (c.type.kind !== 'codeBy' || values[c.name] === null) continue
      const list = c.type.lists[values[c.type.column] as string]
      const v = values[c.name] as string
      if (list && !list.codes.includes(v))
        issues.push({ column: c.name, message: `code inconnu ${quote(v)} (${codeHint(list)})` })
    }
    for (const i of entity.check?.(values, { today: today() }) ?? []) issues.push(i)
    return issues.length ? { issues } : { values }
  }
}

/** A text column (instants are exported as text): in the export, compared byte by byte (COLLATE "C") so that the order is the same on every server. */
export const isTextual = (type: ColumnType) => !['date', 'integer', 'decimal', 'boolean'].includes(type.kind)
