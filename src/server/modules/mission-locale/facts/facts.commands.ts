import type { Command } from '../../../cli/command.ts'
import { installedModules, rebuildFacts } from '../../registry.ts'

const USAGE = 'jalon facts [status | rebuild [--year AAAA …] | drop --year AAAA …]'

function yearsOf(value: unknown): number[] | undefined | 'bad' {
  if (value === undefined) return undefined
  const list = (Array.isArray(value) ? value : [value]).map(String)
  const years = list.map((y) => (/^\d{4}$/.test(y) ? Number(y) : Number.NaN))
  return years.some((y) => Number.isNaN(y) || y < 1900 || y > 2100) ? 'bad' : years
}

/**
 * `jalon facts`: the per-person, per-year facts the indicators read for a built calendar year (every module that
 * keeps some: its manifest's `facts`). `status` names the built years, the years with rows to count that are not built
 * (their reports read the raw rows) and the built years computed under an older definition of the facts (after an
 * upgrade that changed it: their reports read the raw rows until they are rebuilt). `rebuild` builds the named years,
 * or else those already built and every year with rows to count; writes to the tables they read wait meanwhile.
 * `drop` stops keeping a year.
 */
export const factsCommand: Command = {
  name: 'facts',
  summary: 'Faits par personne et par année des indicateurs : état, reconstruction (rebuild), abandon (drop)',
  usage: USAGE,
  options: { year: { type: 'string', multiple: true } },
  run: async ({ deps, values, positionals, log }) => {
    const action = positionals[0] ?? 'status'
    const years = yearsOf(values.year)
    if (years === 'bad') {
      log('Année invalide : --year AAAA (de 1900 à 2100).')
      return 2
    }
    const db = deps.db.kysely
    if (action === 'status') {
      for (const m of installedModules()) {
        if (!m.facts) continue
        const built = await m.facts.builtYears(db)
        const unbuilt = (await m.facts.activeYears(db)).filter((y) => !built.includes(y))
        const stale = await m.facts.staleYears(db)
        log(`${m.name} : ${built.length ? `années construites ${built.join(', ')}` : 'aucune année construite'}`)
        if (unbuilt.length)
          log(
            `${m.name} : années avec activité non construites ${unbuilt.join(', ')} (leurs rapports lisent les lignes ` +
              'brutes, plus lentement : jalon facts rebuild --year AAAA)',
          )
        if (stale.length)
          log(
            `${m.name} : à reconstruire ${stale.join(', ')}, construites selon une définition antérieure des faits ` +
              '(leurs rapports lisent les lignes brutes en attendant : jalon facts rebuild)',
          )
      }
      return 0
    }
    if (action === 'rebuild') {
      const started = performance.now()
      const done = await rebuildFacts(db, {
        years,
        log: (r) => log(`${r.module} ${r.year} : ${r.ms.toLocaleString('fr-FR')} ms`),
      })
      log(
        done.length
          ? `Faits reconstruits en ${Math.round(performance.now() - started).toLocaleString('fr-FR')} ms.`
          : 'Aucune année à construire.',
      )
      return 0
    }
    if (action === 'drop') {
      if (!years?.length) {
        log(`Indiquez l’année : ${USAGE}`)
        return 2
      }
      await db.transaction().execute(async (tx) => {
        for (const m of installedModules()) for (const y of years) await m.facts?.drop(tx, y)
      })
      log(`Années abandonnées : ${years.join(', ')}.`)
      return 0
    }
    log(`Usage : ${USAGE}`)
    return 2
  },
}
