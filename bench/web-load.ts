// The caseload's first load on a slow line (issue 10, "Web delivery"): a counsellor opens /portefeuille with an empty
// browser cache over 2 Mbit/s down, 0.5 Mbit/s up, 100 ms latency (a rural antenna's ADSL). Measured from the start of
// the navigation to the first row of the caseload on screen, in Debian's Chromium driven by Playwright, several runs,
// each in a fresh browser context (cold cache, new connections); then the same page again in the same context (the
// browser's cache kept: what the next morning costs). Prints the median, every run, and the bytes transferred per kind
// of resource (as sent on the wire: compressed when the server compressed).
//   npx vite build && npx tsx bench/web-load.ts [--runs 7] [--url http://host:port] [--down 2000 --up 500 --latency 100]
// Without --url the built server is started as the browser journeys do (`tsx src/server/main.ts`, a fresh PGlite folder,
// the demo organisation without the 2009 data set: NODE_ENV=test) and stopped at the end. CHROMIUM_PATH names the browser
// (default /usr/bin/chromium); no browser is ever downloaded.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { type Browser, chromium } from 'playwright-core'
import { DEMO_PASSWORD } from '../src/server/demo/demo-organisation.ts'
import { freePort, signIn, sleep } from './bench-http.ts'

const { values: opts } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    url: { type: 'string' },
    down: { type: 'string', default: '2000' },
    up: { type: 'string', default: '500' },
    latency: { type: 'string', default: '100' },
    email: { type: 'string', default: 'conseiller@demo.jalon.fr' },
    /** print when each resource of the last cold run was asked and received */
    timeline: { type: 'boolean', default: false },
  },
})
const RUNS = Number(opts.runs)
const DOWN_KBIT = Number(opts.down)
const UP_KBIT = Number(opts.up)
const LATENCY_MS = Number(opts.latency)
const GOAL_MS = 2000

