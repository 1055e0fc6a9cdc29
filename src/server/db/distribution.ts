import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { type Kysely, sql } from 'kysely'
import type { ServerModule, TableDistribution } from '../modules/module.ts'

// Where each table lives on a national deployment distributed with Citus (docs/operations.md, "National deployment on
// Citus"; the decision in docs/ARCHITECTURE.md). Each module's manifest classifies its tables (`distribution`); this
// file reads the classification, checks the migrated database against it (distribution.test.ts, both databases) and
// writes the SQL that places the tables on a Citus cluster into docs/operations.md
// (`npx tsx src/server/db/distribution.ts [--print]`; distribution.unit.test.ts fails when the page is stale).

/** the column every distributed table is split by */
export const DISTRIBUTION_COLUMN = 'structure_id'
/** the table the others are co-located with */
export const COLOCATION_ANCHOR = 'person'

export interface Classification {
  /** table → where it lives, in the modules' order (each manifest lists a table's parents before it) */
  tables: Map<string, TableDistribution>
  /** manifests that classify a table they do not own, or own a table they do not classify */
  problems: string[]
}

export function classify(modules: readonly ServerModule[]): Classification {
  const tables = new Map<string, TableDistribution>()
  const problems: string[] = []
  for (const m of modules) {
    const own = m.tables as string[]
    const declared = (m.distribution ?? {}) as Record<string, TableDistribution | undefined>
    for (const table of own) {
      const kind = declared[table]
      if (kind) tables.set(table, kind)
      else
        problems.push(
          `${table}: not classified — add it to the distribution of ${m.name}.module.ts ('structure', 'reference' or 'local')`,
        )
    }
    for (const table of Object.keys(declared))
      if (!own.includes(table)) problems.push(`${table}: classified by ${m.name}, which does not own it`)
  }
  return { tables, problems }
}

interface Key {
  table: string
  name: string
  /** p primary, u unique, x exclusion, i unique index without a constraint, f foreign key */
  kind: 'p' | 'u' | 'x' | 'i' | 'f'
  /** key columns in key order ('(expression)' for an expression) */
  columns: string[]
  refTable: string | null
  refColumns: string[]
}

/** every key of the public tables: constraints, unique indexes of their own, foreign keys with their column pairs */
async function keysOf(db: Kysely<any>): Promise<Key[]> {
  const { rows } = await sql<Key>`
    SELECT t.relname AS "table", c.conname AS name, c.contype::text AS kind,
      ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(n, o)
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o) AS columns,
      r.relname AS "refTable",
      ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(n, o)
            JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o) AS "refColumns"
    FROM pg_constraint c
    JOIN pg_class t ON t.oid = c.conrelid
    JOIN pg_namespace ns ON ns.oid = t.relnamespace
    LEFT JOIN pg_class r ON r.oid = c.confrelid
    WHERE ns.nspname = 'public' AND c.contype IN ('p', 'u', 'x', 'f')
    UNION ALL
    SELECT t.relname, x.relname, 'i',
      ARRAY(SELECT coalesce(a.attname::text, '(expression)') FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(n, o)
            LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n
            WHERE k.o <= i.indnkeyatts ORDER BY k.o),
      NULL, ARRAY[]::text[]
    FROM pg_index i
    JOIN pg_class t ON t.oid = i.indrelid
    JOIN pg_class x ON x.oid = i.indexrelid
    JOIN pg_namespace ns ON ns.oid = t.relnamespace
    WHERE ns.nspname = 'public' AND i.indisunique
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid
                      AND c.contype IN ('p', 'u', 'x'))
    ORDER BY 1, 2`.execute(db)
  return rows
}

const what: Record<Key['kind'], string> = {
  p: 'primary key',
  u: 'unique constraint',
  x: 'exclusion constraint',
  i: 'unique index',
  f: 'foreign key',
}

/**
 * What in the migrated database breaks the rules of `tables` (empty: the schema distributes on Citus as classified).
 * Every public table is classified; a distributed table has structure_id NOT NULL, of one type for all, a primary key,
 * and structure_id in its primary key and in every unique constraint, unique index and exclusion constraint (Citus
 * enforces uniqueness within a shard only); a foreign key between distributed tables pairs structure_id with
 * structure_id (co-located rows); no foreign key points from a reference or a local table to a distributed one, nor
 * from any Citus table to a local one.
 */
