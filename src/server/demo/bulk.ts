import { type Insertable, sql } from 'kysely'
import type { Db } from '../db/database.ts'
import type { Database } from '../db/schema.ts'
import type { Tx } from '../deps.ts'

// Bulk writing for the demo data (the 2009 data set, and any department's demo rows): on PGlite, COPY … FROM '/dev/blob'
// (no statement to parse and plan per row); on PostgreSQL, one INSERT … SELECT FROM json_populate_recordset per chunk (a
// single parameter: nothing to compile in JavaScript, the server converts every value to the column's type; multi-row
// VALUES measured the same; COPY FROM STDIN would need the transaction's own pg client, which Kysely keeps to itself).
// Both run on the caller's transaction: all or nothing. Triggers and generated columns work as for any insert (COPY fires
// row triggers: person.search_name, phone_digits), and so do checks and keys, unless deferKeysAndIndexes sets them aside.

/** rows per COPY or INSERT: few enough that a chunk's row objects and text die young (the GC's cheap case) */
const CHUNK = 5_000

type Row = Record<string, unknown>

/** a string COPY could misread unquoted: empty (that is NULL), or holding a quote, separator, line end or backslash (\.) */
const NEEDS_QUOTES = /^$|[",\n\r\\]/

/**
 * The rows as CSV for COPY (FORMAT csv), in the order of `columns`, UTF-8. NULL (or undefined) is an empty unquoted
 * field; a string is written as is unless NEEDS_QUOTES, then quoted with its quotes doubled; numbers in JavaScript's
 * notation, booleans t/f, dates in ISO 8601. Written straight into a buffer: the text of 300 000 rows costs a few
 * hundred milliseconds this way, seconds with string concatenation. Most values are short ASCII (ids, days, codes):
 * those are copied a character at a time, without a call into Buffer.write and a regular expression for each.
 */
export function toCsv(rows: readonly Row[], columns: readonly string[]): Uint8Array<ArrayBuffer> {
  let buf = Buffer.allocUnsafe(Math.max(1024, rows.length * columns.length * 16))
  let o = 0
  const room = (bytes: number) => {
    if (o + bytes <= buf.length) return
    const bigger = Buffer.allocUnsafe(Math.max(buf.length * 2, o + bytes))
    buf.copy(bigger, 0, 0, o)
    buf = bigger
  }
  /** writes `v` if it is plain ASCII that COPY reads unquoted (true), else writes nothing (false) */
  const plainAscii = (v: string) => {
    const n = v.length
    if (n === 0 || n > 64) return false
    room(n)
    for (let i = 0; i < n; i++) {
      const ch = v.charCodeAt(i)
      // quote, comma, line feed, carriage return, backslash, or not ASCII: the general path
      if (ch > 0x7e || ch === 0x22 || ch === 0x2c || ch === 0x0a || ch === 0x0d || ch === 0x5c) return false
      buf[o + i] = ch
    }
    o += n
    return true
  }
  const last = columns.length - 1
  for (const row of rows)
    for (let c = 0; c <= last; c++) {
      const v = row[columns[c]]
      if (v === null || v === undefined) {
        // NULL
      } else if (typeof v === 'string') {
        if (!plainAscii(v)) {
          // UTF-8 takes at most 3 bytes per UTF-16 unit; quoting at most doubles it, plus two quotes
          room(v.length * 6 + 3)
          o += buf.write(NEEDS_QUOTES.test(v) ? `"${v.replaceAll('"', '""')}"` : v, o)
        }
      } else if (typeof v === 'number') {
        if (!Number.isFinite(v)) throw new Error(`bulk: ${v} cannot be written (${columns[c]})`)
        plainAscii(String(v))
      } else if (typeof v === 'boolean') {
        room(2)
        buf[o++] = v ? 0x74 : 0x66 // t, f
      } else if (v instanceof Date) plainAscii(v.toISOString())
      else throw new Error(`bulk: a ${typeof v} cannot be written (${columns[c]})`)
      room(1)
      buf[o++] = c === last ? 0x0a : 0x2c // line end, comma
    }
  return new Uint8Array(buf.buffer as ArrayBuffer, buf.byteOffset, o)
}

/** The columns of a table's rows: those of the first; every row must name the same (a missing key would be NULL). */
function columnsOf(table: string, row: Row): string[] {
  const columns = Object.keys(row)
  for (const c of columns)
    if (!/^[a-z_][a-z0-9_]*$/.test(c)) throw new Error(`bulk: ${table}.${c} is not a plain column name`)
  return columns
}

function checkColumns(table: string, columns: readonly string[], row: Row) {
  let n = 0
  for (const key in row) {
    if (!Object.hasOwn(row, key)) continue
    // rows built by one function name their keys in the same order: compared in place, searched only otherwise
    if (key !== columns[n] && !columns.includes(key))
      throw new Error(`bulk: a row for ${table} names ${key}, the first did not`)
    n++
  }
  if (n !== columns.length) throw new Error(`bulk: a row for ${table} lacks some of ${columns.join(', ')}`)
}

/** `list` mapped lazily: a writer reads it chunk by chunk, so the mapped rows never all exist at once */
export function* mapRows<S, R>(list: Iterable<S>, f: (item: S) => R): Generator<R> {
  for (const item of list) yield f(item)
}

export interface BulkWriter {
  /**
   * writes `rows` into `table` (every row naming the same columns), reading them chunk by chunk (mapRows builds them on
   * the way); returns the number of rows written
   */
  write<T extends keyof Database & string>(table: T, rows: Iterable<Insertable<Database[T]>>): Promise<number>
  /**
   * Runs `work` (bulk writes into `tables`) with the tables' keys and indexes set aside, then puts them back: checking a
   * key row by row and growing an index entry by entry (each a WAL record) costs more than the rows themselves. The
   * foreign keys are dropped and added back (ADD CONSTRAINT checks every row in one pass), so are the primary keys and
   * unique constraints no other table's foreign key relies on (their index built in one sort, the uniqueness checked
   * then), and the other indexes are dropped and built again. Checks, NOT NULL and triggers stay on. Everything comes
   * back as it was, names and definitions read from the catalogue, in the same transaction: a row that breaks a key
   * fails the load at the end, and a failure anywhere rolls it all back. The tables are locked meanwhile (a first start,
   * `jalon demo`: nobody else is using them). When the role does not own the tables (PostgreSQL with
   * MIGRATION_DATABASE_URL), `work` simply runs with the keys and indexes on.
   */
  deferKeysAndIndexes<T>(tables: readonly (keyof Database & string)[], work: () => Promise<T>): Promise<T>
  /** seconds spent writing, by table */
  readonly seconds: Record<string, number>
}

/**
 * A writer on `tx`, the transaction of `db` that holds its connection. `tick()` is called as it goes: after each chunk
 * of rows, each key or index put back (progress).
 */
export function bulkWriter(tx: Tx, db: Pick<Db, 'copyFromBlob'>, tick: () => void = () => {}): BulkWriter {
  const seconds: Record<string, number> = {}
  const copy = db.copyFromBlob
  return {
    seconds,
    async deferKeysAndIndexes(tables, work) {
      const names = [...tables]
      // PGlite's one user owns everything; on PostgreSQL the role must own the tables and those their keys point to
      const { rows: owner } = await sql<{ owns: boolean }>`
        SELECT coalesce(bool_and(pg_has_role(relowner, 'USAGE')), false) AS owns FROM pg_class
        WHERE oid = ANY(CAST(${names} AS regclass[])) OR oid IN (SELECT confrelid FROM pg_constraint
          WHERE contype = 'f' AND conrelid = ANY(CAST(${names} AS regclass[])))`.execute(tx)
      if (!owner[0].owns) return work()
      type Constraint = { table: string; name: string; definition: string }
      const constraints = (kinds: string[], extra = sql``) => sql<Constraint>`
        SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS definition
        FROM pg_constraint c WHERE contype = ANY(${kinds}) AND conrelid = ANY(CAST(${names} AS regclass[])) ${extra}
        ORDER BY 1, 2`
      const drop = (c: Constraint) =>
        sql`ALTER TABLE ${sql.raw(c.table)} DROP CONSTRAINT ${sql.ref(c.name)}`.execute(tx)
      const add = (c: Constraint) =>
        sql`ALTER TABLE ${sql.raw(c.table)} ADD CONSTRAINT ${sql.ref(c.name)} ${sql.raw(c.definition)}`.execute(tx)
      // the tables' foreign keys; then the primary keys and unique constraints no remaining foreign key relies on
      const { rows: keys } = await constraints(['f']).execute(tx)
      for (const k of keys) await drop(k)
      const { rows: uniques } = await constraints(
        ['p', 'u'],
        sql`AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.confrelid = c.conrelid)`,
      ).execute(tx)
      for (const u of uniques) await drop(u)
      // indexes of their own (the constraints' indexes went with them, or stay with them)
      const { rows: indexes } = await sql<{ name: string; definition: string }>`
        SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS definition FROM pg_index i
        WHERE indrelid = ANY(CAST(${names} AS regclass[]))
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
        ORDER BY 1`.execute(tx)
      for (const x of indexes) await sql`DROP INDEX ${sql.raw(x.name)}`.execute(tx)
      const result = await work()
      for (const u of uniques) {
        await add(u)
        tick()
      }
      for (const x of indexes) {
        await sql.raw(x.definition).execute(tx)
        tick()
      }
      for (const k of keys) {
        await add(k)
        tick()
      }
      return result
    },
    async write(table, rows) {
      const t0 = performance.now()
      let columns: string[] | undefined
      let batch: Row[] = []
      let written = 0
      const flush = async () => {
        if (!columns || !batch.length) return
        const list = columns.join(', ')
        if (copy) {
          const csv = new Blob([toCsv(batch, columns)])
          const n = await copy(`COPY ${table} (${list}) FROM '/dev/blob' WITH (FORMAT csv)`, csv)
          if (n !== batch.length) throw new Error(`bulk: COPY ${table} wrote ${n} rows of ${batch.length}`)
        } else
          await sql`INSERT INTO ${sql.table(table)} (${sql.raw(list)})
            SELECT ${sql.raw(list)} FROM json_populate_recordset(NULL::${sql.table(table)}, ${JSON.stringify(batch)}::json)`.execute(
            tx,
          )
        written += batch.length
        batch = []
        tick()
      }
      for (const row of rows as Iterable<Row>) {
        if (columns) checkColumns(table, columns, row)
        else columns = columnsOf(table, row)
        batch.push(row)
        if (batch.length === CHUNK) await flush()
      }
      await flush()
      seconds[table] = (seconds[table] ?? 0) + (performance.now() - t0) / 1000
      return written
    },
  }
}
