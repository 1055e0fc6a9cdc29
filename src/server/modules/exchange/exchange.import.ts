import { DEFAULT_TIME_ZONE, dayIn } from '../../../shared/dates.ts'
import { isTimeZone } from '../../../shared/primitives.ts'
import type { Tx } from '../../deps.ts'
import { withFactsNoted } from '../registry.ts'
import type { BundleSource } from './exchange.bundle.ts'
import { unescapeFormula } from './exchange.columns.ts'
import { CsvFormatError, csvRecords } from './exchange.csv.ts'
import { ImportFailed, type ImportIssue, IssueLog, MAX_ISSUES, TooManyIssues } from './exchange.errors.ts'
import { type FileReport, importFile } from './exchange.import-file.ts'
import { RefResolver } from './exchange.refs.ts'
import { type ExchangeScope, entitiesOf, exchangeEntities, STRUCTURE_FILE } from './exchange.registry.ts'
import { createSeenTable, createStructure, listStructures, structureTimeZone } from './exchange.repository.ts'
import type { EntitySpec } from './exchange.types.ts'
import { bundleWarnings, WarningLog } from './exchange.warnings.ts'

export type { FileReport }

export interface ImportOptions {
  /** the target structure; default: the only one in the database, or the one structure.csv creates in an empty one */
  structureId?: string
  /** which files the bundle may hold (default all; the configuration refuses the person files) */
  scope?: ExchangeScope
  now: Date
  maxIssues?: number
  batchSize?: number
  /** the caller rolls back whatever happens (a check only): the facts the import bears on are not recomputed */
  dryRun?: boolean
  onProgress?(report: FileReport, done: boolean): void
  /** the indicators' facts of the persons written, recomputed at the end: how many so far, by module */
  onFactsProgress?(module: string, persons: number): void
}

export interface ImportReport {
  structureId: string
  structureCreated: boolean
  files: FileReport[]
  /** what was imported but deserves a look (exchange.warnings.ts): in French, located like the errors */
  warnings: ImportIssue[]
}

/**
 * Imports a bundle inside the caller's transaction. Any error → ImportFailed listing them (up to maxIssues) and the
 * caller rolls back: nothing is imported. Rows are matched on (structure, external id / code / e-mail), so importing
 * the same bundle again changes nothing. The indicators' facts of the persons written are recomputed once, at the end
 * (registry.ts withFactsNoted), not at each batch of each file.
 */
export async function importBundle(tx: Tx, source: BundleSource, opts: ImportOptions): Promise<ImportReport> {
  const log = new IssueLog(opts.maxIssues ?? MAX_ISSUES)
  const warnings = new WarningLog()
  const files: FileReport[] = []
  try {
    const names = await source.names()
    const entities = entitiesOf(opts.scope ?? 'all')
    checkNames(names, entities, log)
    const structure = await resolveStructure(tx, source, names, opts.structureId, log)
    if (!structure) throw new ImportFailed(log.issues, false)
    await createSeenTable(tx)
    const timeZone = await structureTimeZone(tx, structure.id)
    const ctx = {
      tx,
      source,
      log,
      refs: new RefResolver(tx, structure.id),
      structureId: structure.id,
      now: opts.now,
      // the structure's day: a birth date "in the future" or an event "to come" is so where the structure is
      timeZone,
      today: dayIn(opts.now, timeZone),
      batchSize: opts.batchSize,
      refused: new Map<string, Set<string>>(),
      onProgress: opts.onProgress,
      warn: (w: ImportIssue) => warnings.add(w),
    }
    await withFactsNoted(
      tx,
      async () => {
        for (const entity of entities) if (names.includes(entity.file)) files.push(await importFile(entity, ctx))
        if (log.count) throw new ImportFailed(log.issues, false)
      },
      { refresh: !opts.dryRun, progress: opts.onFactsProgress },
    )
    await bundleWarnings(tx, structure.id, names, warnings)
    return { structureId: structure.id, structureCreated: structure.created, files, warnings: warnings.list }
  } catch (error) {
    if (error instanceof TooManyIssues) throw new ImportFailed(log.issues, true)
    throw error
  }
}

