import { sql } from 'kysely'
import type { Db } from '../db/database.ts'

// A PGlite database opened by a test file is given, at the file's end, back to the worker that runs the next file,
// reset to what it held when it was loaded from the run's dump (test-db.ts), instead of loading the dump again: a
// second and a half of processor time per file, most of the PGlite project's overhead (issue 8). The reset puts back
// every row and every sequence, and the session's state (DISCARD ALL); a file that changed the schema (a migration
// test, a table created) or a role gives a database nobody reuses: the next file loads the dump again.

const USER_SCHEMAS = `n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp%'
  AND n.nspname NOT LIKE 'pg_toast_temp%'`

/** What a database held when it was loaded: its schema's fingerprint, the rows of its non-empty tables, its sequences. */
export interface Baseline {
  schema: string
  tables: string[]
  rows: { table: string; data: Blob }[]
  sequences: { name: string; value: number | null }[]
}

/** One text that changes with any table, column, type, function, trigger, constraint, index, schema or role. */
async function fingerprint(db: Db): Promise<string> {
  const { rows } = await sql<{ f: string }>`
    SELECT md5(string_agg(x, E'\n' ORDER BY x)) AS f FROM (
      SELECT 'r ' || n.nspname || '.' || c.relname || ' ' || c.relkind::text AS x
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ${sql.raw(USER_SCHEMAS)}
      UNION ALL SELECT 'a ' || a.attrelid::regclass::text || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
          || ' ' || a.attnotnull || ' ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '')
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attnum > 0 AND NOT a.attisdropped AND ${sql.raw(USER_SCHEMAS)}
      UNION ALL SELECT 'f ' || p.oid::regprocedure::text || ' ' || md5(p.prosrc)
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE ${sql.raw(USER_SCHEMAS)}
      UNION ALL SELECT 't ' || t.tgrelid::regclass::text || ' ' || t.tgname || ' ' || t.tgenabled::text
        FROM pg_trigger t WHERE NOT t.tgisinternal
      UNION ALL SELECT 'c ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
        FROM pg_constraint WHERE connamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)
      UNION ALL SELECT 'n ' || nspname FROM pg_namespace n WHERE ${sql.raw(USER_SCHEMAS)}
      UNION ALL SELECT 'o ' || rolname FROM pg_roles
      UNION ALL SELECT 'e ' || extname || ' ' || extversion FROM pg_extension
      UNION ALL SELECT 'y ' || typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE ${sql.raw(USER_SCHEMAS)}
    ) s`.execute(db.kysely)
  return rows[0]!.f
}

async function sequences(db: Db) {
  const { rows } = await sql<{ name: string; value: number | null }>`
    SELECT format('%I.%I', schemaname, sequencename) AS name, last_value AS value FROM pg_sequences
    WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`.execute(db.kysely)
  return rows
}

export async function baselineOf(db: Db): Promise<Baseline> {
  const { rows: tables } = await sql<{ name: string; n: number }>`
    SELECT format('%I.%I', n.nspname, c.relname) AS name, c.reltuples AS n
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p') AND ${sql.raw(USER_SCHEMAS)} ORDER BY 1`.execute(db.kysely)
  const rows: Baseline['rows'] = []
  for (const { name } of tables) {
    const { rows: any } = await sql<{ x: number }>`SELECT 1 AS x FROM ${sql.raw(name)} LIMIT 1`.execute(db.kysely)
    if (any.length) rows.push({ table: name, data: await db.copyToBlob!(`COPY ${name} TO '/dev/blob'`) })
  }
  return { schema: await fingerprint(db), tables: tables.map((t) => t.name), rows, sequences: await sequences(db) }
}

/**
 * The next transaction id: it moves only when a transaction writes (a row, a table, a temporary table, even rolled
 * back), not for reads, so that a file that only read its database (a 2009 cross-check) can leave it as it got it.
 */
export async function writeMark(db: Db): Promise<string> {
  const { rows } = await sql<{ x: string }>`SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS x`.execute(
    db.kysely,
  )
  return rows[0]!.x
}

/** Puts `db` back as `baseline` says; false when it cannot (its schema changed): then close it. */
export async function resetTo(db: Db, baseline: Baseline): Promise<boolean> {
  try {
    await sql`DISCARD ALL`.execute(db.kysely) // a transaction left open is not possible here (one session, Kysely's)
    if ((await fingerprint(db)) !== baseline.schema) return false
    await db.kysely.connection().execute(async (c) => {
      // no trigger on the way: the rows come back as they were, facts and audit chains included
      await sql`SET session_replication_role = replica`.execute(c)
      await sql.raw(`TRUNCATE ${baseline.tables.join(', ')} RESTART IDENTITY CASCADE`).execute(c)
      for (const { table, data } of baseline.rows) await db.copyFromBlob!(`COPY ${table} FROM '/dev/blob'`, data)
      for (const { name, value } of baseline.sequences)
        if (value === null) await sql.raw(`ALTER SEQUENCE ${name} RESTART`).execute(c)
        else await sql`SELECT setval(${name}::regclass, ${value}, true)`.execute(c)
      await sql`RESET session_replication_role`.execute(c)
    })
    await sql`DISCARD ALL`.execute(db.kysely)
    return true
  } catch {
    return false
  }
}
