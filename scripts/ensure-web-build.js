// `npm start` serves the built web app: build it once if this checkout has never been built.
import { execSync } from 'node:child_process'
import { existsSync } from 'node:fs'

if (!existsSync('dist/web/index.html')) {
  console.log('Première exécution : construction de l’application web…')
  execSync('npx vite build', { stdio: 'inherit' })
}
