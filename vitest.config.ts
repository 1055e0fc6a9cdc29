import { defineConfig } from 'vitest/config'

// Three projects:
// - 'unit': pure tests (`*.unit.test.ts`: no database), run once;
// - 'pglite' and 'postgres': every other test file, once on an in-process PGlite and once on the PostgreSQL server.
// JALON_TEST_DB tells the test kit which database; the global setup gives each run the templates every file clones
// (src/server/test/test-db.ts), so a run migrates once and loads the 2009 data set once per database kind.
const unit = 'src/**/*.unit.test.ts'
const integration = { include: ['src/**/*.test.ts'], exclude: [unit, '**/node_modules/**'] }
const globalSetup = ['src/server/test/global-setup.ts']
const timeouts = { testTimeout: 60_000, hookTimeout: 600_000 }
export default defineConfig({
  test: {
    // Database tests wait on PostgreSQL or on PGlite's single connection as much as they compute: three workers keep
    // both cores busy.
    maxWorkers: 3,
    projects: [
      { test: { name: 'unit', include: [unit], ...timeouts } },
      { test: { name: 'pglite', ...integration, globalSetup, env: { JALON_TEST_DB: 'pglite' }, ...timeouts } },
      { test: { name: 'postgres', ...integration, globalSetup, env: { JALON_TEST_DB: 'postgres' }, ...timeouts } },
    ],
  },
})
