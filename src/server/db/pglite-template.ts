import { createHash, randomUUID } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import type { Migration } from 'kysely'
import { LOCK_FILE } from './pglite-lock.ts'

// A first start on an empty PGlite folder spends most of its database time in PGlite's initdb (a second PGlite and
// initdb's WebAssembly, seconds of processor time) and then in the migrations. The result is the same every time for a
// given PGlite and a given list of migrations, so the first start that does it keeps a copy of the migrated, still empty
// folder (the template), and the next first starts copy it instead (a copy and an ordinary open). The demo keeps a second
// kind of template on the same mechanism (`cachedFolder`): the migrated template plus the demo organisation and the 2009
// data set, which do not depend on the day (demo/demo-template.ts). A template is a cache, never committed, rebuilt
// when absent: deleting node_modules/.cache/jalon costs one slow first start.

/** where templates are kept: node_modules/.cache/jalon of this checkout (the usual place of tools' caches) */
export const DEFAULT_TEMPLATE_CACHE = resolve(import.meta.dirname, '../../../node_modules/.cache/jalon')

const MIGRATED = 'pglite-template-'

/** PGlite's version, read from its package.json (its data folders change with it) */
function pgliteVersion(): string {
  const require = createRequire(import.meta.url)
  const main = require.resolve('@electric-sql/pglite')
  // dist/index.cjs → the package's folder
  let dir = dirname(main)
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir)
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version
}

/**
 * The template's key: PGlite's version, and every migration's name and source text (`up` as the runtime sees it), so a
 * migration added, removed or edited in place (during development) never reuses a template migrated otherwise.
 */
export function templateKey(migrations: Record<string, Migration>): string {
  const hash = createHash('sha256').update(`pglite ${pgliteVersion()}\n`)
  for (const name of Object.keys(migrations).sort()) hash.update(`${name}\n${migrations[name].up.toString()}\n`)
  return hash.digest('hex').slice(0, 16)
}

export interface PgliteTemplate {
  /** the template folder, complete when it exists (written under another name, then renamed) */
  dir: string
  exists(): boolean
  /**
   * Builds the template: `prepare(folder)` makes a closed PGlite database in `folder` (a fresh folder of the cache, or
   * a copy of `from` when given), which then becomes the template. False when the cache cannot be written (a read-only
   * install, a full disk): the caller then goes on without it.
   */
  build(prepare: (folder: string) => Promise<void>, from?: string): Promise<boolean>
}

/** The migrated template for `migrations` under `cacheDir`. */
export function pgliteTemplate(
  migrations: Record<string, Migration>,
  cacheDir = DEFAULT_TEMPLATE_CACHE,
): PgliteTemplate {
  return cachedFolder(cacheDir, MIGRATED, templateKey(migrations))
}

/**
 * A template folder `<prefix><key>` under `cacheDir`. Building it removes the folders of the same prefix and another key
 * (older states of the code: of no more use) and the half-built ones of first starts stopped midway.
 */
export function cachedFolder(cacheDir: string, prefix: string, key: string): PgliteTemplate {
  const dir = join(cacheDir, `${prefix}${key}`)
  const exists = () => existsSync(join(dir, 'PG_VERSION'))
  return {
    dir,
    exists,
    async build(prepare, from) {
      const tmp = `${dir}.tmp-${process.pid}-${randomUUID()}`
      try {
        if (from) cpSync(from, tmp, { recursive: true })
        else mkdirSync(tmp, { recursive: true })
      } catch {
        try {
          rmSync(tmp, { recursive: true, force: true }) // a copy stopped midway (a full disk)
        } catch {
          // the cache's place is not a folder: nothing was written
        }
        return false
      }
      try {
        await prepare(tmp) // its failure (a migration's, a load's) is the start's
        rmSync(join(tmp, LOCK_FILE), { force: true })
        try {
          renameSync(tmp, dir)
        } catch {
          // another first start built the same template meanwhile (theirs is as good), or the disk is full
          if (!exists()) return false
        }
      } finally {
        rmSync(tmp, { recursive: true, force: true })
      }
      prune(cacheDir, prefix, dir)
      return true
    },
  }
}

/**
 * Copies the template into `dataDir` when that folder holds no database yet (nothing but our lock file): call it with
 * the folder's lock held, before PGlite opens it. True when it copied.
 */
export function copyTemplate(templateDir: string, dataDir: string): boolean {
  if (readdirSync(dataDir).some((name) => name !== LOCK_FILE)) return false
  try {
    cpSync(templateDir, dataDir, { recursive: true })
    return true
  } catch {
    // the template went away meanwhile (pruned by a newer checkout): empty the folder again, PGlite runs initdb
    for (const name of readdirSync(dataDir))
      if (name !== LOCK_FILE) rmSync(join(dataDir, name), { recursive: true, force: true })
    return false
  }
}

/**
 * Removes the templates of `prefix` and another key (older states of the code: of no more use) and the half-built ones
 * of first starts stopped midway (their process gone): 40 MB each (the demo's: about 330 MB).
 */
function prune(cacheDir: string, prefix: string, keep: string) {
  try {
    for (const name of readdirSync(cacheDir)) {
      if (!name.startsWith(prefix)) continue
      const building = /\.tmp-(\d+)-/.exec(name)
      if (building ? !alive(Number(building[1])) : join(cacheDir, name) !== keep)
        rmSync(join(cacheDir, name), { recursive: true, force: true })
    }
  } catch {
    // another process pruning at the same moment: nothing lost
  }
}

function alive(pid: number) {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' // exists, owned by another user
  }
}
