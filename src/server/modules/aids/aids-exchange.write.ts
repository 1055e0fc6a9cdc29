import { type RawBuilder, sql } from 'kysely'
import type { Tx } from '../../deps.ts'
import type { CodeList, ColumnIssue, ColumnSpec, EntitySpec, ImportRow, WriteCtx } from '../exchange/index.ts'

// How the aids' bundle files are written beyond the exchange's generic upsert (aids.exchange.ts,
// aids-requests.exchange.ts): rows without an external id of their own, known by several columns together (a
// commission's member by its position, a payment run by fund and month, a project's holder by project and person) or
// by another file's row (a contract by its request); the lists a fund configures (jsonb arrays of codes), written as
// codes separated by |. The same way as the PLIE's (plie.exchange-write.ts), which a module may not import.

/**
 * A key of several columns: the file's rows are told apart (a row twice is an error naming both lines) by the
 * columns' values together, held under the key's name, which is no column of the file. Set it from the entity's check.
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

export const code = (
  name: string,
  list: CodeList,
  listName: string,
  description: string,
  required = false,
): ColumnSpec => ({ name, type: { kind: 'code', list, listName }, required, description })

export const fundRef = (description = 'Le fonds : external_id d’un fonds de aid_funds.csv ou de la base.') =>
  ref('fund_external_id', 'aid_fund', 'fund_id', description, true)

export const cents = (name: string, description: string, required = false, min = 0): ColumnSpec => ({
  name,
  type: { kind: 'integer', min, max: 1e13 },
  required,
  description: `${description} en centimes d’euro (123456 : 1 234,56 €).`,
})

/**
 * A jsonb list of codes (a fund's purposes, tracks, payment modes…) as one cell: the codes separated by |, in the
 * stored order. Read back by `codesOf` in the entity's check and `derive`.
 */
export function codesColumn(name: string, list: CodeList | null, description: string, required = false): ColumnSpec {
  const codes = list ? ` Codes : ${list.codes.map((c) => `${c} (${list.labels[c]})`).join(', ')}.` : ''
  return {
    name,
    type: { kind: 'text', max: 4000 },
    required,
    db: false,
    exportSql: sql`(SELECT string_agg(a.v, '|' ORDER BY a.n) FROM jsonb_array_elements_text(t.${sql.id(name)})
      WITH ORDINALITY AS a(v, n))`,
    description: `${description}, séparés par |.${codes}`,
  }
}

