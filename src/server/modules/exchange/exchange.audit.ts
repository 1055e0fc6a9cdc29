import type { AuditEntry } from '../audit/audit.repository.ts'
import type { ImportIssue } from './exchange.errors.ts'
import type { ExportReport } from './exchange.export.ts'
import type { FileReport } from './exchange.import-file.ts'
import type { ExchangeScope } from './exchange.registry.ts'

// The audit lines of the exchange, the same from the API and the CLI: what was moved (files and row counts), the
// scope, and where from. A refused import names where its errors are (file, line, column), never a cell's value: the
// audit trail holds no person data.

type Via = { via: 'api' } | { via: 'cli'; folder: string; osUser: string | null }

const total = (files: { rows: number }[]) => files.reduce((s, f) => s + f.rows, 0)

export function exportAudit(report: ExportReport, via: Via): AuditEntry {
  return {
    action: 'exchange.export',
    entity: 'structure',
    entityId: report.structureId,
    detail: { scope: report.scope, ...via, rows: total(report.files), files: report.files },
  }
}

export function importAudit(
  structureId: string,
  scope: ExchangeScope,
  dryRun: boolean,
  files: FileReport[],
  via: Via,
): AuditEntry {
  return {
    action: 'exchange.import',
    entity: 'structure',
    entityId: structureId,
    detail: { scope, dryRun, ...via, rows: total(files), files },
  }
}

/** `files`: the names the bundle held. */
export function importFailedAudit(
  structureId: string | null,
  scope: ExchangeScope,
  dryRun: boolean,
  files: string[],
  failure: { issues: ImportIssue[]; truncated: boolean } | { error: string },
  via: Via,
): AuditEntry {
  const outcome =
    'issues' in failure
      ? {
          errors: failure.issues.length,
          truncated: failure.truncated,
          at: failure.issues.map((i) => ({ file: i.file, line: i.line, column: i.column })),
        }
      : { error: failure.error }
  return {
    action: 'exchange.import_failed',
    entity: 'structure',
    entityId: structureId,
    detail: { scope, dryRun, ...via, files: [...files].sort(), ...outcome },
  }
}
