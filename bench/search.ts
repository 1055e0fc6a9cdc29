// Name search and person file under many counsellors at once (issue 9). The real server (src/server/main.ts, as
// `npm start` runs it) is started in a child process on PostgreSQL; N clients (default 100) each, in a loop: search a
// real person's name drawn from the user's scope (a typo inserted in a share of the searches), open the file of the
// person sought (or of the first answer), think 1–5 s. Then the same clients without think time (the saturated
// figure). Half the clients are a counsellor, half a director. Prints p50/p95/p99, the errors and the throughput per
// request kind and phase, how often the person sought was on the first page, the machine's load and the server's
// processor time. Two sessions serve all the clients: the session cache (auth/session.cache.ts) is hit more often
// than with a hundred users.
//
//   npx tsx bench/search.ts                                  # a fresh database with the 2009 data set, dropped after
//   npx tsx bench/search.ts --url postgres://…/jalon_national # an existing database (bench/national.ts builds one)
//   options: --clients 100  --duration 60 (s, with think time)  --saturated 20 (s, 0: skip)  --think 1-5 (s)
//            --typos 0.3 (share of searches with a typo)  --keep (keep the fresh database, print its URL)
//            --counsellor conseiller@demo.jalon.fr  --director direction@demo.jalon.fr  --password (the demo's)
//
// A fresh database is created on JALON_BENCH_PG_URL's server (default postgres://postgres@127.0.0.1:5432/postgres) and
// filled by the server's own first start (migrations, demo and 2009 data set). With --url the server migrates the
// database at start, as `npm start` does (so the search's indexes are there), and loads nothing.
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { cpus, loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { DEMO_PASSWORD } from '../src/server/demo/demo-organisation.ts'

const { values: opts } = parseArgs({
  options: {
    url: { type: 'string' },
    clients: { type: 'string', default: '100' },
    duration: { type: 'string', default: '60' },
    saturated: { type: 'string', default: '20' },
    think: { type: 'string', default: '1-5' },
    typos: { type: 'string', default: '0.3' },
    keep: { type: 'boolean', default: false },
    counsellor: { type: 'string', default: 'conseiller@demo.jalon.fr' },
    director: { type: 'string', default: 'direction@demo.jalon.fr' },
    password: { type: 'string', default: DEMO_PASSWORD },
  },
})
const CLIENTS = Number(opts.clients)
const DURATION_S = Number(opts.duration)
const SATURATED_S = Number(opts.saturated)
const [THINK_MIN_S, THINK_MAX_S] = opts.think.split('-').map(Number)
const TYPO_SHARE = Number(opts.typos)
if (!(CLIENTS >= 1 && DURATION_S >= 0 && SATURATED_S >= 0 && THINK_MAX_S >= THINK_MIN_S && TYPO_SHARE >= 0))
  throw new Error('--clients ≥ 1, --duration and --saturated ≥ 0 seconds, --think min-max, --typos between 0 and 1')
const REQUEST_TIMEOUT_MS = 30_000
const SAMPLE = 2000

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })

// --- the database ------------------------------------------------------------------------------------------------
async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = process.env.JALON_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
  const name = `jalon_bench_search_${process.pid}`
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

interface Named {
  lastName: string
  firstName: string
}

/** Persons the user may see (their sites, or the whole structure for a director), drawn at random. */
async function namesFor(url: string, email: string): Promise<Named[]> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    const { rows } = await c.query<{ last_name: string; first_name: string }>(
      `SELECT p.last_name, p.first_name FROM app_user u JOIN person p ON p.structure_id = u.structure_id
       WHERE u.email = $1 AND (u.role = 'director' OR p.referent_id = u.id
         OR p.site_id IN (SELECT site_id FROM user_site WHERE user_id = u.id))
       ORDER BY random() LIMIT ${SAMPLE}`,
      [email],
    )
    if (!rows.length) throw new Error(`${email}: no such user, or no person in their scope`)
    return rows.map((r) => ({ lastName: r.last_name, firstName: r.first_name }))
  } finally {
    await c.end()
  }
}

async function databaseFacts(url: string) {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    const { rows } = await c.query<{ persons: number; structures: number; size: string }>(
      `SELECT (SELECT count(*) FROM person)::int AS persons, (SELECT count(*) FROM structure)::int AS structures,
              pg_size_pretty(pg_database_size(current_database())) AS size`,
    )
    return rows[0]
  } finally {
    await c.end()
  }
}

// --- the server --------------------------------------------------------------------------------------------------
function processorSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined || !existsSync(`/proc/${pid}/stat`)) return undefined
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(f[11]) + Number(f[12])) / 100 // utime + stime, in ticks of 1/100 s
}

