import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { sql } from 'kysely'
import { openPglite } from '../db/database.ts'
import { allMigrations } from '../db/migrate.ts'
import { cachedFolder, DEFAULT_TEMPLATE_CACHE, type PgliteTemplate, templateKey } from '../db/pglite-template.ts'
import { loadDemoBase } from './demo.ts'

// The demo template (docs/demo-2009.md, "Load time"): the migrated template plus the demo's base — the demo organisation,
// the 2009 data set and the facts of its years — which do not depend on the day. The first start that lacks it builds it
// once (a copy of the migrated template, the base loaded into it, closed); every first start then copies it and writes only
// the day's part (demo.ts, loadDemoDay). Kept beside the migrated template in node_modules/.cache/jalon, never committed.

const PREFIX = 'pglite-demo-'
const SOURCES = resolve(import.meta.dirname, '..', '..') // src/

/**
 * The key: the migrated template's key (PGlite's version, every migration) and the text of every source file of the
 * server and of the shared code (tests aside). Broader than what the base reads, so no change to the code that writes it
 * is ever missed: any edit gives a new template at the next first start (a slow one), the older one is removed.
 */
export function demoTemplateKey(year2009: boolean): string {
  const hash = createHash('sha256').update(`${templateKey(allMigrations())}\nyear2009 ${year2009}\n`)
  for (const file of sourceFiles([join(SOURCES, 'server'), join(SOURCES, 'shared')]))
    hash
      .update(`${relative(SOURCES, file)}\n`)
      .update(readFileSync(file))
      .update('\n')
  return hash.digest('hex').slice(0, 16)
}

function sourceFiles(dirs: string[]): string[] {
  const out: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (!entry.name.endsWith('.test.ts')) out.push(path)
    }
  }
  for (const dir of dirs) walk(dir)
  return out
}

/** The demo template, with the 2009 data set (`npm start`) or without (the organisation only: tests). */
export function demoTemplate(year2009: boolean, cacheDir = DEFAULT_TEMPLATE_CACHE): PgliteTemplate {
  return cachedFolder(cacheDir, PREFIX, demoTemplateKey(year2009))
}

/**
 * Builds the demo template from the migrated one (`migratedDir`), the base loaded into it.
 * False when the cache cannot be written: the caller then loads the whole demo into its own folder.
 */
export async function buildDemoTemplate(
  template: PgliteTemplate,
  migratedDir: string,
  opts: { year2009: boolean; progress: (line: string) => void },
): Promise<boolean> {
  return template.build(async (folder) => {
    const db = await openPglite(folder)
    let current: string
    try {
      await loadDemoBase(db, opts)
      await sql`CHECKPOINT`.execute(db.kysely)
      const { rows } = await sql<{ file: string }>`SELECT pg_walfile_name(pg_current_wal_insert_lsn()) AS file`.execute(
        db.kysely,
      )
      current = rows[0].file
    } finally {
      await db.close()
    }
    trimWal(folder, current)
  }, migratedDir)
}

/**
 * The load leaves about 130 MB of write-ahead log: segments already checkpointed, kept for reuse. A closed database
 * needs only the segment of its last checkpoint (written at close, in `current` or the next one), so the others are
 * removed: every first start copies 100 MB less. PostgreSQL creates the segments it needs as it writes.
 */
function trimWal(folder: string, current: string) {
  const wal = join(folder, 'pg_wal')
  const segments = readdirSync(wal)
    .filter((name) => /^[0-9A-F]{24}$/.test(name))
    .sort()
  const keep = new Set(segments.filter((name) => name >= current).slice(0, 2))
  for (const name of segments) if (!keep.has(name)) rmSync(join(wal, name))
}
