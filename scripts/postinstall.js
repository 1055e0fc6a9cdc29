// `npm install` builds the web application (as `npm start` would, scripts/ensure-web-build.js) and prepares the PGlite
// templates of the first start (`jalon templates`: the migrated database, and the demo
// organisation with the 2009 data set), so that the first `npm start` copies them instead of loading for a quarter of a
// minute (docs/demo-2009.md, "Load time"). A cache in node_modules/.cache/jalon: never committed, rebuilt by the first
// start when absent or out of date. Skipped under CI (the tests build their own databases) or with JALON_SKIP_TEMPLATES=1;
// a failure here never fails the install: the first start then does the work.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

if (process.env.CI || process.env.JALON_SKIP_TEMPLATES || !existsSync('src/server/cli.ts')) {
  console.log('jalon : modèles PGlite non préparés (CI ou JALON_SKIP_TEMPLATES) ; le premier démarrage les créera.')
} else {
  const web = spawnSync(process.execPath, ['scripts/ensure-web-build.js'], { stdio: 'inherit' })
  if (web.status !== 0) console.log('jalon : application web non construite ; `npm start` la construira.')
  console.log('jalon : préparation des modèles PGlite du premier démarrage (une fois par version du code)…')
  const run = spawnSync(process.execPath, ['bin/jalon.js', 'templates'], { stdio: 'inherit' })
  if (run.status !== 0) console.log('jalon : modèles non préparés ; le premier démarrage les créera.')
}
