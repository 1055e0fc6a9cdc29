// Memory and time of `jalon import` / `jalon export` on generated bundles of growing size.
//
//   npx tsx bench/import.ts                                  # 10 000 and 100 000 persons, on PostgreSQL and PGlite
//   npx tsx bench/import.ts --sizes 10000,100000 --db postgres
//   npx tsx bench/import.ts --facts --ml                     # into a year whose facts are built, persons enrolled
//   npx tsx bench/import.ts --sizes 100000 --ml --out /tmp/b  # only the bundle, then profile one run on it:
//   node --cpu-prof --import tsx bench/import.ts --child postgres --folder /tmp/b [--facts]
//
// Each size runs in a child process of its own (so that peak RSS is that run's), against a fresh database: PostgreSQL
// (JALON_BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432/postgres; the importer's memory only) or PGlite on
// disk (the database engine runs inside the process: its memory is counted too). A bundle of N persons holds N persons,
// N events and N dated attributes, plus the organisation: 3N rows; with --ml each person also has an enrolment in the
// Mission Locale programme for the year (4N rows), so that the Mission Locale's facts have a row per person. With
// --facts the year 2009 (every row's year) has its facts built before the import, as on a live database: the import
// then keeps them in step (docs/indicators.md); the run prints the facts' rows after it. Beside the time, the processor
// time of the import: this process's (on PGlite the database's too) and PostgreSQL's server process for the import's
// connection (read from /proc: the server must run on this machine). On a machine shared with other work, the
// processor times move less than the elapsed time.
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { createWriteStream, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import pg from 'pg'
import { type Db, openPglite, openPostgres } from '../src/server/db/database.ts'
import { migrate } from '../src/server/db/migrate.ts'
import { folderSink, folderSource } from '../src/server/modules/exchange/exchange.bundle.ts'
import { exportBundle } from '../src/server/modules/exchange/exchange.export.ts'
import { importBundle } from '../src/server/modules/exchange/exchange.import.ts'
import { rebuildFacts } from '../src/server/modules/registry.ts'

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    db: { type: 'string', default: 'postgres,pglite' },
    facts: { type: 'boolean', default: false },
    ml: { type: 'boolean', default: false },
    /** only write the bundle of the first size into this folder (to profile a child run on it) */
    out: { type: 'string' },
    child: { type: 'string' },
    folder: { type: 'string' },
  },
})
const adminUrl = process.env.JALON_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024)

async function writeLines(path: string, header: string, count: number, line: (i: number) => string) {
  const out = createWriteStream(path)
  out.write(`${header}\n`)
  for (let i = 0; i < count; i++) if (!out.write(`${line(i)}\n`)) await once(out, 'drain')
  out.end()
  await once(out, 'finish')
}

async function generate(folder: string, n: number, ml: boolean) {
  await mkdir(folder, { recursive: true })
  const sites = ['A-DK-CTR', 'A-GS', 'P-HOND']
  const users = Array.from({ length: 20 }, (_, i) => `conseiller${i}@bench.jalon.fr`)
  const day = (i: number) => new Date(Date.UTC(2009, 0, 1) + (i % 365) * 86_400_000).toISOString().slice(0, 10)
  await writeLines(join(folder, 'structure.csv'), 'id,name', 1, () => 'bench,Structure de mesure')
  await writeLines(join(folder, 'sites.csv'), 'code,name,kind,commune_codes', 3, (i) =>
    [sites[i], `Site ${sites[i]}`, 'antenna', ['59183', '59271', '59309'][i]].join(','),
  )
  await writeLines(join(folder, 'programmes.csv'), 'code,name', 1, () => 'ML,Mission Locale')
  await writeLines(join(folder, 'users.csv'), 'email,display_name,role,site_codes,programme_codes', 20, (i) =>
    [users[i], `Conseiller ${i}`, 'counsellor', sites[i % 3], 'ML'].join(','),
  )
  await writeLines(
    join(folder, 'persons.csv'),
    'external_id,last_name,first_name,sex,birth_date,commune_code,site_code,referent_email,first_reception_date',
    n,
    (i) =>
      [
        `P${i}`,
        `Nom${i}`,
        'Prénom',
        i % 2 ? 'F' : 'M',
        `${1985 + (i % 10)}-0${1 + (i % 9)}-1${i % 10}`,
        '59183',
        sites[i % 3],
        users[i % 20],
        day(i),
      ].join(','),
  )
  await writeLines(
    join(folder, 'events.csv'),
    'external_id,person_external_id,kind,date,site_code,counsellor_email,duration_minutes,attendance,note',
    n,
    (i) =>
      [
        `E${i}`,
        `P${i}`,
        'individual_interview',
        day(i),
        sites[i % 3],
        users[i % 20],
        45,
        'present',
        '"Entretien, suivi"',
      ].join(','),
  )
  await writeLines(
    join(folder, 'person_attributes.csv'),
    'external_id,person_external_id,attribute,value,valid_from',
    n,
    (i) => [`A${i}`, `P${i}`, 'housing', 'with_parents', day(i)].join(','),
  )
  if (ml)
    await writeLines(
      join(folder, 'enrolments.csv'),
      'external_id,person_external_id,programme_code,entry_date,exit_date,exit_reason,reinforced,referent_email',
      n,
      (i) => [`I${i}`, `P${i}`, 'ML', day(i), '', '', '', users[i % 20]].join(','),
    )
}

