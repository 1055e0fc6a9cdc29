/**
 * Browser journeys against a real server: a fresh PGlite database in a temporary folder, the demo organisation,
 * the built web app (run `vite build` first), a local SMTP server that keeps the mails the server sends (journeys read
 * them: invitations, reset links), and Debian's Chromium. Usage: tsx e2e/run.ts [part of a journey name]
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { type Browser, type BrowserContext, chromium } from 'playwright-core'
import { startSmtpSink } from '../src/server/test/smtp-sink.ts'
import { type JourneyModule, openContext, type ReceivedMail, readMail } from './support.ts'

/** Every `*.spec.ts` under e2e/, by order then file name (the admin's first sign-in, which enrols the second factor,
 * declares a low order: journeys that sign the admin in again come after it). */
async function findJourneys(): Promise<JourneyModule[]> {
  const files = readdirSync(import.meta.dirname, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.spec.ts'))
    .sort()
  const found: JourneyModule[] = []
  for (const file of files) found.push(await import(pathToFileURL(join(import.meta.dirname, file)).href))
  return found.sort((a, b) => (a.order ?? 100) - (b.order ?? 100))
}

const ROOT = resolve(import.meta.dirname, '..')
const RESULTS = join(ROOT, 'test-results')
// a hang, not a slow machine: CI's machines have run a 2-minute journey in 4 (typecheck and Vitest beside it)
const JOURNEY_TIMEOUT_MS = Number(process.env.E2E_JOURNEY_TIMEOUT_S ?? 600) * 1000
const HEALTH_TIMEOUT_MS = 120_000
const PARALLEL_LANES = Math.max(1, Number(process.env.E2E_PARALLEL ?? 3))
const MAIL_TIMEOUT_MS = 30_000

type Sink = Awaited<ReturnType<typeof startSmtpSink>>

/** The journeys' view of the sink: every mail, and the next one to an address (each returned once per run). */
function mailbox(sink: Sink) {
  const returned = new Set<number>()
  const mails = () => sink.messages.map(readMail)
  return {
    mails,
    async waitForMail(to: string): Promise<ReceivedMail> {
      const deadline = Date.now() + MAIL_TIMEOUT_MS
      const address = to.toLowerCase()
      for (;;) {
        const index = sink.messages.findIndex(
          (m, i) => !returned.has(i) && m.to.some((r) => r.toLowerCase() === address),
        )
        if (index >= 0) {
          returned.add(index)
          return readMail(sink.messages[index]!)
        }
        if (Date.now() > deadline) throw new Error(`aucun courriel reçu pour ${to} en ${MAIL_TIMEOUT_MS / 1000} s`)
        await sleep(200)
      }
    },
  }
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer()
    server.unref()
    server.on('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))))
    })
  })
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function waitForHealth(baseURL: string, server: ChildProcess) {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`le serveur s'est arrêté (code ${server.exitCode})`)
    try {
      const response = await fetch(`${baseURL}/api/health`)
      if (response.status === 200) return
    } catch {
      // not listening yet
    }
    await sleep(500)
  }
  throw new Error(`GET /api/health n'a pas répondu 200 en ${HEALTH_TIMEOUT_MS / 1000} s`)
}

function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.pid === undefined) return Promise.resolve()
  return new Promise((done) => {
    const kill = (signal: NodeJS.Signals) => {
      try {
        process.kill(-server.pid!, signal) // the whole group: npx, tsx and node
      } catch {
        // already gone
      }
    }
    const force = setTimeout(() => kill('SIGKILL'), 10_000)
    server.once('exit', () => {
      clearTimeout(force)
      done()
    })
    kill('SIGTERM')
  })
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`${what} : délai de ${ms / 1000} s dépassé`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[^\w]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()

