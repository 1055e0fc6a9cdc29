import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|map)$/
/** under this, compressing saves less than the headers it costs (the server answers them as they are) */
const MIN_BYTES = 1024

/**
 * Writes `<file>.br` and `<file>.gz` beside every text file of the build, at the highest levels (brotli 11, gzip 9):
 * the server sends them as they are (@fastify/static `preCompressed`), so no request pays for compressing a chunk and
 * the browser gets a smaller file than on-the-fly compression at a speed a server can afford (brotli 4).
 */
function precompress(): Plugin {
  let outDir = ''
  let log = (_: string) => {}
  return {
    name: 'jalon-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir)
      log = (m) => config.logger.info(m)
    },
    async closeBundle() {
      const started = performance.now()
      const files = (await readdir(outDir, { recursive: true })).map((f) => join(outDir, f))
      let count = 0
      await Promise.all(
        files
          .filter((f) => COMPRESSIBLE.test(f))
          .map(async (file) => {
            if ((await stat(file)).size < MIN_BYTES) return
            count++
            const content = await readFile(file)
            const [br, gz] = await Promise.all([
              brotli(content, {
                params: {
                  [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                  [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
                },
              }),
              gzipAsync(content, { level: constants.Z_BEST_COMPRESSION }),
            ])
            await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)])
          }),
      )
      log(`${count} fichiers précompressés (brotli, gzip) en ${Math.round(performance.now() - started)} ms`)
    },
  }
}

export default defineConfig({
  plugins: [react(), precompress()],
  root: 'src/web',
  build: { outDir: '../../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { port: 5173, proxy: { '^/api/': 'http://localhost:3000' } },
})
