// Times the full annual report (JSON) on a fresh PGlite and a fresh PostgreSQL database holding the 2009 data set:
// 3 runs each, the median printed, with the spreadsheet and PDF renderings of the last run.
//   npx tsx bench/report.ts [pglite|postgres ...]   (default: pglite postgres)
// PostgreSQL: JALON_BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres); a database is created and dropped.
import { migrate } from '../src/server/db/migrate.ts'
import { loadDemo } from '../src/server/demo/demo.ts'
import { DEMO_STRUCTURE } from '../src/server/demo/demo-organisation.ts'
import { buildAnnualReport } from '../src/server/reporting/report/build.ts'
import { renderPdf } from '../src/server/reporting/report/pdf.ts'
import { renderXlsx } from '../src/server/reporting/report/xlsx.ts'
import { freshDatabase } from './fresh-database.ts'

const RUNS = 3
const period = { from: '2009-01-01', to: '2009-12-31' }

const fresh = (kind: string) => freshDatabase(kind, 'bench_report')

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const ms = (x: number) => `${Math.round(x).toLocaleString('fr-FR')} ms`

async function bench(kind: string) {
  const { db, drop } = await fresh(kind)
  try {
    await migrate(db)
    let t = performance.now()
    await loadDemo(db, new Date('2026-03-02T09:00:00Z'), { year2009: true })
    console.log(`${kind}: 2009 data set loaded in ${ms(performance.now() - t)}`)
    const runs: number[] = []
    const sections = new Map<string, number[]>()
    let report: Awaited<ReturnType<typeof buildAnnualReport>> | undefined
    for (let i = 0; i < RUNS; i++) {
      t = performance.now()
      report = await db.kysely
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute((tx) =>
          buildAnnualReport(tx, {
            structureId: DEMO_STRUCTURE.id,
            period,
            now: new Date(),
            onProgress: (p) => sections.set(p.section.key, [...(sections.get(p.section.key) ?? []), p.ms]),
          }),
        )
      runs.push(performance.now() - t)
    }
    console.log(`${kind}: annual report (JSON), ${RUNS} runs: ${runs.map(ms).join(', ')} — median ${ms(median(runs))}`)
    for (const [key, times] of sections) console.log(`  ${key.padEnd(20)} median ${ms(median(times))}`)
    t = performance.now()
    const xlsx = await renderXlsx(report!)
    const tx = performance.now() - t
    t = performance.now()
    const pdf = await renderPdf(report!)
    console.log(
      `${kind}: spreadsheet ${ms(tx)} (${Math.round(xlsx.length / 1024)} kB), PDF ${ms(performance.now() - t)} (${Math.round(pdf.length / 1024)} kB)`,
    )
    const y = report!.indicators['ml.youth_in_contact']
    const p = report!.indicators['ml.propositions']
    console.log(`${kind}: youth in contact ${y.value}, propositions ${p.value}`)
    return median(runs)
  } finally {
    await drop()
  }
}

const kinds = process.argv.slice(2).length ? process.argv.slice(2) : ['pglite', 'postgres']
const results: [string, number][] = []
for (const kind of kinds) results.push([kind, await bench(kind)])
console.log('\nmedian annual report (JSON):')
for (const [kind, m] of results) console.log(`  ${kind.padEnd(10)} ${ms(m)}`)
