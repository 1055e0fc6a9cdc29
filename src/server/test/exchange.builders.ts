import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { memorySink, memorySource } from '../modules/exchange/exchange.bundle.ts'
import { exportBundle } from '../modules/exchange/exchange.export.ts'
import { type ImportOptions, importBundle } from '../modules/exchange/exchange.import.ts'

// Bundles for the exchange tests: the documented example, edited cell by cell.

export type Bundle = Record<string, string>
export const EXAMPLE_BUNDLE = 'docs/examples/import-bundle'
export const IMPORT_NOW = new Date('2026-03-02T09:00:00Z')

export async function readBundle(dir = EXAMPLE_BUNDLE): Promise<Bundle> {
  const out: Bundle = {}
  for (const name of (await readdir(dir)).sort()) out[name] = await readFile(join(dir, name), 'utf8')
  return out
}

const rowsOf = (text: string) => parse(text, { bom: true }) as string[][]
const write = (rows: string[][]) => stringify(rows, { record_delimiter: 'unix' })

/** Sets one cell: `row` 1 is the first data row. */
export function withCell(bundle: Bundle, file: string, row: number, column: string, value: string): Bundle {
  const rows = rowsOf(bundle[file]!)
  const at = rows[0]!.indexOf(column)
  if (at < 0) throw new Error(`no column ${column} in ${file}`)
  rows[row]![at] = value
  return { ...bundle, [file]: write(rows) }
}

export function withoutColumn(bundle: Bundle, file: string, column: string): Bundle {
  const rows = rowsOf(bundle[file]!)
  const at = rows[0]!.indexOf(column)
  return { ...bundle, [file]: write(rows.map((r) => r.filter((_, i) => i !== at))) }
}

export function withRow(bundle: Bundle, file: string, cells: Record<string, string>): Bundle {
  const rows = rowsOf(bundle[file]!)
  rows.push(rows[0]!.map((c) => cells[c] ?? ''))
  return { ...bundle, [file]: write(rows) }
}

/** Drops the data rows whose `column` holds one of `values`. */
export function withoutRows(bundle: Bundle, file: string, column: string, values: string[]): Bundle {
  const [header, ...rows] = rowsOf(bundle[file]!)
  const at = header!.indexOf(column)
  if (at < 0) throw new Error(`no column ${column} in ${file}`)
  return { ...bundle, [file]: write([header!, ...rows.filter((r) => !values.includes(r[at]!))]) }
}

export function withoutFile(bundle: Bundle, file: string): Bundle {
  const { [file]: _, ...rest } = bundle
  return rest
}

/** Imports in a transaction of its own, as the CLI does (an ImportFailed rolls it back). */
export function importInto(db: Db, bundle: Bundle, opts: Partial<ImportOptions> = {}) {
  return db.kysely.transaction().execute((tx) => importBundle(tx, memorySource(bundle), { now: IMPORT_NOW, ...opts }))
}

/** fetchSize: rows per cursor fetch (small in tests, to go through several pages) */
export async function exportFrom(db: Db, structureId?: string, fetchSize = 1000): Promise<Bundle> {
  const sink = memorySink()
  await db.kysely.transaction().execute(async (tx) => {
    const structure = await tx
      .selectFrom('structure')
      .select(['id', 'name'])
      .$if(!!structureId, (q) => q.where('id', '=', structureId!))
      .executeTakeFirstOrThrow()
    await exportBundle(tx, sink, structure, { fetchSize })
  })
  return sink.files
}

export const dataTables = [
  'structure',
  'site',
  'site_commune',
  'programme',
  'proposition_theme',
  'app_user',
  'user_site',
  'user_programme',
  'person',
  'person_attribute',
  'status_period',
  'event',
  'proposition',
  'situation',
  'enrolment',
  'person_note',
  'agenda_room',
  'agenda_template',
  'agenda_series',
  'appointment',
  'appointment_leader',
  'appointment_person',
  'agenda_message',
  // the PLIE's (after what they point to: deleted first)
  'plie_commune',
  'plie_organisation',
  'plie_organisation_user',
  'plie_funding',
  'plie_proposal',
  'plie_committee',
  'plie_committee_member',
  'plie_committee_case',
  'plie_pathway',
  'plie_referent',
  'plie_step',
  'esf_answer',
  // the financial aids' (after what they point to: deleted first)
  'aid_fund',
  'aid_envelope',
  'aid_commission',
  'aid_commission_member',
  'aid_project',
  'aid_project_holder',
  'aid_request',
  'aid_contract',
  'aid_payment_run',
  'aid_payment',
  'aid_indirect',
  // training's (after what they point to: deleted first)
  'training_body',
  'training_body_user',
  'training_action',
  'training_session',
  'training_prescription',
  'training_prescription_event',
  'prof_fund_envelope',
  'prof_plan',
  'prof_plan_cofunding',
  // employment's (after what they point to: deleted first)
  'immersion_programme',
  'immersion_module',
  'employer',
  'employer_contact',
  'employer_interaction',
  'job_project',
  'job_offer',
  'job_offer_site',
  'recruitment_operation',
  'operation_info_session',
  'candidate_pool',
  'pool_info_session',
  'pool_member',
  'placement',
  'placement_follow_up',
  'offer_candidate',
  'offer_candidate_event',
  'operation_application',
  'immersion',
  'clause_operation',
  'clause_lot',
  'clause_participant',
  'clause_contract',
  'clause_statement',
  'clause_hours',
] as const

/** Deletes every data row (not the audit trail, which is append-only): one database serves a whole test file. */
export async function emptyDatabase(db: Db) {
  // the agenda's rows point to persons, sites and users (and consent and feeds do not travel): they go first
  const agenda = [
    ...['agenda_message', 'agenda_contact', 'appointment_person', 'appointment_leader', 'appointment'],
    'agenda_series',
  ] as const
  for (const t of [...agenda, 'agenda_room', 'agenda_template', 'agenda_feed'] as const)
    await sql`DELETE FROM ${sql.table(t)}`.execute(db.kysely)
  // the national proposition themes are reference data of the installation, not of a structure
  for (const t of [...dataTables].reverse())
    await sql`DELETE FROM ${sql.table(t)} ${t === 'proposition_theme' ? sql`WHERE structure_id IS NOT NULL` : sql``}`.execute(
      db.kysely,
    )
}

export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const t of dataTables) {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(t)}`.execute(db.kysely)
    out[t] = rows[0]!.n
  }
  return out
}

/** Every row of every data table, in a fixed order: two dumps are equal when nothing changed, versions included. */
export async function dumpTables(db: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {}
  for (const t of dataTables) {
    const { rows } = await sql`SELECT to_jsonb(x)::text AS j FROM ${sql.table(t)} AS x ORDER BY 1`.execute(db.kysely)
    out[t] = rows
  }
  return out
}
