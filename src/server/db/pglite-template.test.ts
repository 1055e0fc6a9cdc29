import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../config.ts'
import { startRuntime } from '../runtime.ts'
import { testDbKind } from '../test/test-db.ts'
import type { Db } from './database.ts'
import { allMigrations } from './migrate.ts'
import { templateKey } from './pglite-template.ts'

// A first start on an empty PGlite folder copies the migrated template instead of running initdb and the migrations
// (pglite-template.ts); the database it gives must be the one initdb and the migrations give.

const base = mkdtempSync(join(tmpdir(), 'jalon-template-'))
afterAll(() => rmSync(base, { recursive: true, force: true }))
// PGlite's initdb takes seconds on a quiet machine, minutes on a busy one
const SLOW = { timeout: 900_000 }

async function start(folder: string, cache: string, env: Record<string, string> = {}) {
  const logs: string[] = []
  const config = loadConfig({ NODE_ENV: 'test', PGLITE_DIR: join(base, folder), ...env })
  const deps = await startRuntime(config, (m) => logs.push(m), { templateCache: join(base, cache) })
  return { db: deps.db, logs }
}

/** what a migrated database is made of: columns with their types, constraints, indexes, triggers, applied migrations */
async function shape(db: Db) {
  const q = async (query: ReturnType<typeof sql<{ x: string }>>) =>
    (await query.execute(db.kysely)).rows.map((r) => r.x).join('\n')
  return {
    columns: await q(sql`SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' ||
      coalesce(column_default, '') AS x FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1`),
    constraints: await q(sql`SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS x
      FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1`),
    indexes: await q(sql`SELECT indexdef AS x FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`),
    triggers: await q(sql`SELECT tgrelid::regclass::text || ' ' || tgname AS x FROM pg_trigger WHERE NOT tgisinternal
      ORDER BY 1`),
    migrations: await q(sql`SELECT name AS x FROM kysely_migration ORDER BY 1`),
  }
}

describe.skipIf(testDbKind === 'postgres')('PGlite template (PGlite only)', () => {
  it(
    'builds the template at the first start, copies it at the next, and both databases are the migrated one',
    SLOW,
    async () => {
      mkdirSync(join(base, 'cache'))
      // a template of another list of migrations (an older state of the code): pruned once the new one is kept
      mkdirSync(join(base, 'cache', 'pglite-template-0000000000000000'))
      // and one left half-built by a first start stopped midway (no such process)
      mkdirSync(join(base, 'cache', 'pglite-template-0000000000000000.tmp-999999999-x'))
      const first = await start('first', 'cache')
      const second = await start('second', 'cache')
      try {
        expect(first.logs.some((m) => m.startsWith('Migrations appliquées : 20261128T1500_foundation'))).toBe(true)
        expect(second.logs.join('\n')).not.toContain('Migrations appliquées')
        expect(second.db.fromTemplate).toBe(true)
        expect(second.logs).toContain(
          `Base PGlite créée depuis le modèle migré (${Object.keys(allMigrations()).length} migrations).`,
        )
        expect(readdirSync(join(base, 'cache'))).toEqual([`pglite-template-${templateKey(allMigrations())}`])
        const [a, b] = [await shape(first.db), await shape(second.db)]
        expect(b.migrations.split('\n')).toEqual(Object.keys(allMigrations()).sort())
        expect(b).toEqual(a)
        expect(await second.db.kysely.selectFrom('structure').select('id').execute()).toEqual([])
        // the template is only ever read: a write to one database is not in the other
        await second.db.kysely.insertInto('structure').values({ id: 's', name: 'Écrite' }).execute()
        expect(await first.db.kysely.selectFrom('structure').select('id').execute()).toEqual([])
      } finally {
        await first.db.close()
        await second.db.close()
      }
      // a folder that holds a database is opened as it is, with the configured page cache (PGLITE_SHARED_BUFFERS)
      const again = await start('second', 'cache', { PGLITE_SHARED_BUFFERS: '16MB' })
      const buffers = async (db: Db) =>
        (await sql<{ b: string }>`SELECT current_setting('shared_buffers') AS b`.execute(db.kysely)).rows[0].b
      try {
        expect(again.db.fromTemplate).toBe(false)
        expect(await again.db.kysely.selectFrom('structure').select('name').execute()).toEqual([{ name: 'Écrite' }])
        expect(await buffers(again.db)).toBe('16MB')
      } finally {
        await again.db.close()
      }
      const copied = await start('third', 'cache', { PGLITE_SHARED_BUFFERS: '24MB' })
      try {
        expect(copied.db.fromTemplate).toBe(true)
        expect(await buffers(copied.db)).toBe('24MB')
      } finally {
        await copied.db.close()
      }
    },
  )

  it('starts without a template when the cache cannot be written', SLOW, async () => {
    writeFileSync(join(base, 'not-a-folder'), '') // a file where the cache folder should be
    const { db, logs } = await start('unwritable', 'not-a-folder')
    try {
      expect(db.fromTemplate).toBe(false)
      expect(logs.some((m) => m.startsWith('Migrations appliquées : 20261128T1500_foundation'))).toBe(true)
      expect((await shape(db)).migrations.split('\n')).toEqual(Object.keys(allMigrations()).sort())
    } finally {
      await db.close()
    }
    expect(existsSync(join(base, 'unwritable', 'PG_VERSION'))).toBe(true)
  })
})
