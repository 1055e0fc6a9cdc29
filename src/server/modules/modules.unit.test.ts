import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { serverModules } from './modules.ts'

// The module seam on the server (docs/MODULES.md): one list of manifests, each module writing only its own tables.

const SRC = resolve(import.meta.dirname, '../..')
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return files(path)
    return /\.tsx?$/.test(name) ? [path] : []
  })
const sources = files(SRC).map((path) => ({ path: relative(SRC, path), text: readFileSync(path, 'utf8') }))

/** where a module's files live: its folder (the reporting engine keeps its historical folder) */
const folderOf = (name: string) => (name === 'reporting' ? 'server/reporting/' : `server/modules/${name}/`)

/**
 * Writes into another module's tables that are known and not yet moved behind the owner's entry, each with why.
 * The list only shrinks: a new entry needs a reason a reviewer accepts.
 */
const allowedForeignWrites: Record<string, string> = {
  'auth → app_user': 'sign-in writes the credentials of the user row (password, second factor, last sign-in)',
  'accompaniment → programme': 'the demo sets the contact rules of the demo programmes',
}

const owner = new Map(serverModules.flatMap((m) => m.tables.map((t) => [t as string, m.name])))

/** the writes of a source text into tables another module owns, not in the allowed list */
function foreignWrites(module: string, text: string): string[] {
  const writes = [
    ...text.matchAll(/\b(?:insertInto|updateTable|deleteFrom)\(\s*'([a-z_]+)/g),
    ...text.matchAll(/\bbulk\.write\(\s*'([a-z_]+)/g),
    ...text.matchAll(/\b(?:INSERT INTO|DELETE FROM)\s+([a-z_]+)/g),
  ].map((w) => w[1])
  return [...new Set(writes)]
    .filter((table) => owner.has(table) && owner.get(table) !== module)
    .map((table) => `${module} → ${table}`)
    .filter((key) => !allowedForeignWrites[key])
}

describe('server modules', () => {
  it('are listed once, in modules.ts: no other file imports a manifest', () => {
    const wrong = sources.filter(
      (s) =>
        s.path !== 'server/modules/modules.ts' &&
        /from '[^']*\.module\.ts'/.test(s.text) &&
        !/^server\/modules\/[^/]+\/[^/]+\.module\.ts$|^server\/reporting\/reporting\.module\.ts$/.test(s.path),
    )
    expect(wrong.map((s) => s.path)).toEqual([])
  })

  it('each own distinct tables', () => {
    const owners = new Map<string, string[]>()
    for (const m of serverModules) for (const t of m.tables) owners.set(t, [...(owners.get(t) ?? []), m.name])
    expect([...owners].filter(([, o]) => o.length > 1)).toEqual([])
  })

  it('write only their own tables (Kysely insertInto/updateTable/deleteFrom, the demo’s bulk writes, SQL text)', () => {
    const found: string[] = []
    for (const m of serverModules) {
      if (m.name === 'exchange') continue // the import writes every module's declared files, generically
      for (const s of sources.filter(
        (f) => f.path.startsWith(folderOf(m.name)) && !/\.test\.ts$|\/migrations\//.test(f.path),
      ))
        found.push(...foreignWrites(m.name, s.text).map((w) => `${w} (${s.path})`))
    }
    expect(found).toEqual([])
  })

  it('the check sees a foreign write: the persons module writing the accompaniment’s events', () => {
    expect(foreignWrites('persons', "await tx.insertInto('event').values(row)")).toEqual(['persons → event'])
    expect(foreignWrites('persons', 'await sql`DELETE FROM proposition WHERE id = $1`')).toEqual([
      'persons → proposition',
    ])
    expect(foreignWrites('persons', "await ctx.bulk.write('event', rows)")).toEqual(['persons → event'])
    expect(foreignWrites('accompaniment', "await tx.insertInto('event').values(row)")).toEqual([])
  })

  it('declare migrations with names that sort in the order they run, once', () => {
    const names = serverModules.flatMap((m) => Object.keys(m.migrations ?? {}))
    expect(new Set(names).size).toBe(names.length)
    for (const n of names) expect(n).toMatch(/^\d{8}T\d{4}_[a-z0-9_]+$/)
  })
})
