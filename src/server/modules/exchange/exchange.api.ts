import { sql } from 'kysely'
import type { ExportResponse, ImportRequest, ImportResponse } from '../../../shared/exchange/exchange.schema.ts'
import type { Actor, Tx } from '../../deps.ts'
import { AppError } from '../../errors.ts'
import type { AuditEntry } from '../audit/audit.repository.ts'
import { exportAudit, importAudit, importFailedAudit } from './exchange.audit.ts'
import { memorySink, memorySource } from './exchange.bundle.ts'
import { formatIssue, ImportFailed, type ImportIssue } from './exchange.errors.ts'
import { exportBundle } from './exchange.export.ts'
import { importBundle } from './exchange.import.ts'
import { requireSecondFactor } from './exchange.policy.ts'
import type { ExchangeScope } from './exchange.registry.ts'

// The API's side of the exchange (small bundles in JSON; the CLI streams big ones). The route has already checked the
// role for the scope (exchangePolicy); the person files also need the second factor.

interface ApiCtx {
  tx: Tx
  actor: Actor
  now: Date
  audit(entry: AuditEntry): Promise<void>
}

const via = { via: 'api' } as const

/** persons.csv:12:birth_date */
const issueField = (i: ImportIssue) => [i.file, i.line, i.column].filter((p) => p !== undefined && p !== '').join(':')

export async function apiImport(
  ctx: ApiCtx,
  scope: ExchangeScope,
  body: Required<ImportRequest>,
): Promise<ImportResponse> {
  const { tx, actor, now } = ctx
  if (scope === 'all') await requireSecondFactor(tx, now, actor, 'import')
  // The import runs in a savepoint: a refused import (or a dry run) is undone, and its audit line, written after the
  // rollback, is kept (the request's transaction commits it).
  await sql`SAVEPOINT exchange_import`.execute(tx)
  try {
    const report = await importBundle(tx, memorySource(body.files), {
      structureId: actor.structureId,
      scope,
      now,
      dryRun: body.dryRun,
    })
    if (body.dryRun) await sql`ROLLBACK TO SAVEPOINT exchange_import`.execute(tx)
    else await sql`RELEASE SAVEPOINT exchange_import`.execute(tx)
    await ctx.audit(importAudit(report.structureId, scope, body.dryRun, report.files, via))
    return {
      structureId: report.structureId,
      dryRun: body.dryRun,
      files: report.files,
      warnings: report.warnings.map((w) => ({ field: issueField(w), message: formatIssue(w) })),
    }
  } catch (error) {
    if (!(error instanceof ImportFailed)) throw error
    await sql`ROLLBACK TO SAVEPOINT exchange_import`.execute(tx)
    await ctx.audit(importFailedAudit(actor.structureId, scope, body.dryRun, Object.keys(body.files), error, via))
    throw new AppError(
      'validation',
      error.message,
      error.issues.map((i) => ({ field: issueField(i), message: formatIssue(i) })),
      true,
    )
  }
}

export async function apiExport(ctx: ApiCtx, scope: ExchangeScope): Promise<ExportResponse> {
  const { tx, actor, now } = ctx
  if (scope === 'all') await requireSecondFactor(tx, now, actor, 'export')
  const structure = await tx
    .selectFrom('structure')
    .select(['id', 'name'])
    .where('id', '=', actor.structureId)
    .executeTakeFirstOrThrow()
  const sink = memorySink()
  const report = await exportBundle(tx, sink, structure, { scope })
  await ctx.audit(exportAudit(report, via))
  return { files: sink.files }
}
