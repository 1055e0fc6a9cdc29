import { defineConfig } from 'vitest/config'
import LongFilesFirst from './src/server/test/long-files-first.ts'

// Three projects:
// - 'unit': pure tests (`*.unit.test.ts`: no database), run once;
// - 'pglite' and 'postgres': every other test file, once on an in-process PGlite and once on the PostgreSQL server.
// JALON_TEST_DB tells the test kit which database; the global setup gives each run the templates every file clones
// (src/server/test/test-db.ts), so a run migrates once and loads the 2009 data set once per database kind.
//
// `isolate: false`: a worker imports the server (Fastify, every module, exceljs, pdfmake, PGlite) once and runs file
// after file with it, instead of importing it again for each of the ~100 files (that import was most of the run's
// time). It holds because the test files keep no state in shared modules: each file opens its own database and app and
// closes them, spies are restored, and the only module-level values are caches of constant data and counters. Vitest
// never reuses a worker across projects, so JALON_TEST_DB stays that of the file's project.
const unit = 'src/**/*.unit.test.ts'
const integration = { include: ['src/**/*.test.ts'], exclude: [unit, '**/node_modules/**'] }
const globalSetup = ['src/server/test/global-setup.ts']
// Generous: a loaded CI machine (other jobs on the same two cores) stretches the longest test, the generated input on
// every route, past a minute; a timeout there says "the machine was busy", not "the code is wrong".
const timeouts = { testTimeout: 180_000, hookTimeout: 600_000 }
const shared = { isolate: false, ...timeouts }
export default defineConfig({
  test: {
    // Database tests wait on PostgreSQL or on PGlite's single connection as much as they compute, so more workers than
    // cores; but the browser journeys' servers and Chromium run beside them. Fresh-clone .ci/run on an idle machine,
    // 01/12/2026 with the PLIE: 340 s with four workers, 317 s with three, 343 s with two (before the journeys ran
    // beside Vitest: 310 s with four, 326 s with three).
    maxWorkers: 3,
    // the longest files first, whatever their project (src/server/test/long-files-first.ts)
    sequence: { sequencer: LongFilesFirst },
    projects: [
      { test: { name: 'unit', include: [unit], ...shared } },
      {
        test: { name: 'pglite', ...integration, globalSetup, env: { JALON_TEST_DB: 'pglite' }, ...shared },
      },
      {
        test: {
          name: 'postgres',
          ...integration,
          globalSetup,
          env: { JALON_TEST_DB: 'postgres' },
          ...shared,
        },
      },
    ],
  },
})
