import { parseArgs } from 'node:util'
import { commands } from './cli/commands.ts'
import { folderHeldAdvice } from './cli/folder-held.ts'
import { ConfigError, loadConfig } from './config.ts'
import { FolderHeldError } from './db/pglite-lock.ts'
import { closeDeps, startRuntime } from './runtime.ts'

// `jalon <command> [options]`: serve, migrate, demo, and each module's own (import, export, report…).
async function main(argv: string[]) {
  const [name, ...rest] = argv
  if (name === 'serve') {
    await import('./main.ts')
    return undefined
  }
  const command = commands.find((c) => c.name === name)
  if (!command) {
    console.log('Usage : jalon <commande> [options]\n')
    console.log(`  ${'serve'.padEnd(12)}Démarre le serveur (comme npm start)`)
    for (const c of commands) console.log(`  ${c.name.padEnd(12)}${c.summary}\n${' '.repeat(14)}${c.usage}`)
    return name && name !== 'help' && name !== '--help' ? 2 : 0
  }
  const { values, positionals } = parseArgs({ args: rest, options: command.options ?? {}, allowPositionals: true })
  const log = (msg: string) => console.log(msg)
  if (command.needsDatabase === false) return command.run({ deps: undefined as never, values, positionals, log }) // it never reads deps
  let deps: Awaited<ReturnType<typeof startRuntime>>
  try {
    deps = await startRuntime(loadConfig(), log)
  } catch (error) {
    // the PGlite folder is held (by the server, usually): say by whom and how to do this otherwise; nothing was touched
    if (!(error instanceof FolderHeldError)) throw error
    console.error(`${error.message}\n${folderHeldAdvice(command.name)}`)
    return 1
  }
  try {
    return await command.run({ deps, values, positionals, log })
  } finally {
    await closeDeps(deps)
  }
}

main(process.argv.slice(2))
  .then((code) => {
    if (code !== undefined) process.exit(code)
  })
  .catch((error) => {
    console.error(error instanceof ConfigError ? error.message : error instanceof Error ? error.message : error)
    process.exit(1)
  })
