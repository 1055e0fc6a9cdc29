import type { Tx } from '../../deps.ts'
import type { BundleSink } from './exchange.bundle.ts'
import { escapeFormula, formatCell } from './exchange.columns.ts'
import { csvWriter } from './exchange.csv.ts'
import { STRUCTURE_COLUMNS } from './exchange.not-exported.ts'
import { type ExchangeScope, entitiesOf, entityByName, STRUCTURE_FILE } from './exchange.registry.ts'
import { cursorRows, exportQuery, structureTimeZone } from './exchange.repository.ts'

export interface ExportReport {
  structureId: string
  scope: ExchangeScope
  files: { file: string; rows: number }[]
}

/**
 * Writes the structure's data as a bundle, in the import's format. external_id is the stored external id, or the
 * row's uuid; rows come in a fixed order, so export → import into an empty database → export gives the same bytes.
 * Run it in a REPEATABLE READ transaction: every file then shows the same moment. `scope` (default all) says which
 * files: the configuration alone leaves out every person file.
 */
export async function exportBundle(
  tx: Tx,
  sink: BundleSink,
  structure: { id: string; name: string },
  opts: { scope?: ExchangeScope; fetchSize?: number; onProgress?(file: string, rows: number): void } = {},
): Promise<ExportReport> {
  const scope = opts.scope ?? 'all'
  const files: ExportReport['files'] = []
  const head = csvWriter(sink.open(STRUCTURE_FILE), [...STRUCTURE_COLUMNS])
  await head.write([structure.id, escapeFormula(structure.name), await structureTimeZone(tx, structure.id)])
  await head.end()
  for (const entity of entitiesOf(scope)) {
    const out = csvWriter(
      sink.open(entity.file),
      entity.columns.map((c) => c.name),
    )
    let rows = 0
    for await (const page of cursorRows(tx, exportQuery(entity, structure.id, entityByName), opts.fetchSize ?? 1000)) {
      for (const r of page) await out.write(entity.columns.map((c) => formatCell(r[c.name], c.type)))
      rows += page.length
      opts.onProgress?.(entity.file, rows)
    }
    await out.end()
    files.push({ file: entity.file, rows })
  }
  return { structureId: structure.id, scope, files }
}
