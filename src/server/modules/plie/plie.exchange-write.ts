import { type RawBuilder, sql } from 'kysely'
import type { Tx } from '../../deps.ts'
import type { ColumnIssue, ColumnSpec, EntitySpec, ImportRow, WriteCtx } from '../exchange/index.ts'
import { upsertBy } from './plie.exchange.repository.ts'

// How the PLIE's files whose rows have no external id of their own are written: a committee's member or case by
// (committee, position), a referent by (pathway, from date), an ESF+ answer by (pathway, moment, question), the
// funding by (year, funder, operation), a pathway by its enrolment, a step by its situation.

/**
 * A key of several columns: the file's rows are told apart (a row twice is an error naming both lines) by the
 * columns' values together, held under the key's name, which is no column of the file. Call it from the entity's
 * check, which runs once every cell of the row is valid.
 */
export function compositeKey(columns: readonly string[]) {
  const name = columns.join(' + ')
  return {
    name,
    set(values: Record<string, unknown>) {
      values[name] = columns.map((c) => String(values[c])).join(' + ')
    },
  }
}

export const ref = (name: string, target: string, db: string, description: string, required = false): ColumnSpec => ({
  name,
  type: { kind: 'ref', target },
  required,
  db,
  description,
})

/** The key other files use for the row `column` points to in `table` (its external id, else its uuid). */
export const keyOf = (table: string, column: string): RawBuilder<unknown> =>
  sql`(SELECT coalesce(x.external_id, x.id::text) FROM ${sql.table(table)} AS x
    WHERE x.structure_id = t.structure_id AND x.id = t.${sql.id(column)})`

export interface KeyedWrite {
  table: string
  /** the columns of the unique index the rows are matched on */
  conflict: readonly string[]
  versioned?: boolean
  /** the database column of a `db: false` column (the file's key when it is a reference) */
  dbOf?: Record<string, string>
  /**
   * values computed from the database (the person of an enrolment): adds them to each row's database values; the
   * issues refuse their rows
   */
  complete?(tx: Tx, rows: { row: ImportRow; db: Record<string, unknown> }[], ctx: WriteCtx): Promise<ColumnIssue[][]>
}

/** The entity's `write`: each row's database values, completed, then one upsert on the conflict columns. */
export function keyedWrite(columns: readonly ColumnSpec[], w: KeyedWrite): NonNullable<EntitySpec['write']> {
  return async (tx, rows, ctx) => {
    const items = rows.map((row) => {
      const db: Record<string, unknown> = { structure_id: ctx.structureId }
      for (const c of columns) {
        const name = c.db === false ? w.dbOf?.[c.name] : (c.db ?? c.name)
        if (name) db[name] = row.values[c.name] ?? null
      }
      return { row, db }
    })
    const found = (await w.complete?.(tx, items, ctx)) ?? items.map(() => [])
    const issues = items.flatMap((item, i) => found[i]!.map((issue) => ({ line: item.row.line, ...issue })))
    const good = items.filter((_, i) => !found[i]!.length).map((item) => item.db)
    const counts = await upsertBy(tx, w.table, w.conflict, good, !!w.versioned)
    return { ...counts, issues }
  }
}
