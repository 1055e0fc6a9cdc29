// A Kysely dialect over DuckDB (@duckdb/node-api), for the benchmarks only: the report engine's own queries, compiled
// for PostgreSQL, run unchanged on DuckDB, so the two engines compute the same indicators from the same rows and their
// results can be compared value for value (bench/national.ts). Read-only use: transactions are DuckDB's own.
import type { DuckDBConnection } from '@duckdb/node-api'
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely'

/** DuckDB's values as the pg driver gives them: dates and timestamps as Date, big integers as numbers or strings. */
function toJs(v: unknown): unknown {
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString()
  return v
}

/** one parameter as a SQL literal */
function literal(p: unknown): string {
  if (p === null || p === undefined) return 'NULL'
  if (typeof p === 'number' || typeof p === 'bigint') return String(p)
  if (typeof p === 'boolean') return p ? 'TRUE' : 'FALSE'
  if (p instanceof Date) return `'${p.toISOString()}'`
  if (Array.isArray(p)) return `[${p.map(literal).join(', ')}]`
  return `'${String(p).replaceAll("'", "''")}'`
}

/**
 * The parameters written into the text: DuckDB refuses a parameter as the LIMIT of a correlated subquery (the report's
 * "state on a date" is one), and literals let it fold constants as PostgreSQL does with a custom plan.
 */
const inline = (text: string, params: readonly unknown[]) =>
  text.replace(/\$(\d+)/g, (_, n: string) => literal(params[Number(n) - 1]))

class DuckDbConnection implements DatabaseConnection {
  constructor(private readonly conn: DuckDBConnection) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const reader = await this.conn.runAndReadAll(inline(query.sql, query.parameters))
    const rows = reader.getRowObjectsJS().map((r) => {
      const out: Record<string, unknown> = {}
      for (const [k, v] of Object.entries(r)) out[k] = toJs(v)
      return out as R
    })
    return { rows }
  }

  // biome-ignore lint/correctness/useYield: streaming is not used by the report
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streamQuery is not supported on DuckDB here')
  }
}

class DuckDbDriver implements Driver {
  private readonly connection: DuckDbConnection
  constructor(conn: DuckDBConnection) {
    this.connection = new DuckDbConnection(conn)
  }
  async init() {}
  async acquireConnection() {
    return this.connection
  }
  async beginTransaction(c: DatabaseConnection) {
    await c.executeQuery({ sql: 'BEGIN TRANSACTION', parameters: [] } as unknown as CompiledQuery)
  }
  async commitTransaction(c: DatabaseConnection) {
    await c.executeQuery({ sql: 'COMMIT', parameters: [] } as unknown as CompiledQuery)
  }
  async rollbackTransaction(c: DatabaseConnection) {
    await c.executeQuery({ sql: 'ROLLBACK', parameters: [] } as unknown as CompiledQuery)
  }
  async releaseConnection() {}
  async destroy() {}
}

export function duckDbDialect(conn: DuckDBConnection): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DuckDbDriver(conn),
    createIntrospector: (db: Kysely<any>) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  }
}
