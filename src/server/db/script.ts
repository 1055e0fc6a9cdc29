import { type Kysely, sql } from 'kysely'

/** Runs a migration script statement by statement: PGlite's extended protocol takes one statement per query. */
export async function runScript(db: Kysely<any>, script: string): Promise<void> {
  for (const statement of splitStatements(script)) await sql.raw(statement).execute(db)
}

export function splitStatements(script: string): string[] {
  const out: string[] = []
  let current = ''
  let inDollar = false
  for (let i = 0; i < script.length; i++) {
    if (script.startsWith('$$', i)) {
      inDollar = !inDollar
      current += '$$'
      i++
      continue
    }
    const ch = script[i]
    if (ch === ';' && !inDollar) {
      if (current.trim()) out.push(current.trim())
      current = ''
    } else current += ch
  }
  if (current.trim()) out.push(current.trim())
  return out
}
