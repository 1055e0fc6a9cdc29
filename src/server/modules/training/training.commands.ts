import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { Command } from '../../cli/command.ts'
import type { Actor } from '../../deps.ts'
import { AppError } from '../../errors.ts'
import { writeAudit } from '../audit/audit.repository.ts'
import { MAX_IMPORT_BYTES } from './imports.routes.ts'
import { importCatalogue } from './imports.service.ts'

// `jalon training import-lheo <fichier>`: a funder's LHEO catalogue imported by an operator (a file too big for the
// browser, a scheduled job), the same rules as the API: whole or nothing, errors with line and column.

const CLI_ACTOR = { anonymous: 'ligne de commande', ip: null }

export const importLheoCommand: Command = {
  name: 'training',
  summary: 'Formation : importe le catalogue LHEO d’un financeur (tout ou rien)',
  usage: 'jalon training import-lheo <fichier.xml> [--structure <id>] [--dry-run]',
  options: { structure: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  run: async ({ deps, values, positionals, log }) => {
    const [sub, path] = positionals
    if (sub !== 'import-lheo' || !path) {
      log(`Usage : ${importLheoCommand.usage}`)
      return 2
    }
    if ((await stat(path)).size > MAX_IMPORT_BYTES) {
      log('Fichier refusé : plus de 20 Mo.')
      return 1
    }
    const xml = await readFile(path, 'utf8')
    const structures = await deps.db.kysely.selectFrom('structure').select(['id', 'time_zone']).execute()
    const wanted = (values.structure as string | undefined) ?? (structures.length === 1 ? structures[0]!.id : null)
    const structure = structures.find((s) => s.id === wanted)
    if (!structure) {
      log('Indiquez la structure : --structure <id>.')
      return 2
    }
    const now = deps.clock.now()
    try {
      const r = await deps.db.kysely.transaction().execute((tx) =>
        importCatalogue(
          {
            tx,
            now,
            actor: { structureId: structure.id, timeZone: structure.time_zone } as Actor,
            audit: (entry) => writeAudit(tx, now, { ...CLI_ACTOR, structureId: structure.id }, entry),
          },
          'lheo',
          xml,
          { file: basename(path), dryRun: values['dry-run'] === true },
        ),
      )
      const c = (k: 'bodies' | 'actions' | 'sessions') => `${r[k].created} créé(e)s, ${r[k].updated} mis(es) à jour`
      log(`${r.dryRun ? 'Vérification' : 'Import'} terminé(e) :`)
      log(`  organismes : ${c('bodies')}\n  actions : ${c('actions')}\n  sessions : ${c('sessions')}`)
      return 0
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      log(error.message)
      for (const f of error.fields) log(`  ${f.message}`)
      return 1
    }
  },
}

export const trainingCommands: Command[] = [importLheoCommand]
