import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { loadConfig } from '../../config.ts'
import type { Deps } from '../../deps.ts'
import { EXAMPLE_BUNDLE, emptyDatabase, tableCounts } from '../../test/exchange.builders.ts'
import { TestClock } from '../../test/test-app.ts'
import { createTestDb, type TestDb } from '../../test/test-db.ts'
import { exportCommand, importCommand } from './exchange.commands.ts'
import { exchangeEntities } from './exchange.registry.ts'

// `jalon import <folder>` and `jalon export <folder>` as an operator runs them: folders on disk, exit codes, messages.

let a: TestDb
let b: TestDb
let dir: string
beforeAll(async () => {
  ;[a, b] = await Promise.all([createTestDb(), createTestDb()])
  dir = await mkdtemp(join(tmpdir(), 'jalon-exchange-'))
})
afterAll(async () => {
  await a.drop()
  await b.drop()
  await rm(dir, { recursive: true, force: true })
})
beforeEach(async () => {
  await emptyDatabase(a)
  await emptyDatabase(b)
})

const depsOf = (db: TestDb): Deps => ({
  db,
  clock: new TestClock(),
  config: loadConfig({ NODE_ENV: 'test' }),
  mailer: { send: async () => {} },
})

async function run(command: typeof importCommand, db: TestDb, positionals: string[], values = {}) {
  const out: string[] = []
  const err: string[] = []
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err.push(String(chunk))
    return true
  })
  try {
    const code = await command.run({ deps: depsOf(db), values, positionals, log: (m) => out.push(m) })
    return { code, out: out.join('\n'), err: err.join('') }
  } finally {
    spy.mockRestore()
  }
}

const detailOf = (row: { detail: unknown }) =>
  (typeof row.detail === 'string' ? JSON.parse(row.detail) : row.detail) as Record<string, unknown> & {
    files: unknown[]
  }

async function readFolder(folder: string) {
  const files: Record<string, string> = {}
  for (const name of (await readdir(folder)).sort()) files[name] = await readFile(join(folder, name), 'utf8')
  return files
}

