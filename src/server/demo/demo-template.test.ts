import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../config.ts'
import type { Db } from '../db/database.ts'
import { allMigrations } from '../db/migrate.ts'
import { pgliteTemplate } from '../db/pglite-template.ts'
import { startRuntime } from '../runtime.ts'
import { migratedPgliteFolder, testDbKind } from '../test/test-db.ts'
import { demoState, loadDemo, loadDemoDay } from './demo.ts'

// A first start on PGlite copies the demo template (the demo's base, built once) and writes only the day's part
// (demo-template.ts, demo.ts): the database it gives must hold what a whole load gives. Checked on the organisation
// without the 2009 data set (the same code path, seconds instead of a minute); load.test.ts checks the data set.

const base = mkdtempSync(join(tmpdir(), 'jalon-demo-template-'))
afterAll(() => rmSync(base, { recursive: true, force: true }))
const SLOW = { timeout: 900_000 }
const NOW = new Date('2026-03-02T09:00:00Z')

async function start(folder: string, demoBase: boolean) {
  const logs: string[] = []
  const config = loadConfig({ NODE_ENV: 'test', PGLITE_DIR: join(base, folder) })
  const deps = await startRuntime(config, (m) => logs.push(m), {
    templateCache: join(base, 'cache'),
    demoBase: demoBase ? { year2009: false, progress: () => {} } : undefined,
  })
  return { db: deps.db, logs }
}

/** every table's row count, and the rows that tell the organisation and its persons apart */
async function content(db: Db) {
  const tables = (
    await sql<{ t: string }>`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`.execute(
      db.kysely,
    )
  ).rows.map((r) => r.t)
  const counts: Record<string, number> = {}
  for (const t of tables)
    counts[t] = Number(
      (await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(t)}`.execute(db.kysely)).rows[0].n,
    )
  const rows = async (query: ReturnType<typeof sql<{ x: string }>>) =>
    (await query.execute(db.kysely)).rows.map((r) => r.x)
  return {
    counts,
    programmes: await rows(
      sql`SELECT concat_ws(' ', code, name, kind, type, contact_days) AS x FROM programme ORDER BY 1`,
    ),
    persons: await rows(
      sql`SELECT concat_ws(' ', id, last_name, birth_date, referent_id IS NULL) AS x FROM person ORDER BY 1`,
    ),
    enrolments: await rows(sql`SELECT concat_ws(' ', e.person_id, g.code, e.entry_date, e.exit_date) AS x
      FROM enrolment e JOIN programme g ON g.id = e.programme_id ORDER BY 1`),
    facts: await rows(sql`SELECT concat_ws(' ', year, count(*)) AS x FROM ml_person_year GROUP BY year ORDER BY 1`),
  }
}

describe.skipIf(testDbKind === 'postgres')('demo template (PGlite only)', () => {
  it(
    'a first start copies the demo’s base and adds the day’s part: the same database as a whole load',
    SLOW,
    async () => {
      // the migrated template is there, as any start after the first leaves it (pglite-template.test.ts checks its
      // building): this test builds only the demo's
      await migratedPgliteFolder(pgliteTemplate(allMigrations(), join(base, 'cache')).dir)
      const whole = await start('whole', false)
      expect(await demoState(whole.db)).toBe('empty')
      await loadDemo(whole.db, NOW)
      expect(await demoState(whole.db)).toBe('loaded')
      const expected = await content(whole.db)
      await whole.db.close()

      const first = await start('first', true)
      expect(first.logs.some((l) => l.startsWith('Création du modèle de démonstration'))).toBe(true)
      expect(first.logs.some((l) => l.includes('depuis le modèle de démonstration'))).toBe(true)
      expect(await demoState(first.db)).toBe('base')
      await loadDemoDay(first.db, NOW)
      expect(await demoState(first.db)).toBe('loaded')
      expect(await content(first.db)).toEqual(expected)
      await first.db.close()

      // the next first start copies the template without building it again; a folder that holds a database is left alone
      const next = await start('next', true)
      expect(next.logs.some((l) => l.startsWith('Création du modèle'))).toBe(false)
      expect(next.logs.some((l) => l.includes('depuis le modèle de démonstration'))).toBe(true)
      expect(await demoState(next.db)).toBe('base')
      await next.db.close()
      const again = await start('first', true)
      expect(again.logs.some((l) => l.includes('depuis le modèle'))).toBe(false)
      expect(await demoState(again.db)).toBe('loaded')
      await again.db.close()
      expect(readdirSync(join(base, 'cache')).filter((n) => n.startsWith('pglite-demo-'))).toHaveLength(1)
    },
  )
})