async function startServer(url: string, fresh: boolean): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort()
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: url,
    DEMO: fresh ? 'auto' : 'off',
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  }
  delete env.MIGRATION_DATABASE_URL
  delete env.REPORT_DATABASE_URL
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  child.stdout!.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n'))
      if (/Migrations|Données 2009|prêt/.test(line)) console.log(`  serveur : ${line.trim()}`)
  })
  const base = `http://127.0.0.1:${port}`
  const t0 = performance.now()
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server stopped (code ${child.exitCode}) before answering`)
    if (performance.now() - t0 > 15 * 60_000) throw new Error('the server did not answer within 15 minutes')
    try {
      const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2000) })
      await res.arrayBuffer()
      if (res.status === 200) return { child, base }
    } catch {}
    await sleep(200)
  }
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null || child.pid === undefined) return
  const exited = new Promise((r) => child.once('exit', r))
  try {
    process.kill(-child.pid, 'SIGTERM')
  } catch {}
  if (!(await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)])))
    try {
      process.kill(-child.pid, 'SIGKILL')
    } catch {}
}

// --- a signed-in user --------------------------------------------------------------------------------------------
const cookiesOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .filter((c) => !c.endsWith('='))

async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`)
  const { token } = (await csrf.json()) as { token: string }
  const res = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie: cookiesOf(csrf).join('; ') },
    body: JSON.stringify({ email, password }),
  })
  if (res.status !== 200) throw new Error(`sign-in of ${email}: ${res.status} ${await res.text()}`)
  const session = cookiesOf(res).find((c) => c.startsWith('jalon_session='))
  if (!session) throw new Error(`sign-in of ${email}: no session cookie`)
  return session
}

// --- what a counsellor types -------------------------------------------------------------------------------------
const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)]

/** One slip of the finger in the longest word (5 letters or more): a letter dropped, doubled, swapped or replaced. */
function withTypo(name: string): string {
  const words = name.split(' ')
  const w = words.reduce((best, word, i) => (word.length > words[best].length ? i : best), 0)
  const word = words[w]
  if (word.length < 5) return name
  const i = 1 + Math.floor(Math.random() * (word.length - 2))
  const slips = [
    () => word.slice(0, i) + word.slice(i + 1),
    () => word.slice(0, i) + word[i] + word.slice(i),
    () => word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2),
    () => word.slice(0, i) + pick([...'aeiouy']) + word.slice(i + 1),
  ]
  words[w] = pick(slips)()
  return words.join(' ')
}

/** "Nom Prénom" mostly, sometimes the last name alone or "Prénom Nom"; a typo in the last name in a share of them. */
function queryFor(p: Named): { q: string; typo: boolean } {
  const typo = Math.random() < TYPO_SHARE
  const last = typo ? withTypo(p.lastName) : p.lastName
  const r = Math.random()
  const q = r < 0.6 ? `${last} ${p.firstName}` : r < 0.8 ? last : `${p.firstName} ${last}`
  return { q, typo }
}

// --- measures ----------------------------------------------------------------------------------------------------
interface Tally {
  times: number[]
  errors: Map<string, number>
}
const tally = (): Tally => ({ times: [], errors: new Map() })
const kinds = ['search', 'file'] as const
type Kind = (typeof kinds)[number]

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : Number.NaN
const ms = (x: number) => (Number.isNaN(x) ? '—' : `${x < 10 ? x.toFixed(1) : Math.round(x)} ms`)

async function timed(t: Tally, url: string, cookie: string): Promise<unknown> {
  const t0 = performance.now()
  try {
    const res = await fetch(url, { headers: { cookie }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })
    const body = await res.json()
    t.times.push(performance.now() - t0)
    if (res.status !== 200) {
      const key = String(res.status)
      t.errors.set(key, (t.errors.get(key) ?? 0) + 1)
      return undefined
    }
    return body
  } catch (error) {
    const key = error instanceof Error ? error.name : 'error'
    t.errors.set(key, (t.errors.get(key) ?? 0) + 1)
    return undefined
  }
}

interface PhaseResult {
  name: string
  seconds: number
  tallies: Record<Kind, Tally>
  searches: number
  found: number
  typos: number
  typosFound: number
  cpu?: number
  load: number
}

