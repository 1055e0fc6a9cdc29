import { isEmpty, loadDemo } from '../demo/demo.ts'
import { demoLoadHeading, demoLoadProgress } from '../demo/progress.ts'
import { preparePgliteTemplates } from '../runtime.ts'
import type { Command } from './command.ts'

export const templatesCommand: Command = {
  name: 'templates',
  summary:
    'Prépare les modèles PGlite du premier démarrage (base migrée ; avec la démonstration et les données 2009), sans toucher aux données',
  usage: 'jalon templates',
  needsDatabase: false,
  run: async ({ log }) => {
    const t0 = performance.now()
    const progress = demoLoadProgress(log)
    const ready = await preparePgliteTemplates(log, { demoBase: { year2009: true, progress } })
    if (!ready) {
      log('Le cache node_modules/.cache/jalon ne peut pas être écrit : le premier démarrage créera la base lui-même.')
      return 1
    }
    log(`Modèles prêts en ${((performance.now() - t0) / 1000).toFixed(0)} s : ${ready.what}.`)
    return 0
  },
}

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Applique les migrations de la base (faites aussi à chaque démarrage)',
  usage: 'jalon migrate',
  run: async ({ log }) => {
    log('Base à jour.')
    return 0
  },
}

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Charge l’organisation de démonstration dans une base vide (--year 2009 : avec les données de l’année 2009)',
  usage: 'jalon demo [--year 2009]',
  options: { year: { type: 'string' } },
  run: async ({ deps, values, log }) => {
    const year = values.year as string | undefined
    if (year !== undefined && year !== '2009') {
      log(`Année inconnue : ${year}. Seul le jeu de données 2009 existe (--year 2009).`)
      return 1
    }
    if (!(await isEmpty(deps.db))) {
      log('La base contient déjà des données : rien n’est chargé.')
      return 1
    }
    // the same lines as a first `npm start`: the step under way, at most one a second
    log(demoLoadHeading(year === '2009'))
    const t0 = performance.now()
    const demo = await loadDemo(deps.db, deps.clock.now(), {
      year2009: year === '2009',
      progress: demoLoadProgress(log),
    })
    log(`Organisation de démonstration chargée. Mot de passe des comptes : ${demo.password}`)
    for (const u of demo.users) log(`  ${u.role.padEnd(20)} ${u.email}`)
    if (demo.year2009) {
      const r = demo.year2009.rows
      log(
        `Données 2009 chargées en ${((performance.now() - t0) / 1000).toFixed(0)} s : ${r.person} jeunes, ${r.event} événements, ` +
          `${r.proposition} propositions, ${r.situation} situations, ${r.enrolment} inscriptions (ML et CIVIS) ; ` +
          `${r.app_user} conseillers et chargés d’accueil de 2009, sans accès à l’application.`,
      )
    }
    return 0
  },
}
