// The first start as a user sees it: `npx tsx src/server/main.ts` on an empty database (DEMO=auto, NODE_ENV=development),
// timed until GET /api/health answers 200 with the demo organisation and the 2009 data set loaded (main.ts loads them
// before it listens, and prints "Données 2009 chargées" once they are in). Then the server is stopped.
//   npx tsx bench/first-start.ts [pglite|postgres ...] [--runs N] [--cold]   (default: pglite, 1 run; N runs → the median)
// A PGlite first start copies the demo template of node_modules/.cache/jalon (src/server/demo/demo-template.ts: the
// migrated database with the demo organisation and the 2009 data set), built by the first start that lacks it, then
// writes the day's demo rows; --cold removes the cache before each run: the very first start after an install.
// PostgreSQL: JALON_BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres); a database is created and
// dropped for each run. PGlite: a fresh temporary folder for each run, removed afterwards.
// Each line the server prints is shown with the second it appeared at, so the steps can be read off.
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { DEFAULT_TEMPLATE_CACHE } from '../src/server/db/pglite-template.ts'

const LOADED = 'Données 2009 chargées'
const TIMEOUT_MS = 15 * 60_000

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Processor seconds used so far by the server's process group (npx, tsx, node; Linux /proc, else undefined). On a busy
 * machine the wall time stretches with the load; this figure much less, and it bounds what an idle machine takes.
 */
function groupCpuSeconds(pgid: number): number | undefined {
  if (!existsSync('/proc/self/stat')) return undefined
  let ticks = 0
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    let stat: string
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
    } catch {
      continue // gone meanwhile
    }
    // after the command name in parentheses: state ppid pgrp … utime(14) stime(15) cutime(16) cstime(17)
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    if (Number(f[2]) !== pgid) continue
    ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])
  }
  return ticks / TICKS_PER_SECOND
}
const TICKS_PER_SECOND = 100

async function healthy(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2000) })
    await res.arrayBuffer()
    return res.status === 200
  } catch {
    return false
  }
}

/** stops the server's whole process group (npx → tsx → node) and waits for it */
async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.pid === undefined) return
  const exited = new Promise((r) => child.once('exit', r))
  try {
    process.kill(-child.pid, 'SIGTERM')
  } catch {}
  const done = await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)])
  if (!done)
    try {
      process.kill(-child.pid, 'SIGKILL')
    } catch {}
}

async function postgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = process.env.JALON_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
  const name = `jalon_first_start_${process.pid}_${Date.now()}`
  const run = async (query: string) => {
    const c = new pg.Client({ connectionString: admin })
    await c.connect()
    try {
      await c.query(query)
    } finally {
      await c.end()
    }
  }
  await run(`CREATE DATABASE ${name}`)
  const url = new URL(admin)
  url.pathname = `/${name}`
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) }
}

/** one first start: the seconds until the server answered with the data set loaded, and the processor seconds */
async function firstStart(kind: string): Promise<{ seconds: number; cpu?: number }> {
  const port = await freePort()
  const dir = kind === 'pglite' ? mkdtempSync(join(tmpdir(), 'jalon-first-start-')) : undefined
  const database = kind === 'postgres' ? await postgresDatabase() : undefined
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    DEMO: 'auto',
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  }
  delete env.DATABASE_URL
  delete env.MIGRATION_DATABASE_URL
  if (dir) env.PGLITE_DIR = join(dir, 'pglite')
  if (database) env.DATABASE_URL = database.url
  const t0 = performance.now()
  const child = spawn('npx', ['tsx', 'src/server/main.ts'], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  const cpu = () => (child.pid === undefined ? undefined : groupCpuSeconds(child.pid))
  const at = () => {
    const c = cpu()
    return `${((performance.now() - t0) / 1000).toFixed(1).padStart(5)} s${c === undefined ? '' : ` (${c.toFixed(1).padStart(5)} s CPU)`}`
  }
  let loaded = false
  let output = ''
  const show = (chunk: Buffer) => {
    const text = chunk.toString()
    output += text
    for (const line of text.split('\n')) if (line.trim()) console.log(`  ${at()}  ${line}`)
    if (output.includes(LOADED)) loaded = true
  }
  child.stdout!.on('data', show)
  child.stderr!.on('data', show)
  try {
    while (!(loaded && (await healthy(port)))) {
      if (child.exitCode !== null) throw new Error(`the server stopped (code ${child.exitCode}) before answering`)
      if (performance.now() - t0 > TIMEOUT_MS) throw new Error('no answer within 15 minutes')
      await sleep(100)
    }
    return { seconds: (performance.now() - t0) / 1000, cpu: cpu() }
  } finally {
    await stop(child)
    if (dir) rmSync(dir, { recursive: true, force: true })
    await database?.drop()
  }
}

let runs = 1
let cold = false
const kinds: string[] = []
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i]
  if (a === '--runs') runs = Number(process.argv[++i])
  else if (a === '--cold') cold = true
  else kinds.push(a)
}
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs N: a whole number of runs, at least 1')
for (const kind of kinds.length ? kinds : ['pglite']) {
  if (kind !== 'pglite' && kind !== 'postgres') throw new Error(`unknown database kind: ${kind} (pglite or postgres)`)
  const seconds: number[] = []
  for (let r = 1; r <= runs; r++) {
    console.log(
      `\n== ${kind}${cold && kind === 'pglite' ? ' (cold: no template)' : ''}, run ${r}/${runs} (load average ${loadavg()[0].toFixed(1)} on ${cpus().length} processors)`,
    )
    if (cold && kind === 'pglite') rmSync(DEFAULT_TEMPLATE_CACHE, { recursive: true, force: true })
    const { seconds: s, cpu } = await firstStart(kind)
    seconds.push(s)
    const used = cpu === undefined ? '' : ` (${cpu.toFixed(1)} s of processor time)`
    console.log(`== ${kind}: answering with the 2009 data set after ${s.toFixed(1)} s${used}`)
  }
  const sorted = [...seconds].sort((a, b) => a - b)
  const median = (sorted[Math.floor((runs - 1) / 2)] + sorted[Math.floor(runs / 2)]) / 2
  if (runs > 1)
    console.log(
      `\n== ${kind}: median ${median.toFixed(1)} s over ${runs} runs ` +
        `(${sorted.map((s) => s.toFixed(1)).join(', ')})`,
    )
}
