/** What the global setup hands every test file of a run (see global-setup.ts). */
export interface TestRun {
  /** short id naming this run's PostgreSQL templates */
  id: string
  /** a folder of this run: PGlite template dumps and their locks */
  dir: string
}

declare module 'vitest' {
  export interface ProvidedContext {
    jalonTestRun: TestRun
  }
}

/** The PostgreSQL server the tests create their databases on. */
export const adminUrl = process.env.JALON_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
