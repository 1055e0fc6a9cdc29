import { type RawBuilder, sql } from 'kysely'
import type { Tx } from '../../deps.ts'
import { isTextual } from './exchange.columns.ts'
import type { ColumnSpec, EntitySpec } from './exchange.types.ts'

// The SQL of the exchange, generic over the entity declarations: table and column names come from the declarations
// (never from the file), values are always bound parameters.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const isUuid = (s: string) => UUID.test(s)

// Structure -----------------------------------------------------------------------------------------

export const listStructures = (tx: Tx) =>
  tx.selectFrom('structure').select(['id', 'name', 'time_zone']).orderBy('id').execute()

export async function createStructure(tx: Tx, id: string, name: string, timeZone: string) {
  await tx.insertInto('structure').values({ id, name, time_zone: timeZone }).execute()
}

// Keys seen during this import (a key twice in a file is an error) -------------------------------
// Kept in a temporary table rather than in memory, so that memory does not grow with the file.

export async function createSeenTable(tx: Tx) {
  await sql`CREATE TEMP TABLE IF NOT EXISTS exchange_seen (file text, key text, line integer, PRIMARY KEY (file, key)) ON COMMIT DROP`.execute(
    tx,
  )
}

/** Records the keys; returns the first line of those already seen in an earlier batch. */
export async function markSeen(tx: Tx, file: string, items: { key: string; line: number }[]) {
  const seen = new Map<string, number>()
  if (!items.length) return seen
  // two array parameters, whatever the batch's size: nothing to compile or bind per row
  const { rows } = await sql<{ key: string }>`
    INSERT INTO exchange_seen (file, key, line)
    SELECT ${file}, k.key, k.line FROM unnest(CAST(${items.map((i) => i.key)} AS text[]),
      CAST(${items.map((i) => i.line)} AS integer[])) AS k(key, line)
    ON CONFLICT DO NOTHING RETURNING key`.execute(tx)
  if (rows.length === items.length) return seen
  const fresh = new Set(rows.map((r) => r.key))
  const repeated = items.filter((i) => !fresh.has(i.key)).map((i) => i.key)
  const earlier = await sql<{ key: string; line: number }>`
    SELECT key, line FROM exchange_seen WHERE file = ${file} AND key = ANY(CAST(${repeated} AS text[]))`.execute(tx)
  for (const r of earlier.rows) seen.set(r.key, r.line)
  return seen
}

// References ------------------------------------------------------------------------------------

/** The key other files use for a row of `entity`: its external id (else its uuid), code or e-mail. */
export function keyExpr(entity: EntitySpec, alias: string): RawBuilder<string> {
  const a = sql.id(alias)
  return entity.key === 'external_id'
    ? sql<string>`coalesce(${a}.external_id, ${a}.id::text)`
    : sql<string>`${a}.${sql.id(entity.key)}::text`
}

/**
 * Rows of `entity` by key: all of the structure's (keys undefined) or those named. The keys are one array parameter
 * joined to the table's (structure, key) index: a few index probes whatever the planner believes of a table an import
 * is filling (without statistics yet, `= ANY(list)` was read as a scan of the whole table for every batch).
 */
export async function findKeys(tx: Tx, entity: EntitySpec, structureId: string, keys?: string[]) {
  const table = sql.table(entity.table)
  const select = sql`SELECT x.id::text AS id, ${keyExpr(entity, 'x')} AS key`
  if (!keys) {
    const { rows } = await sql<{ id: string; key: string }>`${select} FROM ${table} AS x
      WHERE x.structure_id = ${structureId}`.execute(tx)
    return rows
  }
  if (!keys.length) return []
  const uuids = entity.key === 'external_id' ? keys.filter(isUuid) : []
  // compared as the key column's type (an e-mail is citext)
  let query = sql`${select} FROM unnest(CAST(${keys} AS ${sql.raw(keyArrayType(entity))})) AS k(key)
    JOIN ${table} AS x ON x.structure_id = ${structureId} AND x.${sql.id(entity.key)} = k.key`
  // a row created in Jalon is known by its uuid until an import gives it an external id
  if (uuids.length)
    query = sql`${query} UNION ALL ${select} FROM unnest(CAST(${uuids} AS uuid[])) AS k(id)
      JOIN ${table} AS x ON x.id = k.id AND x.structure_id = ${structureId} AND x.external_id IS NULL`
  const { rows } = await sql<{ id: string; key: string }>`${query}`.execute(tx)
  return rows
}