async function startServer(dir: string, port: number): Promise<ChildProcess> {
  const child = spawn('npx', ['tsx', 'src/server/main.ts'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DEMO: 'auto',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      PGLITE_DIR: join(dir, 'pglite'),
      SIGNIN_PER_ADDRESS_PER_MINUTE: '1000',
    },
  })
  let out = ''
  const keep = (c: Buffer) => {
    out = (out + c.toString()).slice(-4000)
  }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const deadline = Date.now() + 180_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server stopped: ${out}`)
    if (Date.now() > deadline) throw new Error(`server not ready in 180 s: ${out}`)
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).status === 200) return child
    } catch {}
    await sleep(300)
  }
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null || child.pid === undefined) return
  const exited = new Promise((r) => child.once('exit', r))
  process.kill(-child.pid, 'SIGTERM')
  await Promise.race([exited, sleep(15_000)])
  if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL')
}

interface Resource {
  url: string
  /** ms since the document was asked: request sent, last byte received */
  start: number
  end: number
  kind: string
  bytes: number
  encoding: string
  cacheControl: string
}
interface Run {
  /** navigation start → first caseload row in the document */
  rowsMs: number
  domContentLoadedMs: number
  resources: Resource[]
}

/** One load of /portefeuille in `context`'s page, throttled; the clock is the page's own (0 = navigation start). */
async function load(browser: Browser, base: string, cookies: string) {
  const context = await browser.newContext({
    baseURL: base,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1280, height: 900 },
  })
  await context.addCookies(
    cookies.split('; ').map((c) => {
      const i = c.indexOf('=')
      return { name: c.slice(0, i), value: c.slice(i + 1), url: base }
    }),
  )
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: LATENCY_MS,
    downloadThroughput: (DOWN_KBIT * 1000) / 8,
    uploadThroughput: (UP_KBIT * 1000) / 8,
  })
  let resources = new Map<string, Resource>()
  const sent = new Map<string, number>()
  let origin = 0
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.type === 'Document') origin = e.timestamp
    sent.set(e.requestId, e.timestamp)
  })
  cdp.on('Network.responseReceived', (e) => {
    const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]))
    resources.set(e.requestId, {
      url: e.response.url.replace(base, ''),
      start: ((sent.get(e.requestId) ?? origin) - origin) * 1000,
      end: 0,
      kind: e.type,
      bytes: 0,
      encoding: h['content-encoding'] ?? '-',
      cacheControl: h['cache-control'] ?? '-',
    })
  })
  cdp.on('Network.loadingFinished', (e) => {
    const r = resources.get(e.requestId)
    if (r) {
      r.bytes = e.encodedDataLength
      r.end = (e.timestamp - origin) * 1000
    }
  })
  const measure = async (): Promise<Run> => {
    resources = new Map()
    await page.goto('/portefeuille', { waitUntil: 'commit' })
    const rowsMs = await (
      await page.waitForFunction(
        () => (document.querySelector('table tbody tr td a[href^="/personnes/"]') ? performance.now() : false),
        undefined,
        { polling: 'raf', timeout: 60_000 },
      )
    ).jsonValue()
    await page.waitForLoadState('networkidle')
    const domContentLoadedMs = await page.evaluate(() => {
      const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[]
      return nav?.domContentLoadedEventEnd ?? 0
    })
    return { rowsMs: rowsMs as number, domContentLoadedMs, resources: [...resources.values()] }
  }
  const run = await measure()
  return { run, close: () => context.close(), again: measure }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
const ms = (n: number) => `${Math.round(n)} ms`

function byKind(resources: Resource[]) {
  const kinds = new Map<string, { count: number; bytes: number }>()
  for (const r of resources) {
    const k = kinds.get(r.kind) ?? { count: 0, bytes: 0 }
    k.count++
    k.bytes += r.bytes
    kinds.set(r.kind, k)
  }
  return kinds
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'jalon-web-load-'))
  let server: ChildProcess | undefined
  let browser: Browser | undefined
  try {
    let base = opts.url
    if (!base) {
      const port = await freePort()
      base = `http://127.0.0.1:${port}`
      const t = performance.now()
      server = await startServer(dir, port)
      console.log(`server ready on ${base} in ${ms(performance.now() - t)}`)
    }
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
    })
    console.log(
      `throttle: ${DOWN_KBIT} kbit/s down, ${UP_KBIT} kbit/s up, ${LATENCY_MS} ms latency; ${RUNS} cold runs (+1 warm-up not counted)`,
    )
    const cold: Run[] = []
    const warm: Run[] = []
    for (let i = 0; i <= RUNS; i++) {
      // a new session for every run: the page's requests are the ones a counsellor's browser sends after sign-in
      const { cookie } = await signIn(base, opts.email, DEMO_PASSWORD)
      const l = await load(browser, base, cookie)
      const again = await l.again()
      await l.close()
      if (i === 0) continue // the server's first answers warm its own caches (prepared plans, files read)
      cold.push(l.run)
      warm.push(again)
      console.log(
        `run ${i}: cold ${ms(l.run.rowsMs)} (DOMContentLoaded ${ms(l.run.domContentLoadedMs)}), cached ${ms(again.rowsMs)}`,
      )
    }
    const last = cold[cold.length - 1]!
    if (opts.timeline) {
      console.log('\nwhat the cached visit of the last run still asked the network for:')
      for (const r of warm[warm.length - 1]!.resources.filter((x) => x.bytes > 0))
        console.log(`  ${r.kind.padEnd(10)} ${kb(r.bytes).padStart(10)}  ${r.url.slice(0, 100)}  [${r.cacheControl}]`)
    }
    console.log('\nresources of the last cold run (bytes on the wire):')
    for (const r of last.resources)
      console.log(
        `  ${r.kind.padEnd(10)} ${kb(r.bytes).padStart(10)}  ${r.encoding.padEnd(5)}  ${opts.timeline ? `${ms(r.start).padStart(7)} → ${ms(r.end).padStart(7)}  ` : ''}${r.url}  [${r.cacheControl}]`,
      )
    console.log('\nper kind of resource (cold, median run):')
    const kinds = new Set(cold.flatMap((r) => r.resources.map((x) => x.kind)))
    for (const k of kinds) {
      const sums = cold.map((r) => byKind(r.resources).get(k) ?? { count: 0, bytes: 0 })
      console.log(
        `  ${k.padEnd(10)} ${String(median(sums.map((s) => s.count))).padStart(3)} files ${kb(median(sums.map((s) => s.bytes))).padStart(10)}`,
      )
    }
    const total = median(cold.map((r) => r.resources.reduce((s, x) => s + x.bytes, 0)))
    // what the rows waited for; the rest (the other pages' styles) is asked once the page is shown
    const beforeRows = median(
      cold.map((r) => r.resources.filter((x) => x.end <= r.rowsMs).reduce((s, x) => s + x.bytes, 0)),
    )
    const warmTotal = median(warm.map((r) => r.resources.reduce((s, x) => s + x.bytes, 0)))
    const m = median(cold.map((r) => r.rowsMs))
    console.log(
      `  total      ${kb(total).padStart(20)} (before the rows: ${kb(beforeRows)}; cached visit: ${kb(warmTotal)})`,
    )
    console.log(
      `\nfirst load of the caseload, cold cache: median ${ms(m)} (min ${ms(Math.min(...cold.map((r) => r.rowsMs)))}, max ${ms(Math.max(...cold.map((r) => r.rowsMs)))}) — goal < ${GOAL_MS} ms: ${m < GOAL_MS ? 'met' : 'NOT met'}`,
    )
    // the network's share: when the last script or style sheet of the page arrived (the rest is the processor's and
    // the API's)
    const assetsDone = cold.map((r) =>
      Math.max(...r.resources.filter((x) => x.end <= r.rowsMs && /Script|Stylesheet/.test(x.kind)).map((x) => x.end)),
    )
    console.log(`scripts and styles all received: median ${ms(median(assetsDone))}`)
    console.log(`same page, browser cache kept: median ${ms(median(warm.map((r) => r.rowsMs)))}`)
    console.log(
      `load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} on ${cpus().length} cores`,
    )
  } finally {
    await browser?.close().catch(() => undefined)
    if (server) await stopServer(server)
    rmSync(dir, { recursive: true, force: true })
  }
}

await main()
