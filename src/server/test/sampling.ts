import { testDbKind } from './test-db.ts'

/**
 * How many generated cases a property test draws, and from which seed, on this run's database.
 *
 * Every property runs on both databases. PostgreSQL, the production database, draws the full count; PGlite (the same
 * PostgreSQL compiled to WebAssembly, two to three times slower per statement, in the test's own process) draws a
 * third of it from another seed, so the two runs together cover more cases than the same cases twice, and CI stays
 * under five minutes (issue 8, docs/ARCHITECTURE.md "Property tests on two databases"). A failure names its seed:
 * replay it with `JALON_TEST_DB=<kind>` as printed.
 */
export function sampling(runs: number, seed: number): { numRuns: number; seed: number } {
  return testDbKind === 'postgres'
    ? { numRuns: runs, seed }
    : { numRuns: Math.max(2, Math.ceil(runs / 3)), seed: seed + 1 }
}
