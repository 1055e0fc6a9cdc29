import { type ChildProcess, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { migratedPgliteFolder, testDbKind } from '../test/test-db.ts'
import { type Db, openDatabase } from './database.ts'
import { FolderHeldError, LOCK_FILE } from './pglite-lock.ts'

// Issue 7, item 4: the server running on PGLITE_DIR and `jalon import` on the same folder both wrote to it, and the folder
// never opened again. Each test holds a folder in a real second process (pglite-lock.child.ts), as the server would.

const root = fileURLToPath(new URL('../../..', import.meta.url))
const holderScript = fileURLToPath(new URL('./pglite-lock.child.ts', import.meta.url))
const folders: string[] = []
const children: ChildProcess[] = []
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
  await Promise.all(children.map(exited))
  for (const f of folders) rmSync(f, { recursive: true, force: true })
})
// a process opens a folder in seconds on a quiet machine, a minute on a busy one: a generous ceiling per test
const SLOW = { timeout: 900_000 }

function tempFolder() {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'jalon-lock-'))) // messages name the real path
  folders.push(base)
  return join(base, 'pglite')
}

/** A folder holding a database, as a server leaves it (from the run's migrated dump: no initdb in each process). */
async function databaseFolder() {
  const dir = tempFolder()
  await migratedPgliteFolder(dir)
  return dir
}

/** Every file of the folder and the hash of its bytes: equal snapshots = nothing written, created or removed. */
function snapshot(dir: string, top = dir): Record<string, string> {
  const out: Record<string, string> = {}
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name)
    if (e.isDirectory()) Object.assign(out, snapshot(path, top))
    else out[relative(top, path)] = createHash('sha256').update(readFileSync(path)).digest('hex')
  }
  return out
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode)
    else child.once('exit', (code) => resolve(code))
  })

/** A second node process that opens `dir`, writes `value` and keeps the folder open. */
function holdFolder(dir: string, value: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', holderScript, dir, value], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let stderr = ''
  child.stderr?.on('data', (c: Buffer) => {
    stderr += c.toString()
  })
  return new Promise<ChildProcess>((resolve, reject) => {
    child.stdout?.on('data', (c: Buffer) => {
      if (c.toString().includes('ready')) resolve(child)
    })
    child.once('exit', (code) => reject(new Error(`le processus témoin s’est arrêté (${code}) : ${stderr}`)))
  })
}

/** The real `jalon` CLI on `dir`. */
function jalon(dir: string, args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: dir, NODE_ENV: 'test', DEMO: 'off' }
  delete env.DATABASE_URL
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (c: Buffer) => {
    stdout += c.toString()
  })
  child.stderr?.on('data', (c: Buffer) => {
    stderr += c.toString()
  })
  return exited(child).then((code) => ({ code, stdout, stderr }))
}

async function keptValues(db: Db) {
  const r = await sql<{ value: string }>`SELECT value FROM kept ORDER BY value`.execute(db.kysely)
  return r.rows.map((row) => row.value)
}

describe.skipIf(testDbKind === 'postgres')('PGlite folder lock (PGlite only: PostgreSQL serves many processes)', () => {
  it(
    'refuses a folder another process holds, naming that process, and takes it over once that process was killed',
    SLOW,
    async () => {
      const dir = await databaseFolder()
      const holder = await holdFolder(dir, 'écrit par le premier processus')
      const before = snapshot(dir)

      const refused = openDatabase({ pgliteDir: dir })
      await expect(refused).rejects.toBeInstanceOf(FolderHeldError)
      await expect(refused).rejects.toThrow(`est déjà ouvert par le processus ${holder.pid}`)
      await expect(refused).rejects.toThrow('pglite-lock.child.ts')
      expect(snapshot(dir)).toEqual(before)

      // kill -9: no chance to close the database nor remove the lock
      holder.kill('SIGKILL')
      await exited(holder)
      expect(existsSync(join(dir, LOCK_FILE))).toBe(true)

      const logs: string[] = []
      const db = await openDatabase({ pgliteDir: dir, log: (m) => logs.push(m) })
      try {
        expect(logs).toEqual([expect.stringContaining(`Verrou périmé repris sur ${dir}`)])
        expect(logs[0]).toContain(`le processus ${holder.pid}`)
        expect(await keptValues(db)).toEqual(['écrit par le premier processus'])
        expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid)
        // the same process does not open it twice either
        await expect(openDatabase({ pgliteDir: dir })).rejects.toThrow('est déjà ouvert par ce processus-ci')
        expect(await keptValues(db)).toEqual(['écrit par le premier processus'])
      } finally {
        await db.close()
      }
      expect(existsSync(join(dir, LOCK_FILE))).toBe(false)
    },
  )

  it(
    'jalon migrate and jalon import on a folder the server holds exit non-zero, say what to do, touch nothing',
    SLOW,
    async () => {
      const dir = await databaseFolder()
      const holder = await holdFolder(dir, 'écrit par le serveur')
      const before = snapshot(dir)

      const migrate = await jalon(dir, ['migrate'])
      expect(migrate.code).toBe(1)
      expect(migrate.stderr).toContain(`est déjà ouvert par le processus ${holder.pid}`)
      expect(migrate.stderr).toContain('Le serveur applique les migrations à chaque démarrage')
      expect(migrate.stderr).toContain('DATABASE_URL')
      const imported = await jalon(dir, ['import', join(root, 'docs')])
      expect(imported.code).toBe(1)
      expect(imported.stderr).toContain(`est déjà ouvert par le processus ${holder.pid}`)
      expect(imported.stderr).toContain('POST /api/exchange/import')
      expect(snapshot(dir)).toEqual(before)

      // the holder stops as the server does on SIGTERM: it closes the database and releases the folder
      holder.kill('SIGTERM')
      expect(await exited(holder)).toBe(0)
      expect(existsSync(join(dir, LOCK_FILE))).toBe(false)

      const logs: string[] = []
      const db = await openDatabase({ pgliteDir: dir, log: (m) => logs.push(m) })
      try {
        expect(await keptValues(db)).toEqual(['écrit par le serveur'])
        expect(logs).toEqual([])
      } finally {
        await db.close()
      }
    },
  )

  it('never takes over a lock written on another machine: it names the machine and the file to remove', async () => {
    const dir = tempFolder()
    mkdirSync(dir, { recursive: true })
    const lock = join(dir, LOCK_FILE)
    const foreign = JSON.stringify({
      pid: process.pid,
      hostname: `${hostname()}-ailleurs`,
      startedAt: '2026-01-05T08:00:00.000Z',
      command: 'src/server/main.ts',
    })
    writeFileSync(lock, foreign)
    await expect(openDatabase({ pgliteDir: dir })).rejects.toThrow(
      `sur la machine ${hostname()}-ailleurs (commande « src/server/main.ts »`,
    )
    await expect(openDatabase({ pgliteDir: dir })).rejects.toThrow(`supprimez le fichier ${lock}`)
    expect(readFileSync(lock, 'utf8')).toBe(foreign)
    expect(readdirSync(dir)).toEqual([LOCK_FILE])
  })
})