export const splitCodes = (cell: unknown): string[] =>
  typeof cell === 'string'
    ? [
        ...new Set(
          cell
            .split('|')
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      ]
    : []

/** The issues of a list cell: each code must be the list's. */
export function checkCodes(values: Record<string, unknown>, column: string, list: CodeList): ColumnIssue[] {
  const bad = splitCodes(values[column]).find((c) => !list.codes.includes(c))
  return bad === undefined
    ? []
    : [{ column, message: `code inconnu « ${bad} » (codes admis : ${list.codes.join(', ')})` }]
}

/**
 * Inserts the rows or updates the one with the same `conflict` columns, as the exchange's upsert does: a row whose
 * values are unchanged is not touched (no version bump), so the same bundle twice leaves the database as it was.
 */
export async function upsertBy(
  tx: Tx,
  table: string,
  conflict: readonly string[],
  rows: Record<string, unknown>[],
  versioned: boolean,
) {
  if (!rows.length) return { inserted: 0, updated: 0 }
  const t = sql.id(table)
  const cols = Object.keys(rows[0]!)
  const names = sql.join(cols.map((n) => sql.id(n)))
  const updatable = cols.filter((c) => c !== 'structure_id' && !conflict.includes(c))
  const sets = updatable.map((c) => sql`${sql.id(c)} = EXCLUDED.${sql.id(c)}`)
  if (versioned) sets.push(sql`version = ${t}.version + 1`)
  const current = sql.join(updatable.map((c) => sql`${t}.${sql.id(c)}`))
  const incoming = sql.join(updatable.map((c) => sql`EXCLUDED.${sql.id(c)}`))
  const action = updatable.length
    ? sql`DO UPDATE SET ${sql.join(sets)} WHERE (${current}) IS DISTINCT FROM (${incoming})`
    : sql`DO NOTHING`
  const { rows: out } = await sql<{ inserted: boolean }>`
    INSERT INTO ${t} (${names})
    SELECT ${names} FROM json_populate_recordset(NULL::${t}, CAST(${JSON.stringify(rows)} AS json))
    ON CONFLICT (${sql.join(conflict.map((c) => sql.id(c)))}) ${action}
    RETURNING (xmax = 0) AS inserted`.execute(tx)
  const inserted = out.filter((r) => r.inserted).length
  return { inserted, updated: out.length - inserted }
}

export interface KeyedWrite {
  table: string
  /** the columns of the unique index the rows are matched on */
  conflict: readonly string[]
  versioned?: boolean
  /** the database column of a `db: false` column (the file's key when it is a reference) */
  dbOf?: Record<string, string>
  /** more database values, from the row */
  derive?(row: ImportRow): Record<string, unknown>
  /** values computed from the database: adds them to each row's database values; the issues refuse their rows */
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
      Object.assign(db, w.derive?.(row))
      return { row, db }
    })
    const found = (await w.complete?.(tx, items, ctx)) ?? items.map(() => [])
    const issues = items.flatMap((item, i) => found[i]!.map((issue) => ({ line: item.row.line, ...issue })))
    const good = items.filter((_, i) => !found[i]!.length).map((item) => item.db)
    const counts = await upsertBy(tx, w.table, w.conflict, good, !!w.versioned)
    return { ...counts, issues }
  }
}

/** The fund of each request named. */
export async function requestFunds(tx: Tx, structureId: string, ids: string[]) {
  if (!ids.length) return new Map<string, string>()
  const rows = await tx
    .selectFrom('aid_request')
    .select(['id', 'fund_id'])
    .where('structure_id', '=', structureId)
    .where('id', 'in', [...new Set(ids)])
    .execute()
  return new Map(rows.map((r) => [r.id, r.fund_id]))
}

/** The payment runs of these funds, by `fund id/month`. */
export async function runsOf(tx: Tx, structureId: string, fundIds: string[]) {
  if (!fundIds.length) return new Map<string, string>()
  const rows = await tx
    .selectFrom('aid_payment_run')
    .select(['id', 'fund_id', 'month'])
    .where('structure_id', '=', structureId)
    .where('fund_id', 'in', [...new Set(fundIds)])
    .execute()
  return new Map(rows.map((r) => [`${r.fund_id}/${r.month}`, r.id]))
}

/**
 * A payment created in Jalon has no external id and is exported under its uuid: when it comes back, it is found by
 * that uuid and given it as external id (as the exchange does for the rows it writes itself).
 */
export async function adoptPaymentUuids(tx: Tx, structureId: string, keys: string[]) {
  const uuids = keys.filter((k) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(k))
  if (!uuids.length) return
  await sql`UPDATE aid_payment SET external_id = id::text
    WHERE structure_id = ${structureId} AND external_id IS NULL AND id = ANY(CAST(${uuids} AS uuid[]))`.execute(tx)
}

/** Payments by their key (external id, else uuid): id and request. */
export async function paymentsByKey(tx: Tx, structureId: string, keys: string[]) {
  if (!keys.length) return new Map<string, { id: string; requestId: string; amount: number }>()
  const { rows } = await sql<{ key: string; id: string; request_id: string; amount_cents: number }>`
    SELECT coalesce(p.external_id, p.id::text) AS key, p.id, p.request_id, p.amount_cents::float8 AS amount_cents
    FROM aid_payment p
    WHERE p.structure_id = ${structureId}
      AND coalesce(p.external_id, p.id::text) = ANY(CAST(${[...new Set(keys)]} AS text[]))`.execute(tx)
  return new Map(rows.map((r) => [r.key, { id: r.id, requestId: r.request_id, amount: Number(r.amount_cents) }]))
}
