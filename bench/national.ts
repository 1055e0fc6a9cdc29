// Issue 9: the annual report at national scale on one PostgreSQL, against DuckDB computing the same indicators from the
// same rows in the same run, with the values compared.
//   npx tsx bench/national.ts [--replicas 122] [--rebuild] [--runs 3] [--no-duckdb]
// - Builds (or reuses, when built with the same --replicas) two databases on JALON_BENCH_PG_URL's server (default
//   postgres://postgres@127.0.0.1:5432/postgres): `jalon_national_seed` (the demo structure and its 2009 data set:
//   about 9 000 persons) and `jalon_national` (that structure copied --replicas times: 122 give 1.10 million persons,
//   bench/national-data.ts). Each is copied into a DuckDB file beside (os.tmpdir()).
// - Times, --runs times each (median printed): the seed structure's report (seed scale); the network's report, every
//   structure at once (national scale); one structure's report inside the national database. Each on PostgreSQL (in a
//   REPEATABLE READ transaction with the report's settings, report-db.ts, as the report route does) and on DuckDB (the same queries: bench/duckdb-dialect.ts).
// - PostgreSQL reads the per-person, per-year facts (src/server/modules/mission-locale/facts: built once by the
//   builder, then kept on write); DuckDB computes from the raw rows (facts: false), as PostgreSQL would without them.
// - Checks that both engines give the same indicators (the whole JSON of every indicator) and prints the ratios.
// Takes about 15 minutes the first time on a 2-core machine (the build), a few minutes after.
import '../src/server/modules/modules.ts'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { DuckDBInstance } from '@duckdb/node-api'
import { Kysely } from 'kysely'
import pg from 'pg'
import { openPostgres } from '../src/server/db/database.ts'
import type { Database } from '../src/server/db/schema.ts'
import type { Q } from '../src/server/reporting/indicator.ts'
import { type BuildOptions, buildAnnualReport } from '../src/server/reporting/report/build.ts'
import { tuneForReport } from '../src/server/reporting/report-db.ts'
import { duckDbDialect } from './duckdb-dialect.ts'
import { buildNational, builtWith, structureOf, urlOf } from './national-data.ts'
import { copyToDuckDb } from './national-duckdb.ts'

const { values: args } = parseArgs({
  options: {
    replicas: { type: 'string', default: '122' },
    rebuild: { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
    'no-duckdb': { type: 'boolean', default: false },
    only: { type: 'string' },
  },
})
const replicas = Number(args.replicas)
const runs = Number(args.runs)
const adminUrl = process.env.JALON_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const period = { from: '2009-01-01', to: '2009-12-31' }
const now = new Date('2026-03-02T09:00:00Z')

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const ms = (x: number) => `${Math.round(x).toLocaleString('fr-FR')} ms`
const load = () => `load average ${loadavg()[0].toFixed(1)} on ${cpus().length} processors`

/** the database `name` built with `n` copies, and its DuckDB file, built when missing or built otherwise */
async function prepare(name: string, n: number): Promise<{ url: string; duckFile: string }> {
  const url = urlOf(adminUrl, name)
  const duckFile = join(tmpdir(), `${name}.duckdb`)
  const marker = `${duckFile}.built`
  if (args.rebuild || !(await builtWith(adminUrl, name, n))) {
    console.log(`== building ${name} (${n} cop${n > 1 ? 'ies' : 'y'} of the seed structure; ${load()})`)
    await buildNational(adminUrl, name, n)
  }
  const stamp = `${name} ${n} ${(await pgComment(name)) ?? ''}`
  if (!args['no-duckdb'] && !(existsSync(duckFile) && readFileSync(marker, 'utf8') === stamp)) {
    console.log(`== copying ${name} into DuckDB (${duckFile})`)
    const t = performance.now()
    await copyToDuckDb(url, duckFile)
    writeFileSync(marker, stamp)
    console.log(`  done in ${ms(performance.now() - t)}`)
  }
  return { url, duckFile }
}

async function pgComment(name: string): Promise<string | undefined> {
  const c = new pg.Client({ connectionString: adminUrl })
  await c.connect()
  try {
    const { rows } = await c.query<{ comment: string | null }>(
      'SELECT shobj_description(oid, $2) AS comment FROM pg_database WHERE datname = $1',
      [name, 'pg_database'],
    )
    return rows[0]?.comment ?? undefined
  } finally {
    await c.end()
  }
}

type Case = { label: string; opts: BuildOptions }

/** Times `c` --runs times on `q`; the indicators of the last run are returned for the comparison. */
async function time(q: Q, c: Case, transaction: boolean) {
  const times: number[] = []
  const sections = new Map<string, number[]>()
  const opts = {
    ...c.opts,
    onProgress: (p: { section: { key: string }; ms: number }) =>
      sections.set(p.section.key, [...(sections.get(p.section.key) ?? []), p.ms]),
  }
  let indicators: Record<string, unknown> = {}
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    const report = transaction
      ? await q
          .transaction()
          .setIsolationLevel('repeatable read')
          .execute(async (tx) => {
            await tuneForReport(tx)
            return buildAnnualReport(tx, opts)
          })
      : await buildAnnualReport(q, opts)
    times.push(performance.now() - t)
    indicators = report.indicators
  }
  const bySection = [...sections].map(([k, v]) => `${k} ${ms(median(v))}`).join(', ')
  return { times, median: median(times), indicators, bySection }
}