/** the SQL array type of an entity's key column (citext for e-mails, text otherwise) */
const keyArrayType = (entity: EntitySpec) =>
  entity.columns.find((c) => c.name === entity.key)?.type.kind === 'email' ? 'citext[]' : 'text[]'

// Writing ---------------------------------------------------------------------------------------

/**
 * A row created in Jalon has no external id and is exported under its uuid. When such a bundle comes back, the row is
 * found by that uuid and given it as external id, so that the upsert below updates it instead of creating a copy.
 */
export async function adoptUuids(tx: Tx, entity: EntitySpec, structureId: string, keys: string[]) {
  const uuids = entity.key === 'external_id' ? keys.filter(isUuid) : []
  if (!uuids.length) return
  await sql`UPDATE ${sql.table(entity.table)} SET external_id = id::text
    WHERE structure_id = ${structureId} AND external_id IS NULL AND id = ANY(CAST(${uuids} AS uuid[]))`.execute(tx)
}

/**
 * An empty cell of an `emptyKeeps` column takes the value already stored (rows being database values by column). A new
 * row keeps NULL, which the database fills on insert (a trigger): done here and not in the upsert, since a BEFORE
 * INSERT trigger has already filled EXCLUDED when the conflict is found.
 */
export async function fillKept(tx: Tx, entity: EntitySpec, structureId: string, rows: Record<string, unknown>[]) {
  const kept = entity.columns.flatMap((c) => (c.emptyKeeps && c.db !== false ? [c.db ?? c.name] : []))
  const keys = [...new Set(rows.filter((r) => kept.some((c) => r[c] === null)).map((r) => r[entity.key] as string))]
  if (!keys.length) return
  const { rows: stored } = await sql<Record<string, unknown>>`
    SELECT ${sql.id(entity.key)}::text AS key, ${sql.join(kept.map((c) => sql.id(c)))} FROM ${sql.table(entity.table)}
    WHERE structure_id = ${structureId} AND ${sql.id(entity.key)} = ANY(CAST(${keys} AS ${sql.raw(keyArrayType(entity))}))`.execute(
    tx,
  )
  const byKey = new Map(stored.map((r) => [r.key as string, r]))
  for (const r of rows) {
    const current = byKey.get(r[entity.key] as string)
    if (current) for (const c of kept) if (r[c] === null) r[c] = current[c]
  }
}

/**
 * Inserts the rows or updates those with the same (structure, key). A row whose values are unchanged is not touched
 * (no version bump), so importing the same bundle twice leaves the database as it was. The rows travel as one JSON
 * parameter read by json_populate_recordset (the server converts each value to its column's type), not as a VALUES
 * list of thousands of parameters: nothing to compile, bind and plan per value.
 */
export async function upsertRows(tx: Tx, entity: EntitySpec, rows: Record<string, unknown>[], now: Date) {
  if (!rows.length) return []
  const table = sql.id(entity.table)
  const cols = Object.keys(rows[0]!)
  const insertOnly = Object.entries(entity.insertOnly ?? {})
  const names = sql.join([...cols, ...insertOnly.map(([c]) => c)].map((n) => sql.id(n)))
  const json = JSON.stringify(insertOnly.length ? rows.map((r) => ({ ...r, ...entity.insertOnly })) : rows)
  const updatable = cols.filter((c) => c !== 'structure_id' && c !== entity.key)
  const sets = updatable.map((c) => sql`${sql.id(c)} = EXCLUDED.${sql.id(c)}`)
  if (entity.versioned) sets.push(sql`version = ${table}.version + 1`)
  for (const c of entity.touch ?? []) sets.push(sql`${sql.id(c)} = ${now}`)
  const current = sql.join(updatable.map((c) => sql`${table}.${sql.id(c)}`))
  const incoming = sql.join(updatable.map((c) => sql`EXCLUDED.${sql.id(c)}`))
  const { rows: out } = await sql<{ key: string; inserted: boolean }>`
    INSERT INTO ${table} (${names})
    SELECT ${names} FROM json_populate_recordset(NULL::${table}, CAST(${json} AS json))
    ON CONFLICT ${entity.conflict ?? sql`(structure_id, ${sql.id(entity.key)})`} DO UPDATE SET ${sql.join(sets)}
    WHERE (${current}) IS DISTINCT FROM (${incoming})
    RETURNING ${sql.id(entity.key)}::text AS key, (xmax = 0) AS inserted`.execute(tx)
  return out
}