async function phase(
  name: string,
  seconds: number,
  think: boolean,
  base: string,
  users: { cookie: string; names: Named[] }[],
  server: ChildProcess,
): Promise<PhaseResult> {
  const tallies = { search: tally(), file: tally() }
  let searches = 0
  let found = 0
  let typos = 0
  let typosFound = 0
  const cpu0 = processorSeconds(server.pid)
  const end = performance.now() + seconds * 1000
  const client = async (i: number) => {
    const user = users[i % users.length]
    // clients start spread over the first think time, as counsellors do not all press Enter at once
    if (think) await sleep(Math.random() * THINK_MAX_S * 1000)
    while (performance.now() < end) {
      const person = pick(user.names)
      const { q, typo } = queryFor(person)
      const page = (await timed(tallies.search, `${base}/api/persons?q=${encodeURIComponent(q)}`, user.cookie)) as
        | { items: { id: string; lastName: string; firstName: string }[] }
        | undefined
      searches++
      if (typo) typos++
      // the person looked for, on the first page (a namesake counts: the counsellor tells them apart by birth date)
      const sought = page?.items.find((i) => i.lastName === person.lastName && i.firstName === person.firstName)
      if (sought) {
        found++
        if (typo) typosFound++
      }
      const opened = sought ?? page?.items[0]
      if (opened) await timed(tallies.file, `${base}/api/persons/${opened.id}`, user.cookie)
      if (think) await sleep((THINK_MIN_S + Math.random() * (THINK_MAX_S - THINK_MIN_S)) * 1000)
    }
  }
  await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)))
  const cpu1 = processorSeconds(server.pid)
  const cpu = cpu0 === undefined || cpu1 === undefined ? undefined : cpu1 - cpu0
  return { name, seconds, tallies, searches, found, typos, typosFound, cpu, load: loadavg()[0] }
}

function print(r: PhaseResult) {
  const requests = r.tallies.search.times.length + r.tallies.file.times.length
  console.log(
    `\n${r.name}: ${CLIENTS} clients, ${r.seconds} s — load average ${r.load.toFixed(1)} on ${cpus().length} processors` +
      (r.cpu === undefined
        ? ''
        : `, server ${r.cpu.toFixed(1)} s of processor time (${ms((r.cpu * 1000) / Math.max(1, requests))} a request)`),
  )
  console.log('  request  count    /s     p50      p95      p99      max      errors')
  for (const kind of kinds) {
    const t = r.tallies[kind]
    const sorted = [...t.times].sort((a, b) => a - b)
    const errors = [...t.errors].map(([k, n]) => `${n} × ${k}`).join(', ') || '0'
    console.log(
      `  ${kind.padEnd(7)} ${String(sorted.length).padStart(6)} ${(sorted.length / r.seconds).toFixed(1).padStart(6)} ` +
        `${ms(percentile(sorted, 50)).padStart(8)} ${ms(percentile(sorted, 95)).padStart(8)} ${ms(percentile(sorted, 99)).padStart(8)} ` +
        `${ms(sorted.at(-1) ?? Number.NaN).padStart(8)}   ${errors}`,
    )
  }
  const share = (a: number, b: number) => (b ? `${Math.round((100 * a) / b)} %` : '—')
  console.log(
    `  searches listing the person sought on their first page: ${share(r.found, r.searches)} (with a typo: ${share(r.typosFound, r.typos)} of ${r.typos})`,
  )
}

// --- the run -----------------------------------------------------------------------------------------------------
const fresh = opts.url ? undefined : await freshDatabase()
const url = opts.url ?? fresh!.url
let server: ChildProcess | undefined
try {
  console.log(
    fresh ? 'Fresh database: the server migrates it and loads the 2009 data set…' : 'Starting the server (migrations)…',
  )
  const started = await startServer(url, !!fresh)
  server = started.child
  const facts = await databaseFacts(url)
  console.log(
    `Database: ${facts.persons.toLocaleString('fr-FR')} persons, ${facts.structures} structures, ${facts.size}`,
  )
  const users = await Promise.all(
    [opts.counsellor, opts.director].map(async (email) => ({
      email,
      cookie: await signIn(started.base, email, opts.password),
      names: await namesFor(url, email),
    })),
  )
  for (const u of users) console.log(`Signed in ${u.email} (${u.names.length} names drawn from their scope)`)
  // a few requests first: the server's modules, the database's caches
  await phase('warm-up', 3, false, started.base, users, server)
  if (DURATION_S > 0)
    print(await phase(`with think time (${opts.think} s)`, DURATION_S, true, started.base, users, server))
  if (SATURATED_S > 0) print(await phase('saturated (no think time)', SATURATED_S, false, started.base, users, server))
} finally {
  if (server) await stopServer(server)
  if (fresh && opts.keep) console.log(`\nDatabase kept: ${fresh.url}`)
  else await fresh?.drop()
}