describe('jalon import / jalon export', () => {
  it('import → export → import into an empty database → export: the two folders are byte-identical', async () => {
    const imported = await run(importCommand, a, [EXAMPLE_BUNDLE])
    expect(imported.code).toBe(0)
    expect(imported.out).toMatch(/^Import terminé dans la structure « ml-littoral » \(créée\) : 180 lignes en /)
    expect(imported.err).toContain('  persons.csv : 4 lignes (créées 4, modifiées 0, inchangées 0)')
    const first = join(dir, 'first')
    const second = join(dir, 'second')
    expect((await run(exportCommand, a, [first])).code).toBe(0)
    expect((await run(importCommand, b, [first])).code).toBe(0)
    expect((await run(exportCommand, b, [second])).code).toBe(0)
    expect(await readFolder(second)).toEqual(await readFolder(first))
    const audit = await b.kysely.selectFrom('audit_event').select(['action', 'detail']).orderBy('id').execute()
    expect(audit.map((r) => r.action)).toEqual(['exchange.import', 'exchange.export'])
    // the export's line names the scope, each file with its rows, and where it went
    const exported = detailOf(audit[1]!)
    expect(exported).toMatchObject({ scope: 'all', via: 'cli', folder: second, rows: 180 })
    expect(exported.files).toContainEqual({ file: 'persons.csv', rows: 4 })
    expect(exported.files).toHaveLength(exchangeEntities().length)
    expect(detailOf(audit[0]!)).toMatchObject({ scope: 'all', dryRun: false, via: 'cli', folder: first, rows: 180 })
  })

  it('a refused bundle: the errors on stderr, exit code 1, nothing imported', async () => {
    const bad = join(dir, 'bad')
    await rm(bad, { recursive: true, force: true })
    await run(importCommand, a, [EXAMPLE_BUNDLE])
    await run(exportCommand, a, [bad])
    await emptyDatabase(a)
    const persons = await readFile(join(bad, 'persons.csv'), 'utf8')
    await writeFile(join(bad, 'persons.csv'), persons.replace('1991-04-12', '12/04/1991'))
    const res = await run(importCommand, a, [bad])
    expect(res.code).toBe(1)
    expect(res.err).toContain(
      'persons.csv, ligne 3, colonne birth_date : date invalide « 12/04/1991 » (attendu AAAA-MM-JJ)\n' +
        'Import refusé : 1 erreur, rien n’a été importé.\n',
    )
    expect(await tableCounts(a)).toMatchObject({ structure: 0, site: 0, person: 0, proposition_theme: 7 })
    // the refusal is on the audit trail (written after the rollback), located, without the cell's value
    const [line] = await a.kysely
      .selectFrom('audit_event')
      .select(['actor_label', 'detail'])
      .where('action', '=', 'exchange.import_failed')
      .execute()
    expect(line!.actor_label).toBe('ligne de commande')
    expect(detailOf(line!)).toMatchObject({
      scope: 'all',
      dryRun: false,
      via: 'cli',
      folder: bad,
      errors: 1,
      at: [{ file: 'persons.csv', line: 3, column: 'birth_date' }],
    })
    expect(detailOf(line!).files).toContain('persons.csv')
    expect(JSON.stringify(line)).not.toContain('12/04/1991')
  })

  it('a dry run checks the bundle and records nothing', async () => {
    const res = await run(importCommand, a, [EXAMPLE_BUNDLE], { 'dry-run': true })
    expect(res.code).toBe(0)
    expect(res.out).toBe('Vérification terminée : le lot est valide (rien n’a été enregistré).')
    expect(await tableCounts(a)).toMatchObject({ structure: 0, person: 0 })
    const lines = await a.kysely
      .selectFrom('audit_event')
      .select(['structure_id', 'detail'])
      .where('action', '=', 'exchange.import')
      .orderBy('id', 'desc')
      .limit(1)
      .execute()
    // recorded after the rollback; the structure it would have created does not exist, so the line names none
    expect(lines[0]!.structure_id).toBeNull()
    expect(detailOf(lines[0]!)).toMatchObject({ scope: 'all', dryRun: true, via: 'cli', rows: 180 })
  })

  it('prints the warnings after the summary: imported, but the annual report would count no one', async () => {
    const folder = join(dir, 'no-ml')
    await rm(folder, { recursive: true, force: true })
    await run(importCommand, a, [EXAMPLE_BUNDLE])
    await run(exportCommand, a, [folder])
    await emptyDatabase(a)
    const enrolments = await readFile(join(folder, 'enrolments.csv'), 'utf8')
    await writeFile(join(folder, 'enrolments.csv'), enrolments.replace(/^EN-[456],.*\n/gm, ''))
    const res = await run(importCommand, a, [folder])
    expect(res.code).toBe(0)
    const [summary, title, warning, ...rest] = res.out.split('\n')
    expect(summary).toMatch(/^Import terminé dans la structure « ml-littoral » \(créée\) : 177 lignes en /)
    expect(title).toBe('Un avertissement (le lot est importé tout de même) :')
    expect(warning).toMatch(/^ {2}Attention : persons\.csv : 4 personnes importées, mais aucune n’a d’inscription/)
    expect(rest).toEqual([])
    expect(await tableCounts(a)).toMatchObject({ person: 4, enrolment: 3 })
  })

  it('says how to call it', async () => {
    expect((await run(importCommand, a, [])).code).toBe(2)
    expect((await run(exportCommand, a, [])).code).toBe(2)
    const res = await run(exportCommand, a, [join(dir, 'none')], { structure: 'nulle-part' })
    expect(res).toMatchObject({ code: 1, out: 'Structure « nulle-part » introuvable (structures : aucune).' })
  })
})
