import { userInfo } from 'node:os'
import { resolve } from 'node:path'
import type { Command } from '../../cli/command.ts'
import type { Deps } from '../../deps.ts'
import { type AuditEntry, writeAudit } from '../audit/audit.repository.ts'
import { exportAudit, importAudit, importFailedAudit } from './exchange.audit.ts'
import { folderSink, folderSource } from './exchange.bundle.ts'
import { formatIssue, ImportFailed, type ImportIssue } from './exchange.errors.ts'
import { exportBundle } from './exchange.export.ts'
import { type FileReport, importBundle } from './exchange.import.ts'
import { listStructures } from './exchange.repository.ts'

// `jalon import <dossier>` and `jalon export <dossier>`: moving an organisation's history in and out. An operator with
// access to the server runs them (the whole bundle, person files included), audited like the API (exchange.audit.ts).

const stderr = (line: string) => process.stderr.write(`${line}\n`)
const n = (v: number) => v.toLocaleString('fr-FR')
const lines = (v: number) => `${n(v)} ligne${v > 1 ? 's' : ''}`
const CLI_ACTOR = { anonymous: 'ligne de commande', ip: null }

/** The operating-system account that ran the command (none in some containers). */
function osUser(): string | null {
  try {
    return userInfo().username
  } catch {
    return null
  }
}
const cliVia = (folder: string) => ({ via: 'cli' as const, folder: resolve(folder), osUser: osUser() })

/** An audit line in a transaction of its own: after the import's rollback, the refusal is still recorded. */
const auditAlone = (deps: Deps, structureId: string | null, entry: AuditEntry) =>
  deps.db.kysely.transaction().execute((tx) => writeAudit(tx, deps.clock.now(), { ...CLI_ACTOR, structureId }, entry))

/** At most one progress line a second, plus each file's final count. */
function progress() {
  let last = Date.now()
  return (r: FileReport, done: boolean) => {
    const now = Date.now()
    if (!done && now - last < 1000) return
    last = now
    stderr(
      done
        ? `  ${r.file} : ${lines(r.rows)} (créées ${n(r.inserted)}, modifiées ${n(r.updated)}, inchangées ${n(r.unchanged)})`
        : `  ${r.file} : ${lines(r.rows)} lues…`,
    )
  }
}

/** The structure a refused import was meant for, when it exists: its audit trail shows the refusal. */
async function targetStructure(deps: Deps, wanted: string | null): Promise<string | null> {
  const structures = await deps.db.kysely.selectFrom('structure').select('id').execute()
  if (wanted) return structures.some((s) => s.id === wanted) ? wanted : null
  return structures.length === 1 ? structures[0]!.id : null
}

/** After the summary: what was imported but deserves a look (the bundle is imported all the same). */
function printWarnings(warnings: ImportIssue[], log: (m: string) => void, dryRun = false) {
  if (!warnings.length) return
  const what = warnings.length > 1 ? `${warnings.length} avertissements` : 'Un avertissement'
  log(`${what} (le lot ${dryRun ? 'serait' : 'est'} importé tout de même) :`)
  for (const w of warnings) log(`  Attention : ${formatIssue(w)}`)
}

/** Rolls back a dry run after a successful check. */
class DryRun extends Error {}

