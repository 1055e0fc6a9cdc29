import { defineConfig } from 'vitest/config'

// Every integration test runs twice: once on an in-process PGlite, once on the PostgreSQL server
// (a fresh database per test file, dropped afterwards). JALON_TEST_DB tells the test helpers which.
const include = ['src/**/*.test.ts']
export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'pglite', include, env: { JALON_TEST_DB: 'pglite' }, testTimeout: 60_000, hookTimeout: 120_000 },
      },
      {
        test: {
          name: 'postgres',
          include,
          env: { JALON_TEST_DB: 'postgres' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
