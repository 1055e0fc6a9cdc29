import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import {
  exportResponseSchema,
  importRequestSchema,
  importResponseSchema,
} from '../../../shared/exchange/exchange.schema.ts'
import type { Deps } from '../../deps.ts'
import { AppError } from '../../errors.ts'
import { defineRoute } from '../../http/route.ts'
import { memorySink, memorySource } from './exchange.bundle.ts'
import { formatIssue, ImportFailed } from './exchange.errors.ts'
import { exportBundle } from './exchange.export.ts'
import { importBundle } from './exchange.import.ts'
import { exchangePolicy } from './exchange.policy.ts'

const tags = ['Import et export']

export function exchangeRoutes(app: FastifyInstance, deps: Deps) {
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/exchange/import',
    summary: 'Importer un petit lot de fichiers CSV dans la structure (tout ou rien ; gros lots : jalon import)',
    tags,
    access: exchangePolicy.import,
    body: importRequestSchema,
    response: importResponseSchema,
    handler: async ({ tx, actor, body, now, audit }) => {
      // A dry run checks everything, then undoes it inside the request's transaction.
      if (body.dryRun) await sql`SAVEPOINT exchange_dry_run`.execute(tx)
      try {
        const report = await importBundle(tx, memorySource(body.files), { structureId: actor.structureId, now })
        if (body.dryRun) await sql`ROLLBACK TO SAVEPOINT exchange_dry_run`.execute(tx)
        else
          await audit({
            action: 'exchange.import',
            entity: 'structure',
            entityId: actor.structureId,
            detail: { files: report.files },
          })
        return { structureId: report.structureId, dryRun: body.dryRun, files: report.files }
      } catch (error) {
        if (!(error instanceof ImportFailed)) throw error
        throw new AppError(
          'validation',
          error.message,
          error.issues.map((i) => ({
            field: [i.file, i.line, i.column].filter((p) => p !== undefined && p !== '').join(':'),
            message: formatIssue(i),
          })),
        )
      }
    },
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/exchange/export',
    summary: 'Exporter les données de la structure au format de l’import (petites structures ; sinon jalon export)',
    tags,
    access: exchangePolicy.export,
    response: exportResponseSchema,
    handler: async ({ tx, actor, audit }) => {
      const structure = await tx
        .selectFrom('structure')
        .select(['id', 'name'])
        .where('id', '=', actor.structureId)
        .executeTakeFirstOrThrow()
      const sink = memorySink()
      const report = await exportBundle(tx, sink, structure)
      await audit({
        action: 'exchange.export',
        entity: 'structure',
        entityId: structure.id,
        detail: { files: report.files },
      })
      return { files: sink.files }
    },
  })
}
