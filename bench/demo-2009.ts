// Loads the demo organisation with the 2009 data set into a fresh database of each kind, prints the time it takes and
// the rows written, then checks every Mission Locale figure against the report (plain SQL by the indicator contract).
//   npx tsx bench/demo-2009.ts [pglite|pglite-memory|postgres ...]   (default: pglite postgres)
// PostgreSQL: JALON_BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres); a database is created and dropped.
import { cpus, loadavg } from 'node:os'
import { migrate } from '../src/server/db/migrate.ts'
import { loadDemo } from '../src/server/demo/demo.ts'
import { DEMO_STRUCTURE } from '../src/server/demo/demo-organisation.ts'
import { checkFigures } from '../src/server/demo/year2009/checker.ts'
import { YEAR2009_TABLES } from '../src/server/demo/year2009/insert.ts'
import { compareWithReport } from '../src/server/demo/year2009/report-comparison.ts'
import { freshDatabase } from './fresh-database.ts'

const TABLES = ['app_user', ...YEAR2009_TABLES] as const

const fresh = (kind: string) => freshDatabase(kind, 'bench')

async function bench(kind: string) {
  const { db, drop } = await fresh(kind)
  try {
    const tm = performance.now()
    await migrate(db)
    const migrateSeconds = (performance.now() - tm) / 1000
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    const demo = await loadDemo(db, new Date('2026-03-02T09:00:00Z'), { year2009: true })
    const seconds = (performance.now() - t0) / 1000
    const cpu = process.cpuUsage(cpu0)
    const y = demo.year2009!
    const written = Object.values(y.tableSeconds).reduce((a, b) => a + b, 0)
    const organisation = seconds - y.planSeconds - y.insertSeconds - y.analyzeSeconds
    console.log(
      `\n== ${kind}: demo + 2009 data set loaded in ${seconds.toFixed(1)} s ` +
        `(${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of this process's processor time; ` +
        `load average ${loadavg()[0].toFixed(1)} on ${cpus().length} processors)\n` +
        `  migrations ${migrateSeconds.toFixed(1)} s (before); demo organisation and modules ${organisation.toFixed(1)} s, ` +
        `plan ${y.planSeconds.toFixed(1)} s, rows ${written.toFixed(1)} s, ` +
        `keys and indexes put back ${(y.insertSeconds - written).toFixed(1)} s, statistics ${y.analyzeSeconds.toFixed(1)} s`,
    )
    for (const t of TABLES) {
      const { n } = await db.kysely
        .selectFrom(t)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
      const written = y.tableSeconds[t] === undefined ? '' : `  (${y.tableSeconds[t].toFixed(1)} s for ${y.rows[t]})`
      console.log(`  ${t.padEnd(18)} ${String(n).padStart(8)}${written}`)
    }
    const t1 = performance.now()
    const rows = compareWithReport(await checkFigures(db.kysely, DEMO_STRUCTURE.id))
    console.log(`  figures checked in ${((performance.now() - t1) / 1000).toFixed(1)} s`)
    const same = rows.filter((r) => r.same)
    const documented = rows.filter((r) => !r.same && r.deviation)
    const wrong = rows.filter((r) => !r.same && !r.deviation)
    console.log(
      `  ${rows.length} figures: ${same.length} as printed, ${documented.length} documented deviations, ${wrong.length} wrong`,
    )
    for (const r of documented)
      console.log(`    ≠ ${r.figure}: printed ${r.printed}, data ${r.obtained} (${r.deviation})`)
    for (const r of wrong) console.log(`    ✗ ${r.figure}: printed ${r.printed}, data ${r.obtained}`)
    if (process.argv.includes('--all-figures')) for (const r of same) console.log(`    = ${r.figure}: ${r.printed}`)
    return wrong.length
  } finally {
    await drop()
  }
}

const kinds = process.argv.slice(2).filter((a) => !a.startsWith('--'))
let failures = 0
for (const kind of kinds.length ? kinds : ['pglite', 'postgres']) failures += await bench(kind)
process.exit(failures ? 1 : 0)