export const savepoint = (tx: Tx) => sql`SAVEPOINT exchange_batch`.execute(tx)
export const releaseSavepoint = (tx: Tx) => sql`RELEASE SAVEPOINT exchange_batch`.execute(tx)
export const rollbackToSavepoint = (tx: Tx) => sql`ROLLBACK TO SAVEPOINT exchange_batch`.execute(tx)

// Export ----------------------------------------------------------------------------------------

type Target = (name: string) => EntitySpec | undefined

function exportExpr(entity: EntitySpec, c: ColumnSpec, target: Target): RawBuilder<unknown> {
  if (c.db === false) return c.exportSql ?? sql`NULL`
  const col = sql`t.${sql.id(c.db ?? c.name)}`
  if (c.name === entity.key) return keyExpr(entity, 't')
  if (c.type.kind === 'ref') {
    const other = target(c.type.target)
    // a lookup target (themes) is stored as its own key
    if (!other) return col
    return sql`(SELECT ${keyExpr(other, 'x')} FROM ${sql.table(other.table)} AS x WHERE x.id = ${col})`
  }
  if (c.type.kind === 'datetime') return instantText(col)
  return c.type.kind === 'email' ? sql`${col}::text` : col
}

/** An instant as ISO 8601 in UTC, to the microsecond the database keeps, trailing zeros dropped: 2009-02-12T10:30:00Z. */
const instantText = (col: RawBuilder<unknown>) =>
  sql`regexp_replace(to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), '\\.?0+$', '') || 'Z'`

/** The entity's rows of the structure, in the declared order (text compared byte by byte: the same on every server). */
export function exportQuery(entity: EntitySpec, structureId: string, target: Target) {
  const select = sql.join(entity.columns.map((c) => sql`${exportExpr(entity, c, target)} AS ${sql.id(c.name)}`))
  const order = sql.join(
    entity.order.map((name) => {
      const c = entity.columns.find((col) => col.name === name)!
      return isTextual(c.type) ? sql`q.${sql.id(name)} COLLATE "C"` : sql`q.${sql.id(name)}`
    }),
  )
  return sql`SELECT * FROM (SELECT ${select} FROM ${sql.table(entity.table)} AS t WHERE t.structure_id = ${structureId}) AS q
    ORDER BY ${order}`
}

/** Streams a query through a server-side cursor, `size` rows at a time (memory stays flat whatever the table). */
export async function* cursorRows(tx: Tx, query: RawBuilder<unknown>, size: number) {
  await sql`DECLARE exchange_export NO SCROLL CURSOR FOR ${query}`.execute(tx)
  try {
    for (;;) {
      const { rows } = await sql<Record<string, unknown>>`FETCH ${sql.raw(String(size))} FROM exchange_export`.execute(
        tx,
      )
      if (!rows.length) return
      yield rows
    }
  } finally {
    await sql`CLOSE exchange_export`.execute(tx)
  }
}

/** The structure's time zone: its "today" (a birth date in the future, an event to come) during an import. */
export async function structureTimeZone(tx: Tx, structureId: string): Promise<string> {
  const row = await tx
    .selectFrom('structure')
    .select('time_zone')
    .where('id', '=', structureId)
    .executeTakeFirstOrThrow()
  return row.time_zone
}
