// Resident memory of the server (issue 9): during the first start with the 2009 data set, idle after a restart, and
// under load (the annual report and searches at the same time), on PGlite and on PostgreSQL.
//   npx tsx bench/memory.ts [pglite|postgres ...]
// The server is started as `npm start` does (`tsx src/server/main.ts`, DEMO=auto) on a fresh PGlite folder or a fresh
// PostgreSQL database; its node process's VmRSS (now) and VmHWM (peak) are read from /proc (Linux). PostgreSQL's own
// processes are not counted: on PGlite the database runs inside the node process, so its memory is in the figure.
// PGLITE_SHARED_BUFFERS (src/server/config.ts) passes through to the server.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { DEMO_PASSWORD } from '../src/server/demo/demo-organisation.ts'
import { freePort, signIn, sleep } from './bench-http.ts'

/**
 * the server's node process in the child's process group (npx → tsx's launcher → node running main.ts: the launcher's
 * command line names main.ts too, so the largest of them), and its memory in MB
 */
function serverMemory(pgid: number): { rss: number; peak: number } | undefined {
  let best: { rss: number; peak: number } | undefined
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (Number(f[2]) !== pgid) continue
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8')
      if (!cmd.includes('main.ts') || cmd.includes('npx')) continue
      const status = readFileSync(`/proc/${entry}/status`, 'utf8')
      const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
      const m = { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) }
      if (!best || m.rss > best.rss) best = m
    } catch {}
  }
  return best
}

async function start(env: NodeJS.ProcessEnv, port: number, until: (out: string) => boolean) {
  const child = spawn('npx', ['tsx', 'src/server/main.ts'], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout!.on('data', (c: Buffer) => {
    out += c.toString()
  })
  child.stderr!.on('data', (c: Buffer) => {
    out += c.toString()
  })
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server stopped: ${out.slice(-2000)}`)
    if (until(out))
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health`)).status === 200) return child
      } catch {}
    await sleep(200)
  }
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.pid === undefined) return
  const exited = new Promise((r) => child.once('exit', r))
  process.kill(-child.pid, 'SIGTERM')
  await Promise.race([exited, sleep(20_000)])
}

/** the annual report twice and 200 searches by 10 clients, all at once; the peak is read while they run */
async function load(base: string, pgid: number): Promise<number> {
  const director = (await signIn(base, 'direction@demo.jalon.fr', DEMO_PASSWORD)).cookie
  const counsellor = (await signIn(base, 'conseiller@demo.jalon.fr', DEMO_PASSWORD)).cookie
  let peak = 0
  let running = true
  const sampler = (async () => {
    while (running) {
      peak = Math.max(peak, serverMemory(pgid)?.rss ?? 0)
      await sleep(100)
    }
  })()
  const get = async (path: string, cookie: string) => {
    const res = await fetch(`${base}${path}`, { headers: { cookie } })
    await res.arrayBuffer()
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`)
  }
  const names = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon']
  await Promise.all([
    get('/api/reports/annual?from=2009-01-01&to=2009-12-31', director),
    get('/api/reports/annual?from=2009-01-01&to=2009-12-31&format=xlsx', director).catch(() => {}),
    ...names.map(async (n) => {
      for (let i = 0; i < 20; i++) await get(`/api/persons?q=${n}`, counsellor)
    }),
  ])
  running = false
  await sampler
  return peak
}

async function measure(kind: 'pglite' | 'postgres') {
  const port = await freePort()
  const dir = mkdtempSync(join(tmpdir(), 'jalon-memory-'))
  const admin = process.env.JALON_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
  const name = `jalon_memory_${process.pid}`
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    DEMO: 'auto',
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  }
  delete env.DATABASE_URL
  if (kind === 'pglite') env.PGLITE_DIR = join(dir, 'pglite')
  else {
    const c = new pg.Client({ connectionString: admin })
    await c.connect()
    await c.query(`CREATE DATABASE ${name}`)
    await c.end()
    const url = new URL(admin)
    url.pathname = `/${name}`
    env.DATABASE_URL = url.toString()
  }
  try {
    let child = await start(env, port, (out) => out.includes('Jalon est prêt'))
    const first = serverMemory(child.pid!)!
    await stop(child)
    child = await start(env, port, (out) => out.includes('Jalon est prêt'))
    await sleep(10_000)
    const idle = serverMemory(child.pid!)!
    const underLoad = await load(`http://127.0.0.1:${port}`, child.pid!)
    await sleep(5_000)
    const after = serverMemory(child.pid!)!
    await stop(child)
    return { first: first.peak, idle: idle.rss, underLoad, after: after.rss, peak: after.peak }
  } finally {
    rmSync(dir, { recursive: true, force: true })
    if (kind === 'postgres') {
      const c = new pg.Client({ connectionString: admin })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await c.end()
    }
  }
}

const kinds = (process.argv.slice(2).length ? process.argv.slice(2) : ['pglite', 'postgres']) as (
  | 'pglite'
  | 'postgres'
)[]
console.log(`load average ${loadavg()[0].toFixed(1)} on ${cpus().length} processors`)
console.log(
  '| database | first start, peak | idle after a restart | under load, peak | 5 s after the load | peak of the process |',
)
console.log('| --- | ---: | ---: | ---: | ---: | ---: |')
for (const kind of kinds) {
  const m = await measure(kind)
  console.log(`| ${kind} | ${m.first} MB | ${m.idle} MB | ${m.underLoad} MB | ${m.after} MB | ${m.peak} MB |`)
}