function checkNames(names: string[], entities: EntitySpec[], log: IssueLog) {
  const known = new Set([STRUCTURE_FILE, ...entities.map((e) => e.file)])
  const format = new Set(exchangeEntities().map((e) => e.file))
  for (const name of names)
    if (format.has(name) && !known.has(name))
      log.add({
        file: name,
        message:
          'données des personnes : hors de l’import de la configuration (réservé à la direction, avec la double authentification)',
      })
    else if (name.toLowerCase().endsWith('.csv') && !known.has(name))
      log.add({ file: name, message: `fichier inconnu (fichiers attendus : ${[...known].join(', ')})` })
}

const STRUCTURE_ID = /^[a-z0-9][a-z0-9_-]{0,39}$/

async function resolveStructure(
  tx: Tx,
  source: BundleSource,
  names: string[],
  wanted: string | undefined,
  log: IssueLog,
): Promise<{ id: string; created: boolean } | undefined> {
  const existing = await listStructures(tx)
  if (wanted && existing.some((s) => s.id === wanted)) return { id: wanted, created: false }
  if (wanted && existing.length) {
    log.add({
      message: `la structure « ${wanted} » n’existe pas (structures : ${existing.map((s) => s.id).join(', ')})`,
    })
    return undefined
  }
  if (!wanted && existing.length === 1) return { id: existing[0]!.id, created: false }
  if (existing.length > 1) {
    log.add({
      message: `la base contient plusieurs structures (${existing.map((s) => s.id).join(', ')}) : précisez --structure`,
    })
    return undefined
  }
  // An empty database: the bundle says which structure to create.
  if (!names.includes(STRUCTURE_FILE)) {
    log.add({ file: STRUCTURE_FILE, message: 'la base est vide : le lot doit contenir structure.csv (id, name)' })
    return undefined
  }
  const row = await readStructureFile(source, log)
  if (!row) return undefined
  if (wanted && row.id !== wanted) {
    log.add({ file: STRUCTURE_FILE, line: 2, column: 'id', message: `« ${row.id} » au lieu de « ${wanted} » demandé` })
    return undefined
  }
  await createStructure(tx, row.id, row.name, row.timeZone)
  return { id: row.id, created: true }
}

async function readStructureFile(source: BundleSource, log: IssueLog) {
  const file = STRUCTURE_FILE
  const records: { line: number; fields: string[] }[] = []
  try {
    for await (const r of csvRecords(source.open(file))) records.push(r)
  } catch (error) {
    if (!(error instanceof CsvFormatError)) throw error
    log.add({ file, line: error.line, message: error.message })
    return undefined
  }
  const header = records[0]?.fields.map((f) => f.trim()) ?? []
  const at = (name: string) => header.indexOf(name)
  // time_zone came later: a bundle without it describes a structure in the default zone
  const withZone = header.length === 3 && at('time_zone') >= 0
  if (at('id') < 0 || at('name') < 0 || (header.length !== 2 && !withZone)) {
    log.add({ file, line: 1, message: 'en-tête attendu : id,name,time_zone (ou id,name)' })
    return undefined
  }
  if (records.length !== 2) {
    log.add({ file, message: `une ligne de structure attendue, ${records.length - 1} trouvée(s)` })
    return undefined
  }
  const [, { line, fields }] = records as [unknown, { line: number; fields: string[] }]
  const before = log.count
  const id = (fields[at('id')] ?? '').trim()
  const name = unescapeFormula((fields[at('name')] ?? '').trim())
  if (!STRUCTURE_ID.test(id))
    log.add({ file, line, column: 'id', message: `identifiant invalide « ${id} » (minuscules, chiffres, - ou _)` })
  if (!name || name.length > 200) log.add({ file, line, column: 'name', message: 'nom manquant ou trop long' })
  const timeZone = (withZone ? (fields[at('time_zone')] ?? '').trim() : '') || DEFAULT_TIME_ZONE
  if (!isTimeZone(timeZone))
    log.add({
      file,
      line,
      column: 'time_zone',
      message: `fuseau horaire inconnu « ${timeZone} » (un nom IANA, par exemple Europe/Paris ou Indian/Reunion)`,
    })
  return log.count > before ? undefined : { id, name, timeZone }
}
