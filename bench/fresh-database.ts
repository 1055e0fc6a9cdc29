import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { type Db, openPglite, openPostgres } from '../src/server/db/database.ts'

/**
 * A database of its own for a benchmark, dropped afterwards: 'pglite-memory', 'pglite' (a file-backed folder, as
 * `npm start` uses) or 'postgres' (a new database on JALON_BENCH_PG_URL's server). Not migrated: the caller does it.
 */
export async function freshDatabase(kind: string, label: string): Promise<{ db: Db; drop: () => Promise<void> }> {
  if (kind === 'pglite-memory') {
    const db = await openPglite()
    return { db, drop: () => db.close() }
  }
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), `jalon-${label}-`))
    const db = await openPglite(dir)
    return {
      db,
      drop: async () => {
        await db.close()
        rmSync(dir, { recursive: true, force: true })
      },
    }
  }
  const admin = process.env.JALON_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
  const name = `jalon_${label.replace(/\W/g, '_')}_${process.pid}`
  const run = async (query: string) => {
    const c = new pg.Client({ connectionString: admin })
    await c.connect()
    await c.query(query)
    await c.end()
  }
  await run(`CREATE DATABASE ${name}`)
  const url = new URL(admin)
  url.pathname = `/${name}`
  const db = await openPostgres(url.toString())
  return {
    db,
    drop: async () => {
      await db.close()
      await run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    },
  }
}
