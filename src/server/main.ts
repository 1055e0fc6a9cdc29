import { folderHeldAdvice } from './cli/folder-held.ts'
import { ConfigError, loadConfig } from './config.ts'
import { FolderHeldError } from './db/pglite-lock.ts'
import { demoLoadHeading, demoLoadProgress } from './demo/progress.ts'

// The server's modules are imported inside main(), not above: a first line is printed at once, and the HTTP application's
// modules (Fastify, its plugins) and the demo's load while the database opens (docs/demo-2009.md, "Load time").
async function main() {
  const config = loadConfig()
  console.log('Démarrage de Jalon…')
  const later = Promise.all([import('./app.ts'), import('./demo/demo.ts')])
  later.catch(() => {}) // awaited below; a failure to open the database is the one to report
  const { closeDeps, startRuntime } = await import('./runtime.ts')
  // the 2009 data set takes seconds (docs/demo-2009.md): left out when NODE_ENV=test (browser journeys boot a fresh
  // server); on PGlite a new folder is a copy of the demo template (built by the first start that lacks it, with or
  // without the data set: the journeys' servers after the first copy the organisation's template it built)
  const demo = config.demo === 'auto'
  const year2009 = demo && config.env !== 'test'
  const progress = demoLoadProgress(console.log)
  const deps = await startRuntime(config, console.log, { demoBase: demo ? { year2009, progress } : undefined })
  const [{ buildApp }, { demoState, loadDemo, loadDemoDay }] = await later
  const state = demo ? await demoState(deps.db) : 'other'
  if (state === 'empty' || state === 'base') {
    const t0 = performance.now()
    let loaded: Awaited<ReturnType<typeof loadDemo>>
    if (state === 'empty') {
      console.log(demoLoadHeading(year2009))
      loaded = await loadDemo(deps.db, deps.clock.now(), { year2009, progress })
    } else loaded = await loadDemoDay(deps.db, deps.clock.now(), { progress })
    const s = ((performance.now() - t0) / 1000).toFixed(1).replace('.', ',')
    const r = loaded.year2009?.rows
    console.log(
      r
        ? `Données 2009 chargées en ${s} s : ${r.person} jeunes, ${r.event} événements, ${r.proposition} propositions.`
        : state === 'base' && year2009
          ? `Données 2009 chargées depuis le modèle de démonstration ; données du jour écrites en ${s} s.`
          : `Données de démonstration chargées en ${s} s.`,
    )
    console.log('\nComptes de démonstration (mot de passe pour tous : %s) :', loaded.password)
    for (const u of loaded.users) console.log(`  ${u.role.padEnd(20)} ${u.email}`)
    console.log('  (l’administrateur active la double authentification à sa première connexion)\n')
  }
  const app = await buildApp(deps, { logger: true })
  // PGlite can corrupt its folder if killed mid-write: close the server, then the database, on every stop signal.
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    app.log.info(`${signal} reçu, arrêt`)
    await app.close()
    await closeDeps(deps)
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
  await app.listen({ port: config.port, host: config.host })
  const where =
    deps.db.kind === 'pglite'
      ? `PGlite (${config.pgliteDir})`
      : `PostgreSQL${config.reportDatabaseUrl ? ' (rapports sur le réplica)' : ''}`
  console.log(`\nJalon est prêt : http://localhost:${config.port}  — base ${where} — API : /api/docs\n`)
}

main().catch((error) => {
  if (error instanceof FolderHeldError) console.error(`${error.message}\n${folderHeldAdvice('serve')}`)
  else console.error(error instanceof ConfigError ? error.message : error)
  process.exit(1)
})
