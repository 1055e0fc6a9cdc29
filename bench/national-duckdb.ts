// Copies the tables the report reads from a PostgreSQL database into a DuckDB database file, for bench/national.ts:
// each table goes out as CSV through psql's \copy and in through DuckDB's parallel CSV reader, with the column types
// mapped (timestamps with a time zone as UTC timestamps, json and arrays as text). Rows are the same rows, so the same
// queries give the same values.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import pg from 'pg'

/** what the report reads */
export const REPORT_TABLES = [
  'structure',
  'site',
  'site_commune',
  'programme',
  'app_user',
  'proposition_theme',
  'funder_agreement',
  'objective',
  'person',
  'person_attribute',
  'status_period',
  'enrolment',
  'event',
  'proposition',
  'situation',
  // the PLIE's indicators (src/server/modules/plie/indicators)
  'plie_organisation',
  'plie_pathway',
  'plie_step',
  'plie_funding',
] as const

interface Column {
  name: string
  type: string
}

function duckType(c: Column): { type: string; out: string } {
  const col = `"${c.name}"`
  switch (c.type) {
    case 'uuid':
      return { type: 'UUID', out: col }
    case 'date':
      return { type: 'DATE', out: col }
    case 'timestamp with time zone':
      return { type: 'TIMESTAMP', out: `(${col} AT TIME ZONE 'UTC')` }
    case 'timestamp without time zone':
      return { type: 'TIMESTAMP', out: col }
    case 'integer':
    case 'smallint':
      return { type: 'INTEGER', out: col }
    case 'bigint':
      return { type: 'BIGINT', out: col }
    case 'boolean':
      return { type: 'BOOLEAN', out: `${col}::text` }
    case 'numeric':
      return { type: 'DECIMAL(18,4)', out: col }
    case 'double precision':
    case 'real':
      return { type: 'DOUBLE', out: col }
    default:
      return { type: 'VARCHAR', out: `${col}::text` }
  }
}

/** Creates `file` (replaced) holding REPORT_TABLES of the PostgreSQL database at `url`. Returns seconds by step. */
export async function copyToDuckDb(url: string, file: string, log: (line: string) => void = console.log) {
  const dir = mkdtempSync(join(tmpdir(), 'jalon-duckdb-'))
  rmSync(file, { force: true })
  rmSync(`${file}.wal`, { force: true })
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const instance = await DuckDBInstance.create(file)
  const duck = await instance.connect()
  try {
    for (const table of REPORT_TABLES) {
      const t0 = performance.now()
      const { rows } = await client.query<Column>(
        `SELECT column_name AS name, data_type AS type FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
        [table],
      )
      const cols = rows.map((c) => ({ ...c, ...duckType(c) }))
      const csv = join(dir, `${table}.csv`)
      execFileSync(
        'psql',
        [
          url,
          '-qXc',
          `\\copy (SELECT ${cols.map((c) => c.out).join(', ')} FROM "${table}") TO '${csv}' WITH (FORMAT csv)`,
        ],
        { stdio: ['ignore', 'ignore', 'inherit'] },
      )
      const exported = performance.now()
      await duck.run(`CREATE TABLE "${table}" (${cols.map((c) => `"${c.name}" ${c.type}`).join(', ')})`)
      await duck.run(
        `COPY "${table}" FROM '${csv}' (FORMAT csv, HEADER false, AUTO_DETECT false, DELIM ',', QUOTE '"', ESCAPE '"', NULLSTR '', ALLOW_QUOTED_NULLS false)`,
      )
      rmSync(csv)
      const n = (await duck.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM "${table}"`)).getRowObjectsJS()[0].n
      log(
        `  ${table}: ${Number(n).toLocaleString('fr-FR')} rows — out of PostgreSQL ${((exported - t0) / 1000).toFixed(1)} s, into DuckDB ${((performance.now() - exported) / 1000).toFixed(1)} s`,
      )
    }
    await duck.run('CHECKPOINT')
  } finally {
    duck.closeSync()
    instance.closeSync()
    await client.end()
    rmSync(dir, { recursive: true, force: true })
  }
}
