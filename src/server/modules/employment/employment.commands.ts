import { readFile, stat } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import type { Command } from '../../cli/command.ts'
import type { Actor } from '../../deps.ts'
import { AppError } from '../../errors.ts'
import { writeAudit } from '../audit/audit.repository.ts'
import { importStatement, MAX_STATEMENT_BYTES } from './clause-statements.service.ts'

// `jalon employment import-clause-statement <fichier> --operation <id>`: a company's monthly statement (CSV or XLSX)
// imported by an operator (a batch of statements received by mail, a scheduled job), the same rules as the API: whole
// or nothing, every error with its file, line and column; the same month again replaces.

const CLI_ACTOR = { anonymous: 'ligne de commande', ip: null }
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export const importClauseStatementCommand: Command = {
  name: 'employment',
  summary: 'Emploi : importe le relevé mensuel d’heures d’insertion d’une entreprise (CSV ou XLSX, tout ou rien)',
  usage:
    'jalon employment import-clause-statement <fichier.csv|fichier.xlsx> --operation <id ou référence> [--structure <id>]',
  options: { structure: { type: 'string' }, operation: { type: 'string' } },
  run: async ({ deps, values, positionals, log }) => {
    const [sub, path] = positionals
    const wantedOperation = values.operation as string | undefined
    if (sub !== 'import-clause-statement' || !path || !wantedOperation) {
      log(`Usage : ${importClauseStatementCommand.usage}`)
      return 2
    }
    if ((await stat(path)).size > MAX_STATEMENT_BYTES) {
      log('Fichier refusé : plus de 5 Mo.')
      return 1
    }
    const structures = await deps.db.kysely.selectFrom('structure').select(['id', 'time_zone']).execute()
    const wanted = (values.structure as string | undefined) ?? (structures.length === 1 ? structures[0]!.id : null)
    const structure = structures.find((s) => s.id === wanted)
    if (!structure) {
      log('Indiquez la structure : --structure <id>.')
      return 2
    }
    // the operation by its id, or by its external reference (the demo's demo-clause-op-1)
    const operation = await deps.db.kysely
      .selectFrom('clause_operation')
      .select(['id', 'name'])
      .where('structure_id', '=', structure.id)
      .where((eb) =>
        UUID.test(wantedOperation)
          ? eb.or([eb('id', '=', wantedOperation), eb('external_id', '=', wantedOperation)])
          : eb('external_id', '=', wantedOperation),
      )
      .executeTakeFirst()
    if (!operation) {
      log(`Opération introuvable : ${wantedOperation}.`)
      return 1
    }
    const format = extname(path).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv'
    const data = await readFile(path)
    const now = deps.clock.now()
    try {
      const r = await deps.db.kysely.transaction().execute((tx) =>
        importStatement(
          {
            tx,
            now,
            actor: { structureId: structure.id, timeZone: structure.time_zone } as Actor,
            audit: (entry) => writeAudit(tx, now, { ...CLI_ACTOR, structureId: structure.id }, entry),
          },
          operation.id,
          format,
          data,
          basename(path),
        ),
      )
      log(
        `Relevé importé dans « ${operation.name} » : ${r.rows} ligne(s), ${r.created} créée(s), ${r.replaced} remplacée(s).`,
      )
      log(`  mois : ${r.months.map((m) => `${m.slice(5, 7)}/${m.slice(0, 4)}`).join(', ')} ; heures : ${r.hours}`)
      return 0
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      log(error.message)
      for (const f of error.fields) log(`  ${f.message}`)
      return 1
    }
  },
}

export const employmentCommands: Command[] = [importClauseStatementCommand]