interface Row {
  label: string
  pg: number
  duck?: number
  equal?: boolean
}

/** the paths where two reports' indicators differ (first difference of each indicator) */
function differences(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const out: string[] = []
  const walk = (x: unknown, y: unknown, path: string): boolean => {
    if (JSON.stringify(x) === JSON.stringify(y)) return true
    if (x && y && typeof x === 'object' && typeof y === 'object') {
      for (const k of new Set([...Object.keys(x), ...Object.keys(y)]))
        if (!walk((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], `${path}.${k}`)) return false
      return false
    }
    out.push(`${path}: PostgreSQL ${JSON.stringify(x)?.slice(0, 120)} / DuckDB ${JSON.stringify(y)?.slice(0, 120)}`)
    return false
  }
  for (const id of Object.keys(a)) walk(a[id], b[id], id)
  return out
}

async function measure(name: string, n: number, all: Case[]): Promise<Row[]> {
  const cases = all.filter((c) => !args.only || c.label.includes(args.only))
  if (!cases.length) return []
  const { url, duckFile } = await prepare(name, n)
  const pgDb = await openPostgres(url)
  const rows: Row[] = []
  try {
    for (const c of cases) {
      console.log(`== ${c.label} (${load()})`)
      const pg = await time(pgDb.kysely, c, true)
      console.log(`  PostgreSQL: ${pg.times.map(ms).join(', ')} — median ${ms(pg.median)}\n    ${pg.bySection}`)
      const row: Row = { label: c.label, pg: pg.median }
      if (!args['no-duckdb']) {
        const instance = await DuckDBInstance.create(duckFile, { access_mode: 'READ_ONLY' })
        const conn = await instance.connect()
        try {
          // DuckDB computes from the raw rows (facts: false): the copy holds no facts, and that is the comparison
          const duck = await time(
            new Kysely<Database>({ dialect: duckDbDialect(conn) }),
            { ...c, opts: { ...c.opts, facts: false } },
            false,
          )
          row.duck = duck.median
          const differ = differences(pg.indicators, duck.indicators)
          row.equal = differ.length === 0
          for (const d of differ.slice(0, 10)) console.log(`  differs: ${d}`)
          console.log(
            `  DuckDB:     ${duck.times.map(ms).join(', ')} — median ${ms(duck.median)}; same values: ${row.equal ? 'yes' : 'NO'}\n    ${duck.bySection}`,
          )
        } finally {
          conn.closeSync()
          instance.closeSync()
        }
      }
      rows.push(row)
    }
  } finally {
    await pgDb.close()
  }
  return rows
}

const seedOpts = { structureId: structureOf(1), period, now }
const network = {
  name: `Réseau national (${replicas} structures)`,
  structureIds: Array.from({ length: replicas }, (_, i) => structureOf(i + 1)),
}
const rows = [
  ...(await measure('jalon_national_seed', 1, [{ label: 'seed scale: the structure’s report', opts: seedOpts }])),
  ...(await measure('jalon_national', replicas, [
    { label: `national scale: the network’s report (${replicas} structures)`, opts: { ...seedOpts, network } },
    { label: 'national database: one structure’s report', opts: seedOpts },
  ])),
]
console.log(`\n== summary (${load()})`)
for (const r of rows)
  console.log(
    `  ${r.label.padEnd(56)} PostgreSQL ${ms(r.pg).padStart(10)}${r.duck === undefined ? '' : `  DuckDB ${ms(r.duck).padStart(10)}  ratio ${(r.pg / r.duck).toFixed(2)}×  same values: ${r.equal ? 'yes' : 'NO'}`}`,
  )
if (rows.some((r) => r.equal === false)) process.exitCode = 1
