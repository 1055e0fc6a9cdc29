import { readdirSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { sql } from 'kysely'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serverModules } from '../modules/modules.ts'
import { createTestDb, type TestDb } from '../test/test-db.ts'

// The table types every query is checked against (schema.ts's `Database`, filled by each module's `<module>.tables.ts`)
// must say what the migrations made: the same tables, the same columns, compatible types and the same nullability. A
// migration without its types, or types without their migration, fails here rather than at run time.

type Kind = 'string' | 'number' | 'boolean' | 'Date' | 'json' | 'array'
interface Column {
  kinds: Set<Kind>
  nullable: boolean
}

/** every `*.tables.ts` under src/server: the modules' table types, merged into schema.ts's `Database` */
function tablesFiles(): string[] {
  const server = resolve(import.meta.dirname, '..')
  return readdirSync(server, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.tables.ts'))
    .map((path) => join(server, path))
}

interface Declared {
  /** table → column → what the table types declare (Generated<T> and ColumnType<S, I, U> read as their select type) */
  tables: Map<string, Map<string, Column>>
  /** table → the name of the file that adds it to `Database` */
  files: Map<string, string>
}

let declared: Declared | undefined
/** compiled once for the file's tests */
function declaredTables(): Declared {
  declared ??= compileTables()
  return declared
}

function compileTables(): Declared {
  const file = resolve(import.meta.dirname, 'schema.ts')
  const program = ts.createProgram([file, ...tablesFiles()], {
    strict: true,
    module: ts.ModuleKind.ESNext,
    target: ts.ScriptTarget.ES2022,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    noEmit: true,
  })
  const checker = program.getTypeChecker()
  const source = program.getSourceFile(file)!
  const exported = checker.getExportsOfModule(checker.getSymbolAtLocation(source)!)
  const databaseType = checker.getDeclaredTypeOfSymbol(exported.find((s) => s.name === 'Database')!)
  const kindsOf = (type: ts.Type, into: Column) => {
    const parts = type.isUnion() ? type.types : [type]
    for (const t of parts) {
      if (t.flags & ts.TypeFlags.Null) into.nullable = true
      else if (t.flags & ts.TypeFlags.StringLike) into.kinds.add('string')
      else if (t.flags & ts.TypeFlags.NumberLike) into.kinds.add('number')
      else if (t.flags & (ts.TypeFlags.BooleanLike | ts.TypeFlags.BooleanLiteral)) into.kinds.add('boolean')
      else if (t.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any)) {
        into.kinds.add('json')
        into.nullable = true // unknown holds null too
      } else if (checker.isArrayType(t)) into.kinds.add('array')
      else if (t.getSymbol()?.name === 'Date') into.kinds.add('Date')
      else into.kinds.add('json')
    }
  }
  const tables = new Map<string, Map<string, Column>>()
  const files = new Map<string, string>()
  for (const table of databaseType.getProperties()) {
    files.set(table.name, basename(table.declarations?.[0]?.getSourceFile().fileName ?? '?'))
    const columns = new Map<string, Column>()
    const tableType = checker.getTypeOfSymbol(table)
    for (const column of tableType.getProperties()) {
      let type = checker.getTypeOfSymbol(column)
      // Kysely's ColumnType<Select, Insert, Update> (and Generated<T>) carry the select type as __select__
      const select = type.getProperty('__select__')
      if (select) type = checker.getTypeOfSymbol(select)
      const c: Column = { kinds: new Set(), nullable: false }
      kindsOf(type, c)
      columns.set(column.name, c)
    }
    tables.set(table.name, columns)
  }
  return { tables, files }
}

/** What a PostgreSQL type reads as in JavaScript through both drivers (db/database.ts sets the parsers). */
function kindOfPg(dataType: string, udt: string): Kind {
  if (dataType === 'ARRAY') return 'array'
  if (['integer', 'bigint', 'smallint', 'numeric', 'real', 'double precision'].includes(dataType)) return 'number'
  if (dataType === 'boolean') return 'boolean'
  if (dataType.startsWith('timestamp')) return 'Date'
  if (dataType === 'json' || dataType === 'jsonb') return 'json'
  if (dataType === 'USER-DEFINED' && udt !== 'citext') return 'json'
  return 'string' // text, varchar, uuid, citext, date (read as 'yyyy-mm-dd'), inet, bytea as hex
}

let db: TestDb
beforeAll(async () => {
  db = await createTestDb()
})
afterAll(() => db.drop())

describe('the table types and the migrated database', () => {
  it('declare the same tables, columns, types and nullability', async () => {
    const declared = declaredTables().tables
    expect(declared.size).toBeGreaterThan(15)
    const { rows } = await sql<{
      table_name: string
      column_name: string
      data_type: string
      udt_name: string
      is_nullable: 'YES' | 'NO'
    }>`SELECT table_name, column_name, data_type, udt_name, is_nullable FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name NOT LIKE 'kysely_%'`.execute(db.kysely)
    const actual = new Map<string, typeof rows>()
    for (const r of rows) actual.set(r.table_name, [...(actual.get(r.table_name) ?? []), r])

    const wrong: string[] = []
    for (const table of new Set([...declared.keys(), ...actual.keys()])) {
      const types = declared.get(table)
      const columns = actual.get(table)
      if (!types) wrong.push(`${table}: in the database, not in the table types`)
      if (!columns) wrong.push(`${table}: in the table types, not in the database`)
      if (!types || !columns) continue
      for (const name of new Set([...types.keys(), ...columns.map((c) => c.column_name)])) {
        const type = types.get(name)
        const column = columns.find((c) => c.column_name === name)
        if (!type) wrong.push(`${table}.${name}: in the database, not in the table types`)
        else if (!column) wrong.push(`${table}.${name}: in the table types, not in the database`)
        else {
          const kind = kindOfPg(column.data_type, column.udt_name)
          if (!type.kinds.has(kind) && !(kind === 'json' && type.kinds.size > 0))
            wrong.push(`${table}.${name}: ${column.data_type} in the database, ${[...type.kinds]} in the table types`)
          if ((column.is_nullable === 'YES') !== type.nullable)
            wrong.push(`${table}.${name}: ${column.is_nullable === 'YES' ? 'nullable' : 'not null'} in the database`)
        }
      }
    }
    expect(wrong).toEqual([])
  })

  it('has every table owned by exactly one module (its manifest’s tables)', async () => {
    const { rows } = await sql<{ table_name: string }>`SELECT table_name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'kysely_%'`.execute(
      db.kysely,
    )
    const owners = (table: string) =>
      serverModules.filter((m) => (m.tables as string[]).includes(table)).map((m) => m.name)
    const wrong = rows.map((r) => r.table_name).filter((t) => owners(t).length !== 1)
    expect(rows.length).toBeGreaterThan(15)
    expect(wrong.map((t) => `${t}: ${owners(t).join(', ') || 'no module'}`)).toEqual([])
    const declared = serverModules.flatMap((m) => m.tables as string[])
    expect(declared.filter((t) => !rows.some((r) => r.table_name === t))).toEqual([])
  })

  it('has each table’s row type in its owning module’s <module>.tables.ts', () => {
    const { files } = declaredTables()
    const wrong = serverModules.flatMap((m) =>
      (m.tables as string[])
        .filter((t) => files.get(t) !== `${m.name}.tables.ts`)
        .map((t) => `${t}: in ${files.get(t) ?? 'no file'}, not ${m.name}.tables.ts`),
    )
    expect(wrong).toEqual([])
  })
})
