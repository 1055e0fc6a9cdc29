import type { Tx } from '../../deps.ts'
import type { BundleSource } from './exchange.bundle.ts'
import { rowReader, unescapeFormula } from './exchange.columns.ts'
import { CsvFormatError, csvRecords } from './exchange.csv.ts'
import { type ImportIssue, type IssueLog, quote } from './exchange.errors.ts'
import { foldKey, type RefResolver } from './exchange.refs.ts'
import { entityByName } from './exchange.registry.ts'
import {
  adoptUuids,
  fillKept,
  markSeen,
  releaseSavepoint,
  rollbackToSavepoint,
  savepoint,
  upsertRows,
} from './exchange.repository.ts'
import type { ColumnIssue, EntitySpec, ImportRow, WriteCounts, WriteCtx } from './exchange.types.ts'

export interface FileReport {
  file: string
  rows: number
  inserted: number
  updated: number
  unchanged: number
}

export interface FileCtx extends WriteCtx {
  tx: Tx
  source: BundleSource
  log: IssueLog
  refs: RefResolver
  today: string
  /** rows per batch; default: as many as keep a statement under ~30 000 bound values (at most 2000) */
  batchSize?: number
  /**
   * Keys of the rows refused so far, by entity: a row that refers to one of them is left out without a message of
   * its own (the refused row is the cause, already reported).
   */
  refused: Map<string, Set<string>>
  onProgress?(report: FileReport, done: boolean): void
  /** a warning: the row is imported, the report says something about it */
  warn(warning: ImportIssue): void
}

/**
 * Reads one file of the bundle row by row, validates, and writes it batch by batch. A batch is written while the next
 * one is read and checked (the database and this process work at the same time; at most two batches in memory); the
 * issues a batch's reading found are logged when it is handed over, so the report lists them in the file's order.
 */
export async function importFile(entity: EntitySpec, ctx: FileCtx): Promise<FileReport> {
  const { file } = entity
  const report: FileReport = { file, rows: 0, inserted: 0, updated: 0, unchanged: 0 }
  let header: string[] | undefined
  let read: ReturnType<typeof rowReader> | undefined
  let batch: ImportRow[] = []
  /** the issues found while reading the batch */
  const found: ImportIssue[] = []
  /** the write of the previous batch, if still running */
  let writing: Promise<void> | undefined
  const settle = async () => {
    const w = writing
    writing = undefined
    await w
    for (const issue of found.splice(0)) ctx.log.add(issue)
  }
  const handOver = async () => {
    const rows = batch
    batch = []
    await settle()
    if (!rows.length) return
    writing = flush(entity, rows, report, ctx)
    writing.catch(() => undefined) // awaited by the next settle
  }
  const batchSize = ctx.batchSize ?? Math.min(2000, Math.floor(30_000 / (entity.columns.length + 4)))
  ctx.refs.reset()
  try {
    for await (const { line, fields } of csvRecords(ctx.source.open(file))) {
      if (!header) {
        header = checkHeader(entity, fields, ctx.log)
        if (!header) return report
        read = rowReader(entity, header, () => ctx.today)
        continue
      }
      report.rows++
      if (fields.some((f) => f.includes('\uFFFD'))) {
        await settle()
        ctx.log.add({
          file,
          line,
          message: 'caractère illisible : le fichier doit être encodé en UTF-8 (dans un tableur : « CSV UTF-8 »)',
        })
        return report
      }
      if (fields.length !== header.length) {
        remember(entity, ctx, rawKey(fields[header.indexOf(entity.key)]))
        found.push({ file, line, message: `${fields.length} champs au lieu de ${header.length} (ceux de l’en-tête)` })
        continue
      }
      const parsed = read!(fields)
      if (parsed.issues) {
        remember(entity, ctx, rawKey(fields[header.indexOf(entity.key)]))
        for (const i of parsed.issues) found.push({ file, line, ...i })
        continue
      }
      const row = { line, values: parsed.values, refInfo: {} }
      for (const w of entity.warnings?.(row) ?? []) ctx.warn({ file, line, ...w })
      batch.push(row)
      if (batch.length >= batchSize) await handOver()
    }
    await handOver()
    await settle()
  } catch (error) {
    if (!(error instanceof CsvFormatError)) throw error
    batch = []
    await settle()
    ctx.log.add({ file, line: error.line, message: error.message })
  } finally {
    // never leave a write running on the transaction (its error, if any, comes after the one already thrown)
    await writing?.catch(() => undefined)
  }
  ctx.onProgress?.(report, true)
  return report
}