export const importCommand: Command = {
  name: 'import',
  summary: 'Importe un lot de fichiers CSV (docs/import-format.md) : tout ou rien',
  usage: 'jalon import <dossier> [--structure <id>] [--dry-run]',
  options: { structure: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  run: async ({ deps, values, positionals, log }) => {
    const folder = positionals[0]
    if (!folder) {
      log('Usage : jalon import <dossier> [--structure <id>] [--dry-run]')
      return 2
    }
    const dryRun = values['dry-run'] === true
    const wanted = (values.structure as string | undefined) ?? null
    const started = Date.now()
    stderr(`Import de ${resolve(folder)}${dryRun ? ' (vérification seule)' : ''}…`)
    const source = folderSource(folder)
    let checked: Awaited<ReturnType<typeof importBundle>> | undefined
    try {
      const report = await deps.db.kysely.transaction().execute(async (tx) => {
        const now = deps.clock.now()
        const r = await importBundle(tx, source, {
          structureId: wanted ?? undefined,
          now,
          dryRun,
          onProgress: progress(),
          onFactsProgress: (module, persons) =>
            stderr(
              `  faits des indicateurs (${module}) : ${n(persons)} personne${persons > 1 ? 's' : ''} recalculée${persons > 1 ? 's' : ''}`,
            ),
        })
        if (dryRun) {
          checked = r
          throw new DryRun()
        }
        const entry = importAudit(r.structureId, 'all', false, r.files, cliVia(folder))
        await writeAudit(tx, now, { ...CLI_ACTOR, structureId: r.structureId }, entry)
        return r
      })
      const rows = report.files.reduce((s, f) => s + f.rows, 0)
      log(
        `Import terminé dans la structure « ${report.structureId} »${report.structureCreated ? ' (créée)' : ''} : ` +
          `${lines(rows)} en ${((Date.now() - started) / 1000).toFixed(1)} s.`,
      )
      printWarnings(report.warnings, log)
      return 0
    } catch (error) {
      if (error instanceof DryRun && checked) {
        // a structure the dry run would have created does not exist: the line names no structure then
        const structureId = checked.structureCreated ? null : checked.structureId
        await auditAlone(
          deps,
          structureId,
          importAudit(checked.structureId, 'all', true, checked.files, cliVia(folder)),
        )
        log('Vérification terminée : le lot est valide (rien n’a été enregistré).')
        printWarnings(checked.warnings, log, true)
        return 0
      }
      const names = (await source.names().catch(() => [])).filter((n) => n.toLowerCase().endsWith('.csv'))
      // no cell value, not even in a database message: its code (or the error's class) only
      const failure =
        error instanceof ImportFailed ? error : { error: (error as { code?: string }).code ?? (error as Error).name }
      const structureId = await targetStructure(deps, wanted)
      await auditAlone(deps, structureId, importFailedAudit(structureId, 'all', dryRun, names, failure, cliVia(folder)))
      if (!(error instanceof ImportFailed)) throw error
      for (const issue of error.issues) stderr(formatIssue(issue))
      if (error.truncated) stderr(`… arrêt après ${error.issues.length} erreurs.`)
      stderr(error.message)
      return 1
    }
  },
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'Exporte les données d’une structure en un lot de fichiers CSV, au format de l’import',
  usage: 'jalon export <dossier> [--structure <id>]',
  options: { structure: { type: 'string' } },
  run: async ({ deps, values, positionals, log }) => {
    const folder = positionals[0]
    if (!folder) {
      log('Usage : jalon export <dossier> [--structure <id>]')
      return 2
    }
    const started = Date.now()
    const result = await deps.db.kysely
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (tx) => {
        const structures = await listStructures(tx)
        const wanted = values.structure as string | undefined
        const structure = wanted ? structures.find((s) => s.id === wanted) : structures[0]
        if (!structure || (!wanted && structures.length > 1))
          return `${wanted ? `Structure « ${wanted} » introuvable` : 'Précisez --structure'} (structures : ${structures.map((s) => s.id).join(', ') || 'aucune'}).`
        let last = Date.now()
        const report = await exportBundle(tx, await folderSink(folder), structure, {
          onProgress: (file, rows) => {
            if (Date.now() - last < 1000) return
            last = Date.now()
            stderr(`  ${file} : ${lines(rows)}…`)
          },
        })
        return report
      })
    if (typeof result === 'string') {
      log(result)
      return 1
    }
    // Its own transaction: a repeatable-read snapshot that writes to the hash-chained audit trail would fail whenever
    // someone else audited something during the export (the chain head moved).
    await auditAlone(deps, result.structureId, exportAudit(result, cliVia(folder)))
    for (const f of result.files) stderr(`  ${f.file} : ${lines(f.rows)}`)
    log(
      `Export de « ${result.structureId} » dans ${resolve(folder)} terminé en ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    )
    return 0
  },
}
