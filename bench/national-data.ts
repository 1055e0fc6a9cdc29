// The national data set of issue 9: Jalon's own schema filled to a national network's size on one PostgreSQL server.
// The demo structure with its 2009 data set (src/server/demo, about 9 000 persons and 330 000 rows) is loaded once, then
// copied `replicas - 1` times with SQL, each copy a structure of its own (`demo-r002`, …) with its sites, programmes,
// users, persons and their whole files: 126 copies give about 1.1 million persons. Ids are remapped with md5(id || copy),
// so every copy's keys hold; e-mails get a `+r<copy>` suffix. The keys and indexes of the copied tables are set aside
// during the copy and put back after (bulk.ts, as the demo's own load does), then ANALYZE.
// Used by bench/national.ts; the database is kept between runs (its comment records how it was built).
import { sql } from 'kysely'
import pg from 'pg'
import { type Db, openPostgres } from '../src/server/db/database.ts'
import { allMigrations, migrate } from '../src/server/db/migrate.ts'
import { templateKey } from '../src/server/db/pglite-template.ts'
import { bulkWriter } from '../src/server/demo/bulk.ts'
import { loadDemo } from '../src/server/demo/demo.ts'
import { DEMO_STRUCTURE } from '../src/server/demo/demo-organisation.ts'
import { rebuildFacts, withFactsDeferred } from '../src/server/modules/registry.ts'

/** the years whose facts the bench builds (the report of 2009 compares with 2008, its situation entries with 2007) */
export const FACT_YEARS = [2007, 2008, 2009]

/** what the database's comment records: the copies, and the migrations' state (a database migrated otherwise is rebuilt) */
const stamp = (replicas: number) =>
  `jalon national replicas=${replicas} migrations=${templateKey(allMigrations())} complete`

/** the tables a copy fills, parents first; each row of the seed structure is copied once per copy */
export const COPIED_TABLES = [
  'structure',
  'site',
  'site_commune',
  'programme',
  'app_user',
  'user_site',
  'user_programme',
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
  'person_note',
] as const

/** the structure id of copy `r` (1 is the seed structure itself) */
export const structureOf = (r: number) =>
  r === 1 ? DEMO_STRUCTURE.id : `${DEMO_STRUCTURE.id}-r${String(r).padStart(3, '0')}`

export const urlOf = (admin: string, name: string) => {
  const url = new URL(admin)
  url.pathname = `/${name}`
  return url.toString()
}

async function admin<T>(adminUrl: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminUrl })
  await c.connect()
  try {
    return await work(c)
  } finally {
    await c.end()
  }
}

/** Whether database `name` was built with `replicas` copies by the current migrations (its comment). */
export async function builtWith(adminUrl: string, name: string, replicas: number): Promise<boolean> {
  return admin(adminUrl, async (c) => {
    const { rows } = await c.query<{ comment: string | null }>(
      'SELECT shobj_description(oid, $2) AS comment FROM pg_database WHERE datname = $1',
      [name, 'pg_database'],
    )
    return rows[0]?.comment === stamp(replicas)
  })
}

interface Column {
  name: string
  type: string
}

/**
 * The SELECT list copying `table` for copy r (a column `r` of the FROM): own id and keys to copied tables remapped,
 * structure ids suffixed, e-mails made unique, every other column as is.
 */
async function selectList(db: Db, table: string): Promise<string> {
  const { rows: columns } = await sql<Column>`
    SELECT column_name AS name, data_type AS type FROM information_schema.columns
    WHERE table_schema = 'public' AND table_name = ${table} AND is_generated = 'NEVER' ORDER BY ordinal_position`.execute(
    db.kysely,
  )
  const { rows: keys } = await sql<{ column: string }>`
    SELECT a.attname AS column FROM pg_constraint c
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey)
    WHERE c.contype = 'f' AND c.conrelid = ${table}::regclass`.execute(db.kysely)
  const remapped = new Set(keys.map((k) => k.column))
  const copied = (c: Column) => {
    const col = `"${c.name}"`
    if (c.name === 'structure_id' || (table === 'structure' && c.name === 'id'))
      return `CASE WHEN ${col} IS NULL THEN NULL ELSE ${col} || '-r' || lpad(r::text, 3, '0') END`
    if (c.type === 'uuid' && (c.name === 'id' || remapped.has(c.name)))
      return `CASE WHEN ${col} IS NULL THEN NULL ELSE md5(${col}::text || ':' || r)::uuid END`
    if (table === 'app_user' && c.name === 'email') return `replace(${col}, '@', '+r' || r || '@')`
    return col
  }
  return `(${columns.map((c) => `"${c.name}"`).join(', ')}) SELECT ${columns.map(copied).join(', ')}`
}

/** copy rows of the seed structure only: structure-less tables hold only the seed's rows here */
async function seedRows(db: Db, table: string): Promise<string> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM information_schema.columns
    WHERE table_schema = 'public' AND table_name = ${table} AND column_name = 'structure_id'`.execute(db.kysely)
  if (table === 'structure') return `WHERE t.id = '${DEMO_STRUCTURE.id}'`
  return rows[0].n ? `WHERE t.structure_id = '${DEMO_STRUCTURE.id}'` : ''
}

/**
 * Creates database `name` (dropped first when it exists), loads the seed, copies it `replicas - 1` times. Prints each
 * step with its duration.
 */
export async function buildNational(
  adminUrl: string,
  name: string,
  replicas: number,
  log: (line: string) => void = console.log,
): Promise<void> {
  const t0 = performance.now()
  const since = () => `${((performance.now() - t0) / 1000).toFixed(1)} s`
  await admin(adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await c.query(`CREATE DATABASE ${name}`)
  })
  const db = await openPostgres(urlOf(adminUrl, name))
  try {
    await migrate(db)
    await loadDemo(db, new Date('2026-03-02T09:00:00Z'), { year2009: true, facts: false })
    log(`  seed structure loaded (${since()})`)
    if (replicas > 1)
      await db.kysely.transaction().execute((tx) =>
        // the facts' triggers set aside during the copy, the built years built again once at its end
        withFactsDeferred(tx, async () => {
          await sql`SET LOCAL maintenance_work_mem = '512MB'`.execute(tx)
          const bulk = bulkWriter(tx, db)
          await bulk.deferKeysAndIndexes(COPIED_TABLES, async () => {
            for (const table of COPIED_TABLES) {
              const list = await selectList(db, table)
              const where = await seedRows(db, table)
              const t = performance.now()
              const { numAffectedRows } = await sql
                .raw(
                  `INSERT INTO "${table}" ${list} FROM "${table}" t CROSS JOIN generate_series(2, ${replicas}) AS r ${where}`,
                )
                .execute(tx)
              log(
                `  ${table}: ${Number(numAffectedRows ?? 0).toLocaleString('fr-FR')} rows (${((performance.now() - t) / 1000).toFixed(1)} s)`,
              )
            }
            log(`  keys and indexes put back… (${since()})`)
          })
        }),
      )
    log(`  copies done (${since()}); ANALYZE…`)
    await sql`ANALYZE`.execute(db.kysely)
    log(`  facts of ${FACT_YEARS.join(', ')}… (${since()})`)
    await rebuildFacts(db.kysely, {
      years: FACT_YEARS,
      log: (r) => log(`  facts: ${r.module} ${r.year} in ${(r.ms / 1000).toFixed(1)} s`),
    })
  } finally {
    await db.close()
  }
  await admin(adminUrl, (c) => c.query(`COMMENT ON DATABASE ${name} IS '${stamp(replicas)}'`))
  log(`  built in ${since()}`)
}
