import { writeFileSync } from 'node:fs'
import { reportFormatSchema } from '../../shared/reporting/reporting.schema.ts'
import type { Command } from '../cli/command.ts'
import { buildAnnualReport } from './report/build.ts'
import { reportFile } from './report/files.ts'
import { readOnReportDb } from './report-db.ts'

/** A real calendar date written yyyy-mm-dd (2023-02-29 is not). */
function isRealDate(d: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return false
  const t = new Date(`${d}T00:00:00Z`)
  return !Number.isNaN(t.getTime()) && t.toISOString().startsWith(d)
}

/** `jalon report`: the annual report of a period, on standard output (JSON) or written to a file, with per-section progress. */
export const reportCommand: Command = {
  name: 'report',
  summary: 'Calcule le rapport annuel (indicateurs Mission Locale) en JSON, tableur ou PDF',
  usage:
    'jalon report --from AAAA-MM-JJ --to AAAA-MM-JJ [--site CODE] [--format json|xlsx|pdf] [--out fichier] [--public] [--structure ID]',
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    site: { type: 'string' },
    format: { type: 'string', default: 'json' },
    out: { type: 'string' },
    public: { type: 'boolean', default: false },
    structure: { type: 'string' },
  },
  run: async ({ deps, values, log }) => {
    const err = (msg: string) => process.stderr.write(`${msg}\n`)
    const from = String(values.from ?? '')
    const to = String(values.to ?? '')
    if (!isRealDate(from) || !isRealDate(to) || from > to) {
      err('Indiquez la période : --from AAAA-MM-JJ --to AAAA-MM-JJ (début avant la fin).')
      return 2
    }
    const format = reportFormatSchema.safeParse(values.format)
    if (!format.success) {
      err('Format inconnu : json, xlsx ou pdf.')
      return 2
    }
    // every read of the report on the report database (REPORT_DATABASE_URL's replica, else the database)
    const db = (deps.reportDb ?? deps.db).kysely
    const structures = await db.selectFrom('structure').select(['id', 'name']).execute()
    const structure = values.structure ? structures.find((s) => s.id === values.structure) : structures[0]
    if (!structure || (!values.structure && structures.length > 1)) {
      err(
        structures.length > 1
          ? `Plusieurs structures : précisez --structure (${structures.map((s) => s.id).join(', ')}).`
          : 'Aucune structure dans la base (chargez la démonstration : jalon demo).',
      )
      return 2
    }
    let siteIds: string[] | undefined
    if (values.site) {
      const site = await db
        .selectFrom('site')
        .select('id')
        .where('structure_id', '=', structure.id)
        .where('code', '=', String(values.site))
        .executeTakeFirst()
      if (!site) {
        err(`Site inconnu : ${values.site}.`)
        return 2
      }
      siteIds = [site.id]
    }
    const started = performance.now()
    // one consistent snapshot of the data for the whole report
    const report = await readOnReportDb(deps, (q) =>
      buildAnnualReport(q, {
        structureId: structure.id,
        period: { from, to },
        siteIds,
        published: values.public ? deps.config.secrecy : undefined,
        now: deps.clock.now(),
        onProgress: (p) => err(`[${p.index + 1}/${p.count}] ${p.section.title} — ${p.ms} ms`),
      }),
    )
    const file = await reportFile(report, format.data)
    err(`Rapport calculé en ${Math.round(performance.now() - started)} ms.`)
    const out = values.out ? String(values.out) : format.data === 'json' ? undefined : file.name
    if (!out) {
      process.stdout.write(file.body)
      process.stdout.write('\n')
      return 0
    }
    writeFileSync(out, file.body)
    log(`Écrit : ${out}`)
    return 0
  },
}