export async function distributionViolations(
  db: Kysely<any>,
  tables: ReadonlyMap<string, TableDistribution>,
): Promise<string[]> {
  const wrong: string[] = []
  const { rows: present } = await sql<{ name: string; type: string | null; not_null: boolean | null }>`
    SELECT t.relname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null
    FROM pg_class t JOIN pg_namespace ns ON ns.oid = t.relnamespace
    LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attname = ${DISTRIBUTION_COLUMN} AND NOT a.attisdropped
    WHERE ns.nspname = 'public' AND t.relkind IN ('r', 'p') AND t.relname NOT LIKE 'kysely_%'
    ORDER BY 1`.execute(db)
  const anchorType = present.find((t) => t.name === COLOCATION_ANCHOR)?.type
  for (const t of present) {
    const kind = tables.get(t.name)
    if (!kind) wrong.push(`${t.name}: not classified (a module's manifest, distribution)`)
    if (kind !== 'structure') continue
    if (!t.type) wrong.push(`${t.name}: distributed by ${DISTRIBUTION_COLUMN}, which it lacks`)
    else {
      if (!t.not_null) wrong.push(`${t.name}.${DISTRIBUTION_COLUMN} may be NULL`)
      if (t.type !== anchorType) wrong.push(`${t.name}.${DISTRIBUTION_COLUMN} is ${t.type}, ${anchorType} in person`)
    }
  }
  for (const table of tables.keys())
    if (!present.some((t) => t.name === table)) wrong.push(`${table}: classified, not in the database`)

  const keys = await keysOf(db)
  for (const [table, kind] of tables)
    if (
      kind === 'structure' &&
      present.some((t) => t.name === table) &&
      !keys.some((k) => k.table === table && k.kind === 'p')
    )
      wrong.push(`${table}: distributed without a primary key`)
  for (const k of keys) {
    const from = tables.get(k.table)
    if (k.kind !== 'f') {
      if (from === 'structure' && !k.columns.includes(DISTRIBUTION_COLUMN))
        wrong.push(`${k.table}: ${what[k.kind]} ${k.name} (${k.columns.join(', ')}) lacks ${DISTRIBUTION_COLUMN}`)
      continue
    }
    const to = k.refTable ? tables.get(k.refTable) : undefined
    const fk = `${k.table}: foreign key ${k.name} (${k.columns.join(', ')}) → ${k.refTable} (${k.refColumns.join(', ')})`
    if (from === 'structure' && to === 'structure') {
      const at = k.columns.indexOf(DISTRIBUTION_COLUMN)
      if (at < 0 || k.refColumns[at] !== DISTRIBUTION_COLUMN)
        wrong.push(`${fk} does not pair ${DISTRIBUTION_COLUMN} with ${DISTRIBUTION_COLUMN}`)
    } else if (to === 'structure' && from !== undefined)
      wrong.push(`${fk}: from a ${from} table to a distributed one (Citus refuses it)`)
    else if (to === 'local' && from !== 'local' && from !== undefined)
      wrong.push(`${fk}: from a ${from === 'structure' ? 'distributed' : from} table to a local one (Citus refuses it)`)
  }
  return wrong
}

/** the SQL that places every table, parents first: reference tables, then person, then the tables co-located with it */
export function citusScript(tables: ReadonlyMap<string, TableDistribution>): string {
  const named = (kind: TableDistribution) => [...tables].filter(([, k]) => k === kind).map(([t]) => t)
  const distributed = named('structure').sort(
    (a, b) => Number(b === COLOCATION_ANCHOR) - Number(a === COLOCATION_ANCHOR),
  )
  const unlessPlaced = (table: string) =>
    `WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = '${table}'::regclass)`
  const lines = [
    '-- Generated from the modules’ manifests (src/server/db/distribution.ts). On the coordinator, as the tables’ owner,',
    '-- after `jalon migrate` and again after every later migration: a table already placed is left as it is.',
    '',
    '-- Reference tables: small, copied whole to every node.',
    ...named('reference').map((t) => `SELECT create_reference_table('${t}') ${unlessPlaced(t)};`),
    '',
    `-- Distributed by ${DISTRIBUTION_COLUMN}: a structure's rows of every table on the same node as its persons.`,
    ...distributed.map((t) =>
      t === COLOCATION_ANCHOR
        ? `SELECT create_distributed_table('${t}', '${DISTRIBUTION_COLUMN}') ${unlessPlaced(t)};`
        : `SELECT create_distributed_table('${t}', '${DISTRIBUTION_COLUMN}', colocate_with => '${COLOCATION_ANCHOR}') ${unlessPlaced(t)};`,
    ),
    '',
    `-- Local, on the coordinator only: ${named('local').join(', ')}.`,
  ]
  return lines.join('\n')
}

export const OPERATIONS_DOC = resolve(import.meta.dirname, '../../../docs/operations.md')
const BEGIN = '<!-- citus-script: generated by npx tsx src/server/db/distribution.ts -->'
const END = '<!-- /citus-script -->'

/** docs/operations.md with its generated block replaced by `script` (the block must be there) */
export function withCitusScript(page: string, script: string): string {
  const from = page.indexOf(BEGIN)
  const to = page.indexOf(END)
  if (from < 0 || to < from) throw new Error(`docs/operations.md: the lines ${BEGIN} and ${END} are missing`)
  return `${page.slice(0, from + BEGIN.length)}\n\`\`\`sql\n${script}\n\`\`\`\n${page.slice(to)}`
}

// `npx tsx src/server/db/distribution.ts` rewrites the block of docs/operations.md; with `--print`, prints the SQL
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { serverModules } = await import('../modules/modules.ts')
  const { tables, problems } = classify(serverModules)
  if (problems.length) throw new Error(problems.join('\n'))
  if (process.argv.includes('--print')) console.log(citusScript(tables))
  else {
    writeFileSync(OPERATIONS_DOC, withCitusScript(readFileSync(OPERATIONS_DOC, 'utf8'), citusScript(tables)))
    console.log(`Écrit : ${OPERATIONS_DOC}`)
  }
}