/** user + system seconds of a process of this machine (/proc), or null where there is none to read */
function processCpuSeconds(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return null
  }
}

/** One measured run: a fresh database, the import, then the export of what was imported. */
async function child(kind: string, folder: string, facts: boolean) {
  // The live heap: measured after a forced collection once a second (what the import really keeps), next to the peak
  // heap V8 lets grow between collections.
  let peakHeap = 0
  let liveHeap = 0
  const gc = (globalThis as { gc?: () => void }).gc
  let ticks = 0
  const sample = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)
    if (gc && ++ticks % 20 === 0) {
      gc()
      liveHeap = Math.max(liveHeap, process.memoryUsage().heapUsed)
    }
  }, 50)
  let db: Db
  let cleanup = async () => {}
  if (kind === 'postgres') {
    const name = `jalon_bench_${randomBytes(4).toString('hex')}`
    const admin = new pg.Client({ connectionString: adminUrl })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
    await admin.end()
    const url = new URL(adminUrl)
    url.pathname = `/${name}`
    db = await openPostgres(url.toString())
    cleanup = async () => {
      const c = new pg.Client({ connectionString: adminUrl })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await c.end()
    }
  } else {
    const dir = await mkdtemp(join(tmpdir(), 'jalon-bench-pglite-'))
    db = await openPglite(dir)
    cleanup = () => rm(dir, { recursive: true, force: true })
  }
  await migrate(db)
  if (facts) await rebuildFacts(db.kysely, { years: [2009] })
  const rssBefore = process.resourceUsage().maxRSS * 1024
  const t0 = performance.now()
  const cpu0 = process.cpuUsage()
  let backendCpu: number | null = null
  const report = await db.kysely.transaction().execute(async (tx) => {
    // PostgreSQL's processor time for the import: its server process for this connection, when it runs on this machine
    const pid =
      kind === 'postgres' ? (await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(tx)).rows[0]!.pid : 0
    const before = pid ? processCpuSeconds(pid) : null
    const r = await importBundle(tx, folderSource(folder), { now: new Date() })
    const after = pid ? processCpuSeconds(pid) : null
    if (before !== null && after !== null) backendCpu = after - before
    return r
  })
  const importSeconds = (performance.now() - t0) / 1000
  const cpu = process.cpuUsage(cpu0)
  const importCpu = (cpu.user + cpu.system) / 1e6
  const rssAfterImport = process.resourceUsage().maxRSS * 1024
  const t1 = performance.now()
  const out = join(folder, 'export')
  await db.kysely
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) =>
      exportBundle(tx, await folderSink(out), { id: report.structureId, name: 'Structure de mesure' }),
    )
  const exportSeconds = (performance.now() - t1) / 1000
  clearInterval(sample)
  const rows = report.files.reduce((s, f) => s + f.rows, 0)
  const factRows = Number(
    (
      await db.kysely
        .selectFrom('ml_person_year')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )
  await db.close()
  await cleanup()
  process.stdout.write(
    JSON.stringify({
      rows,
      factRows,
      importSeconds,
      importCpu,
      backendCpu,
      exportSeconds,
      rssBeforeMb: mb(rssBefore),
      peakRssImportMb: mb(rssAfterImport),
      peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
      peakHeapMb: mb(peakHeap),
      liveHeapMb: mb(liveHeap),
    }),
  )
}

async function main() {
  if (values.child) return child(values.child, values.folder!, values.facts!)
  const sizes = values.sizes!.split(',').map(Number)
  if (values.out) return generate(values.out, sizes[0]!, values.ml!)
  const kinds = values.db!.split(',')
  const root = await mkdtemp(join(tmpdir(), 'jalon-bench-'))
  console.log(
    `Node ${process.version}, bundles in ${root}, ${values.facts ? 'facts of 2009 built' : 'no facts built'}, ` +
      `${values.ml ? 'persons enrolled in the Mission Locale' : 'no enrolments'}, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
  )
  console.log(
    '| base | personnes | lignes | import (s) | lignes/s | processeur Node (s) | processeur PostgreSQL (s) | faits | ' +
      'export (s) | RSS avant (Mo) | RSS max import (Mo) | RSS max (Mo) | tas max (Mo) | tas vivant max (Mo) |',
  )
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
  try {
    for (const n of sizes) {
      const folder = join(root, String(n))
      await generate(folder, n, values.ml!)
      for (const kind of kinds) {
        const out = execFileSync(
          process.execPath,
          [
            '--expose-gc',
            '--import',
            'tsx',
            'bench/import.ts',
            '--child',
            kind,
            '--folder',
            folder,
            ...(values.facts ? ['--facts'] : []),
          ],
          { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 },
        )
        const r = JSON.parse(out)
        console.log(
          `| ${kind} | ${n.toLocaleString('fr-FR')} | ${r.rows.toLocaleString('fr-FR')} | ${r.importSeconds.toFixed(1)} | ` +
            `${Math.round(r.rows / r.importSeconds).toLocaleString('fr-FR')} | ${r.importCpu.toFixed(1)} | ` +
            `${r.backendCpu === null ? '—' : r.backendCpu.toFixed(1)} | ${r.factRows.toLocaleString('fr-FR')} | ` +
            `${r.exportSeconds.toFixed(1)} | ` +
            `${r.rssBeforeMb} | ${r.peakRssImportMb} | ${r.peakRssMb} | ${r.peakHeapMb} | ${r.liveHeapMb} |`,
        )
      }
    }
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}

await main()
