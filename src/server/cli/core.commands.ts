import { isEmpty, loadDemo } from '../demo/demo.ts'
import type { Command } from './command.ts'

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
  summary: 'Charge l’organisation de démonstration dans une base vide',
  usage: 'jalon demo',
  options: { year: { type: 'string' } },
  run: async ({ deps, log }) => {
    if (!(await isEmpty(deps.db))) {
      log('La base contient déjà des données : rien n’est chargé.')
      return 1
    }
    const demo = await loadDemo(deps.db, deps.clock.now())
    log(`Organisation de démonstration chargée. Mot de passe des comptes : ${demo.password}`)
    for (const u of demo.users) log(`  ${u.role.padEnd(20)} ${u.email}`)
    return 0
  },
}