async function runJourney(
  journey: JourneyModule,
  browser: Browser,
  baseURL: string,
  log: string[],
  mail: ReturnType<typeof mailbox>,
) {
  const contexts: BrowserContext[] = []
  const pageErrors: string[] = []
  const started = performance.now()
  try {
    await withTimeout(
      journey.run({
        baseURL,
        browser,
        newPage: async () => {
          const context = await openContext(browser, baseURL)
          contexts.push(context)
          const page = await context.newPage()
          page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`))
          page.on('console', (m) => m.type() === 'error' && pageErrors.push(`console: ${m.text()}`))
          return page
        },
        mails: mail.mails,
        waitForMail: mail.waitForMail,
      }),
      JOURNEY_TIMEOUT_MS,
      journey.name,
    )
    console.log(`✓ ${journey.name} (${seconds(performance.now() - started)})`)
    return true
  } catch (error) {
    console.log(`✗ ${journey.name} (${seconds(performance.now() - started)})`)
    console.log(`    ${String((error as Error)?.stack ?? error).replace(/\n/g, '\n    ')}`)
    const page = contexts.at(-1)?.pages().at(-1)
    if (page) {
      mkdirSync(RESULTS, { recursive: true })
      const file = join(RESULTS, `${slug(journey.name)}.png`)
      await page.screenshot({ path: file, fullPage: true }).catch(() => undefined)
      console.log(`    page : ${page.url()} — capture : ${file}`)
    }
    for (const line of pageErrors) console.log(`    navigateur — ${line}`)
    for (const m of mail.mails()) console.log(`    courriel — à ${m.to.join(', ')} : ${m.subject}`)
    if (log.length) console.log(`    serveur (dernières lignes) :\n      ${log.slice(-15).join('\n      ')}`)
    return false
  } finally {
    for (const context of contexts) await context.close().catch(() => undefined)
  }
}

/** A server of the journeys: its own PGlite folder and port, the demo organisation, mail to the run's sink. */
interface Lane {
  number: number
  journeys: JourneyModule[]
  dataDir: string
  baseURL: string
  log: string[]
  server?: ChildProcess
}

async function startServer(lane: Lane, sink: Sink) {
  const port = Number(new URL(lane.baseURL).port)
  const server = spawn('npx', ['tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PGLITE_DIR: join(lane.dataDir, 'pglite'),
      PORT: String(port),
      DEMO: 'auto',
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      SIGNIN_PER_ADDRESS_PER_MINUTE: '1000',
      SMTP_URL: sink.url,
      // the links in the mails lead back to this server
      PUBLIC_URL: lane.baseURL,
    },
  })
  lane.server = server
  const keep = (chunk: Buffer) => {
    lane.log.push(...chunk.toString().split('\n').filter(Boolean))
    if (lane.log.length > 200) lane.log.splice(0, lane.log.length - 200)
  }
  server.stdout?.on('data', keep)
  server.stderr?.on('data', keep)
  const booting = performance.now()
  await waitForHealth(lane.baseURL, server)
  console.log(`  serveur ${lane.number} prêt sur ${lane.baseURL} (${seconds(performance.now() - booting)})`)
}

/**
 * The journeys run in lanes (a journey's `lane`, default 1), each against a server of its own, one journey after the
 * other within a lane and the lanes side by side: a journey waits on the browser and the server far more than it
 * computes, so two lanes take about half the time for little more processor. A lane holds the journeys that rely on
 * one another (the admin's enrolment, the file reception creates); E2E_LANES=1 runs them all in one lane.
 */
function lanesOf(journeys: JourneyModule[]): JourneyModule[][] {
  const single = process.env.E2E_LANES === '1'
  const lanes: JourneyModule[][] = []
  for (const j of journeys) {
    const i = single ? 0 : (j.lane ?? 1) - 1
    lanes[i] = [...(lanes[i] ?? []), j]
  }
  return lanes.filter(Boolean)
}

async function main() {
  const filter = process.argv[2]?.toLowerCase()
  const selected = (await findJourneys()).filter((j) => !filter || j.name.toLowerCase().includes(filter))
  const lanes: Lane[] = []
  for (const [i, journeys] of lanesOf(selected).entries())
    lanes.push({
      number: i + 1,
      journeys,
      dataDir: mkdtempSync(join(tmpdir(), 'jalon-e2e-')),
      baseURL: `http://127.0.0.1:${await freePort()}`,
      log: [],
    })
  let browser: Browser | undefined
  let sink: Sink | undefined
  let passed = 0
  let failed = 0

  const cleanUp = async () => {
    await browser?.close().catch(() => undefined)
    for (const lane of lanes) {
      if (lane.server) await stopServer(lane.server)
      rmSync(lane.dataDir, { recursive: true, force: true })
    }
    await sink?.close().catch(() => undefined)
  }
  const interrupted = () => void cleanUp().finally(() => process.exit(130))
  process.once('SIGINT', interrupted)
  process.once('SIGTERM', interrupted)
  // last resort if the runner itself dies: never leave a server behind
  process.once('exit', () => {
    for (const lane of lanes) {
      const server = lane.server
      if (server?.pid && server.exitCode === null) {
        try {
          process.kill(-server.pid, 'SIGKILL')
        } catch {}
      }
      rmSync(lane.dataDir, { recursive: true, force: true })
    }
  })
  // a journey's stray promise (a wait that lost the race to another failure) must not kill the run
  process.on('unhandledRejection', (reason) => console.log(`    (promesse rejetée non attendue) ${String(reason)}`))

  try {
    // Mail goes through real SMTP, to a sink in this process that journeys read.
    sink = await startSmtpSink()
    const mail = mailbox(sink)
    // the first server builds the migrated PGlite template a new folder is copied from (node_modules/.cache/jalon:
    // initdb and every migration, ~15 s of processor time); the others start once it is there and copy it
    const [first, ...others] = lanes
    const started = [
      ...(await Promise.allSettled(first ? [startServer(first, sink)] : [])),
      ...(await Promise.allSettled(others.map((lane) => startServer(lane, sink!)))),
    ]
    const down = started.flatMap((r, i) => (r.status === 'rejected' ? [{ lane: lanes[i]!, error: r.reason }] : []))
    if (down.length) {
      for (const { lane, error } of down) {
        console.log(`✗ démarrage du serveur ${lane.number} : ${(error as Error).message}`)
        console.log(`    ${lane.log.slice(-40).join('\n    ')}`)
      }
      failed = selected.length
      return
    }

    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    })
    const open = browser
    // at most E2E_PARALLEL lanes run their journeys at once (default 3); the next waiting lane starts when one ends.
    // Five lanes side by side put a 2-core machine at load 9 and its first pages past their timeouts (CI, 02/12/2026).
    const waiting = [...lanes]
    const runLanes = async () => {
      for (let lane = waiting.shift(); lane; lane = waiting.shift())
        for (const journey of lane.journeys) {
          if (await runJourney(journey, open, lane.baseURL, lane.log, mail)) passed++
          else failed++
        }
    }
    await Promise.all(Array.from({ length: PARALLEL_LANES }, runLanes))
  } finally {
    await cleanUp()
    console.log(`${passed} passed, ${failed} failed`)
    process.exitCode = failed > 0 || passed === 0 ? 1 : 0
  }
}

await main()