/** The key of a row refused before its cells were read, as the reading would give it (formula quote taken away). */
const rawKey = (cell: string | undefined) => (cell === undefined ? cell : unescapeFormula(cell.trim()))

/** Past this many, a reference to a refused row is reported like any missing one (memory stays bounded). */
const MAX_REMEMBERED = 10_000

function remember(entity: EntitySpec, ctx: FileCtx, key: unknown) {
  if (typeof key !== 'string' || !key.trim()) return
  const set = ctx.refused.get(entity.name) ?? new Set<string>()
  if (set.size >= MAX_REMEMBERED) return
  set.add(foldKey(entity, key.trim()))
  ctx.refused.set(entity.name, set)
}

function checkHeader(entity: EntitySpec, fields: string[], log: IssueLog): string[] | undefined {
  const { file } = entity
  const header = fields.map((f) => f.trim())
  if (header.length === 1 && header[0]!.includes(';')) {
    log.add({ file, line: 1, message: 'le séparateur doit être la virgule, pas le point-virgule' })
    return undefined
  }
  const known = new Set(entity.columns.map((c) => c.name))
  let ok = true
  header.forEach((h, i) => {
    if (!known.has(h)) {
      log.add({ file, line: 1, column: h || `n° ${i + 1}`, message: 'colonne inconnue' })
      ok = false
    } else if (header.indexOf(h) !== i) {
      log.add({ file, line: 1, column: h, message: 'colonne en double' })
      ok = false
    }
  })
  for (const c of entity.columns)
    if (c.required && c.default === undefined && !header.includes(c.name)) {
      log.add({ file, line: 1, column: c.name, message: 'colonne obligatoire absente' })
      ok = false
    }
  return ok ? header : undefined
}

/** Duplicates, references, then the write of the rows still valid (in a savepoint, so a refusal of the database
 * does not abort the whole transaction: the other rows still serve to check the files that follow). */
async function flush(entity: EntitySpec, batch: ImportRow[], report: FileReport, ctx: FileCtx) {
  if (!batch.length) return
  const bad = new Set<ImportRow>()
  const fail = (row: ImportRow, issue?: ColumnIssue) => {
    bad.add(row)
    remember(entity, ctx, row.values[entity.key])
    if (issue) ctx.log.add({ file: entity.file, line: row.line, ...issue })
  }
  await checkDuplicates(entity, batch, ctx, fail)
  await resolveReferences(entity, batch, ctx, fail)
  for (const row of batch) if (!bad.has(row)) for (const issue of entity.checkResolved?.(row) ?? []) fail(row, issue)
  const good = batch.filter((r) => !bad.has(r))
  if (good.length) {
    const counts = await writeSafely(entity, good, ctx, fail)
    report.inserted += counts.inserted
    report.updated += counts.updated
    report.unchanged += counts.written - counts.inserted - counts.updated
  }
  ctx.onProgress?.(report, false)
}

async function checkDuplicates(
  entity: EntitySpec,
  batch: ImportRow[],
  ctx: FileCtx,
  fail: (row: ImportRow, issue?: ColumnIssue) => void,
) {
  const firstLine = new Map<string, number>()
  const items: { key: string; line: number }[] = []
  for (const row of batch) {
    const key = foldKey(entity, row.values[entity.key] as string)
    const first = firstLine.get(key)
    if (first !== undefined) fail(row, duplicate(entity, row, first))
    else {
      firstLine.set(key, row.line)
      items.push({ key, line: row.line })
    }
  }
  const earlier = await markSeen(ctx.tx, entity.file, items)
  for (const row of batch) {
    const line = earlier.get(foldKey(entity, row.values[entity.key] as string))
    if (line !== undefined && line !== row.line) fail(row, duplicate(entity, row, line))
  }
}

const duplicate = (entity: EntitySpec, row: ImportRow, line: number): ColumnIssue => ({
  column: entity.key,
  message: `${quote(String(row.values[entity.key]))} en double (déjà ligne ${line})`,
})

