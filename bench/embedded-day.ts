// A small structure's day on the embedded database (issue 9: "100 concurrent clients with no request waiting over 5 s").
// The server is started as `npm start` does on a fresh PGlite folder (demo and 2009 data set), then N clients (default
// 100) work at a counsellor's pace for --duration seconds: search a name, open the file, read its events, and one time
// in five record an interview (a write transaction); think 1–5 s between requests. Meanwhile a director asks for the
// annual report every --report-every seconds (the longest read). Prints, per kind of request, p50/p95/p99/max, the
// share over 5 s, errors and timeouts (30 s), with the machine's load.
//   npx tsx bench/embedded-day.ts [--clients 100] [--duration 60] [--report-every 15] [--think 1-5]
// PGLITE_SHARED_BUFFERS and other server settings pass through from the environment.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { DEMO_PASSWORD } from '../src/server/demo/demo-organisation.ts'
import { freePort, signIn, sleep } from './bench-http.ts'

const { values: opts } = parseArgs({
  options: {
    clients: { type: 'string', default: '100' },
    duration: { type: 'string', default: '60' },
    'report-every': { type: 'string', default: '15' },
    think: { type: 'string', default: '1-5' },
  },
})
const CLIENTS = Number(opts.clients)
const DURATION_MS = Number(opts.duration) * 1000
const REPORT_EVERY_MS = Number(opts['report-every']) * 1000
const [THINK_MIN, THINK_MAX] = opts.think.split('-').map((s) => Number(s) * 1000)
const TIMEOUT_MS = 30_000
const SLOW_MS = 5_000

async function startServer(dir: string, port: number): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    DEMO: 'auto',
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    PGLITE_DIR: join(dir, 'pglite'),
    // a hundred clients behind one address: the per-address sign-in limit is not what is measured
    SIGNIN_PER_ADDRESS_PER_MINUTE: '10000',
  }
  delete env.DATABASE_URL
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
    if (out.includes('Jalon est prêt')) return child
    await sleep(200)
  }
}

interface Tally {
  times: number[]
  errors: number
  timeouts: number
}
const tallies: Record<string, Tally> = {}
async function timed(kind: string, url: string, init: RequestInit): Promise<unknown> {
  tallies[kind] ??= { times: [], errors: 0, timeouts: 0 }
  const t = tallies[kind]
  const t0 = performance.now()
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) })
    const body = res.headers.get('content-type')?.includes('json') ? await res.json() : await res.arrayBuffer()
    t.times.push(performance.now() - t0)
    if (res.status >= 400) t.errors++
    return res.status < 400 ? body : undefined
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') t.timeouts++
    else t.errors++
    return undefined
  }
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : Number.NaN
}
const ms = (x: number) => (Number.isNaN(x) ? '—' : `${Math.round(x).toLocaleString('fr-FR')} ms`)

const port = await freePort()
const base = `http://127.0.0.1:${port}`
const dir = mkdtempSync(join(tmpdir(), 'jalon-embedded-day-'))
console.log(
  `starting the server on PGlite (first start with the 2009 data set)… load average ${loadavg()[0].toFixed(1)}`,
)
const server = await startServer(dir, port)
try {
  const counsellor = await signIn(base, 'conseiller@demo.jalon.fr', DEMO_PASSWORD)
  const director = await signIn(base, 'direction@demo.jalon.fr', DEMO_PASSWORD)
  // names to search: the counsellor's own caseload and search pages
  const names: { id: string; name: string }[] = []
  for (const q of ['ma', 'le', 'da', 'ro', 'be', 'mo', 'la', 'du']) {
    const page = (await timed('setup', `${base}/api/persons?q=${q}`, { headers: { cookie: counsellor.cookie } })) as {
      items?: { id: string; lastName: string; firstName: string }[]
    }
    for (const p of page?.items ?? []) names.push({ id: p.id, name: `${p.firstName} ${p.lastName}` })
  }
  if (!names.length) throw new Error('no person found to search')
  delete tallies.setup
  console.log(
    `${names.length} names; ${CLIENTS} clients for ${DURATION_MS / 1000} s (load average ${loadavg()[0].toFixed(1)})`,
  )
  const end = Date.now() + DURATION_MS
  const think = () => sleep(THINK_MIN + Math.random() * (THINK_MAX - THINK_MIN))
  const client = async () => {
    await sleep(Math.random() * THINK_MAX)
    while (Date.now() < end) {
      const who = names[Math.floor(Math.random() * names.length)]
      const headers = { cookie: counsellor.cookie }
      await timed('search', `${base}/api/persons?q=${encodeURIComponent(who.name)}`, { headers })
      await think()
      await timed('file', `${base}/api/persons/${who.id}`, { headers })
      await timed('events', `${base}/api/persons/${who.id}/events`, { headers })
      if (Math.random() < 0.2) {
        await think()
        await timed('write an interview', `${base}/api/persons/${who.id}/events`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json', 'x-csrf-token': counsellor.csrf },
          body: JSON.stringify({ kind: 'individual_interview', date: new Date().toISOString().slice(0, 10) }),
        })
      }
      await think()
    }
  }
  const reports = async () => {
    while (Date.now() < end) {
      await timed('annual report', `${base}/api/reports/annual?from=2009-01-01&to=2009-12-31`, {
        headers: { cookie: director.cookie },
      })
      await sleep(REPORT_EVERY_MS)
    }
  }
  await Promise.all([...Array.from({ length: CLIENTS }, client), reports()])
  console.log(
    `\n${CLIENTS} clients, ${DURATION_MS / 1000} s, load average ${loadavg()[0].toFixed(1)} on ${cpus().length} processors`,
  )
  console.log('| request | n | p50 | p95 | p99 | max | over 5 s | errors | timeouts (30 s) |')
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
  for (const [kind, t] of Object.entries(tallies)) {
    const slow = t.times.filter((x) => x > SLOW_MS).length
    console.log(
      `| ${kind} | ${t.times.length} | ${ms(pct(t.times, 50))} | ${ms(pct(t.times, 95))} | ${ms(pct(t.times, 99))} | ${ms(Math.max(...t.times))} | ${slow} | ${t.errors} | ${t.timeouts} |`,
    )
  }
} finally {
  if (server.pid) process.kill(-server.pid, 'SIGTERM')
  await new Promise((r) => server.once('exit', r))
  rmSync(dir, { recursive: true, force: true })
}
