import { sql } from 'kysely'
import { openDatabase } from './database.ts'

// Test helper for pglite-lock.test.ts: holds a PGlite folder as a running server does.
// Opens argv[2], adds the row argv[3] to the table `kept`, prints "ready" and waits; SIGTERM closes the database and exits.
const [dir, value] = process.argv.slice(2)
if (!dir || !value) throw new Error('usage : pglite-lock.child.ts <dossier> <valeur>')
const db = await openDatabase({ pgliteDir: dir })
await sql`CREATE TABLE IF NOT EXISTS kept (value text NOT NULL)`.execute(db.kysely)
await sql`INSERT INTO kept (value) VALUES (${value})`.execute(db.kysely)
process.on('SIGTERM', () => {
  void db.close().then(() => process.exit(0))
})
setInterval(() => {}, 1 << 30) // keeps the process alive until a signal
process.stdout.write('ready\n')