async function resolveReferences(
  entity: EntitySpec,
  batch: ImportRow[],
  ctx: FileCtx,
  fail: (row: ImportRow, issue?: ColumnIssue) => void,
) {
  for (const c of entity.columns) {
    if (c.type.kind !== 'ref' && c.type.kind !== 'refs') continue
    const target = c.type.target
    const keysOf = (row: ImportRow) => {
      const v = row.values[c.name]
      return v === null || v === undefined ? [] : Array.isArray(v) ? (v as string[]) : [v as string]
    }
    const hits = await ctx.refs.resolve(target, batch.flatMap(keysOf))
    const targetEntity = entityByName(target)
    for (const row of batch) {
      const keys = keysOf(row)
      if (!keys.length) continue
      const found = keys.map((k) => hits.get(foldKey(targetEntity, k)))
      const missing = keys.find((_, i) => !found[i])
      if (missing !== undefined) {
        if (ctx.refused.get(ctx.refs.source(target))?.has(foldKey(targetEntity, missing))) fail(row)
        else
          fail(row, {
            column: c.name,
            message: `${ctx.refs.label(target)} introuvable ${quote(missing)} (${ctx.refs.where(target)})`,
          })
        continue
      }
      row.values[c.name] = c.type.kind === 'ref' ? found[0]!.id : found.map((h) => h!.id)
      if (c.type.kind === 'ref' && found[0]!.info !== undefined) row.refInfo[c.name] = found[0]!.info
    }
  }
}

async function writeSafely(
  entity: EntitySpec,
  rows: ImportRow[],
  ctx: FileCtx,
  fail: (row: ImportRow, issue?: ColumnIssue) => void,
): Promise<WriteCounts & { written: number }> {
  await savepoint(ctx.tx)
  try {
    const counts = await writeRows(entity, rows, ctx, fail)
    await releaseSavepoint(ctx.tx)
    return counts
  } catch (error) {
    if (!isDatabaseRefusal(error)) throw error
    await rollbackToSavepoint(ctx.tx)
  }
  // The database refused the batch: find the rows it refuses, one by one.
  const total = { inserted: 0, updated: 0, written: 0 }
  for (const row of rows) {
    await savepoint(ctx.tx)
    try {
      const c = await writeRows(entity, [row], ctx, fail)
      await releaseSavepoint(ctx.tx)
      total.inserted += c.inserted
      total.updated += c.updated
      total.written += c.written
    } catch (error) {
      if (!isDatabaseRefusal(error)) throw error
      await rollbackToSavepoint(ctx.tx)
      fail(row, refusal(entity, error))
    }
  }
  return total
}

async function writeRows(
  entity: EntitySpec,
  rows: ImportRow[],
  ctx: FileCtx,
  fail: (row: ImportRow, issue?: ColumnIssue) => void,
): Promise<WriteCounts & { written: number }> {
  if (entity.write) {
    const out = await entity.write(ctx.tx, rows, ctx)
    for (const i of out.issues) fail(rows.find((r) => r.line === i.line)!, i)
    return { inserted: out.inserted, updated: out.updated, written: rows.length - out.issues.length }
  }
  const keys = rows.map((r) => r.values[entity.key] as string)
  await adoptUuids(ctx.tx, entity, ctx.structureId, keys)
  const values = rows.map((r) => databaseValues(entity, r, ctx))
  await fillKept(ctx.tx, entity, ctx.structureId, values)
  const written = await upsertRows(ctx.tx, entity, values, ctx.now)
  const changed = new Set(written.filter((w) => !w.inserted).map((w) => w.key))
  const inserted = written.length - changed.size
  if (entity.afterWrite) {
    const insertedKeys = new Set(written.filter((w) => w.inserted).map((w) => w.key))
    for (const k of await entity.afterWrite(ctx.tx, rows, ctx)) if (!insertedKeys.has(k)) changed.add(k)
  }
  return { inserted, updated: changed.size, written: rows.length }
}

function databaseValues(entity: EntitySpec, row: ImportRow, ctx: WriteCtx) {
  const out: Record<string, unknown> = { structure_id: ctx.structureId }
  for (const c of entity.columns) if (c.db !== false) out[c.db ?? c.name] = row.values[c.name] ?? null
  return { ...out, ...entity.derive?.(row, ctx) }
}

interface PgError {
  code?: string
  constraint?: string
  message: string
}
/** Integrity refusals (23xxx) and bad values (22xxx) concern the rows; anything else is a real failure. */
const isDatabaseRefusal = (e: unknown): e is PgError => {
  const code = (e as PgError)?.code
  return typeof code === 'string' && (code.startsWith('23') || code.startsWith('22'))
}

function refusal(entity: EntitySpec, error: PgError): ColumnIssue {
  const known = error.constraint ? entity.constraints?.[error.constraint] : undefined
  return known ?? { column: '', message: `refusé par la base de données (${error.constraint ?? error.message})` }
}
