import type { RawBuilder } from 'kysely'
import type { Database } from '../../db/schema.ts'
import type { Tx } from '../../deps.ts'

// The exchange bundle is described as data: one EntitySpec per CSV file. The importer, the exporter and the
// documentation (docs/import-format.md) are all driven by these declarations, so adding an entity to the bundle means
// writing one declaration and adding it to exchangeEntities (exchange.registry.ts), nothing else.

export interface CodeList {
  codes: readonly string[]
  labels: Readonly<Record<string, string>>
}

export type ColumnType =
  | { kind: 'text'; max: number }
  | { kind: 'date' }
  /** an instant, ISO 8601 (exported in UTC, to the second) */
  | { kind: 'datetime' }
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'decimal'; min: number; max: number }
  | { kind: 'boolean' }
  | { kind: 'email' }
  /** one code of a list (the list's name titles its table in the documentation) */
  | { kind: 'code'; list: CodeList; listName: string }
  /** a code whose list depends on another column (a dated attribute's value, by attribute) */
  | {
      kind: 'codeBy'
      column: string
      lists: Readonly<Record<string, CodeList>>
      listNames: Readonly<Record<string, string>>
    }
  /** an INSEE commune code of the official list */
  | { kind: 'commune' }
  /** several commune codes separated by | */
  | { kind: 'communes' }
  /** the key of a row of another entity (its external_id, code or e-mail), stored as that row's id */
  | { kind: 'ref'; target: string }
  /** several keys separated by | */
  | { kind: 'refs'; target: string }

export interface ColumnSpec {
  name: string
  type: ColumnType
  required?: boolean
  /** the value of an empty cell (a column that is not required and has no default is stored as NULL) */
  default?: string | number | boolean
  /**
   * an empty cell leaves the stored value as it is, and lets the database choose on insert (a trigger's guess): for a
   * value that older bundles do not carry
   */
  emptyKeeps?: boolean
  /** the database column (default: the same name); false: written by the entity's own afterWrite/write */
  db?: string | false
  /** for db: false, the SQL giving the exported cell from the row aliased `t` */
  exportSql?: RawBuilder<unknown>
  /** French, for the documentation */
  description: string
}

export interface ColumnIssue {
  column: string
  message: string
}

/** A validated row: typed values by CSV column name, references already turned into ids. */
export interface ImportRow {
  line: number
  values: Record<string, unknown>
  /** what the references resolved to (e.g. a theme's domain), by column name */
  refInfo: Record<string, unknown>
}

export interface WriteCounts {
  inserted: number
  updated: number
}

export interface WriteCtx {
  structureId: string
  now: Date
  /** the structure's time zone (IANA): an instant's day where the structure is */
  timeZone: string
}

export interface EntitySpec {
  /** the name references use (`{ kind: 'ref', target: 'person' }`) */
  name: string
  /** French, singular, for messages (« personne inconnue ») */
  label: string
  file: string
  table: keyof Database
  /** French, for the documentation */
  description: string
  /** French, a few words for the table of files in the documentation */
  summary: string
  /** the column that identifies a row within the structure: external_id, code or email */
  key: string
  /** the upsert's conflict target when the unique index is not (structure_id, key) */
  conflict?: RawBuilder<unknown>
  columns: ColumnSpec[]
  /** exported rows are sorted on these columns (text compared byte by byte); the key last makes the order total */
  order: string[]
  /** few rows (sites, users): loaded whole when referenced, instead of looked up batch by batch */
  small?: boolean
  /** has a `version` column, bumped when an import changes the row */
  versioned?: boolean
  /** timestamp columns set to the import's time when it changes the row */
  touch?: string[]
  /** more database values computed from the row (columns not in the file, or filled from a reference) */
  derive?(row: ImportRow, ctx: WriteCtx): Record<string, unknown>
  /** only on insert (e.g. a value a trigger recomputes) */
  insertOnly?: Record<string, unknown>
  /** checks across columns, once every column is valid */
  check?(values: Record<string, unknown>, ctx: { today: string }): ColumnIssue[]
  /** what is accepted but worth telling (a former commune read as its successor): warnings, not errors */
  warnings?(row: ImportRow): ColumnIssue[]
  /** checks that need what the references resolved to */
  checkResolved?(row: ImportRow): ColumnIssue[]
  /** replaces the generic upsert (users: matched by e-mail across structures) */
  write?(
    tx: Tx,
    rows: ImportRow[],
    ctx: WriteCtx,
  ): Promise<WriteCounts & { issues: (ColumnIssue & { line: number })[] }>
  /** after the generic upsert: link tables (a site's communes); returns the keys of the rows it changed */
  afterWrite?(tx: Tx, rows: ImportRow[], ctx: WriteCtx): Promise<Set<string>>
  /** database constraints the checks cannot see (uniqueness across rows): constraint name → column and message */
  constraints?: Record<string, ColumnIssue>
}

/** A reference target that is not an entity of the bundle (the national proposition themes). */
export interface LookupTarget {
  name: string
  label: string
  /** the entity of the bundle that adds keys to this list (a refused row of it explains a missing key) */
  entity?: string
  /** where a missing key was looked for, for the message */
  where?: string
  /** the list as the documentation shows it (the national part of a configurable list) */
  documented?: { listName: string; list: CodeList }
  /** every key the structure may use → stored value and extra information */
  load(tx: Tx, structureId: string): Promise<Map<string, { id: string; info?: unknown }>>
}
