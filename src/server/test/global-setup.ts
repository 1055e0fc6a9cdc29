import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { adminUrl, type TestRun } from './test-run.ts'

/**
 * Once per Vitest project and run: a folder and an id under which test files share migrated database templates
 * (test-db.ts builds each template the first time a file asks for it, then every file clones it). Teardown drops them.
 */
export default function setup(project: TestProject) {
  const run: TestRun = {
    id: randomBytes(4).toString('hex'),
    dir: mkdtempSync(join(tmpdir(), 'jalon-test-run-')),
  }
  project.provide('jalonTestRun', run)
  return async () => {
    rmSync(run.dir, { recursive: true, force: true })
    if (project.config.env?.JALON_TEST_DB !== 'postgres') return
    const admin = new pg.Client({ connectionString: adminUrl })
    await admin.connect()
    try {
      // the templates, and the files' databases still there (their drop runs beside the next file: test-db.ts)
      const { rows } = await admin.query<{ datname: string }>(
        'SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname LIKE $2 ORDER BY datname LIKE $1',
        [`jalon_tpl_${run.id}_%`, `jalon_test_${run.id}_%`],
      )
      for (const { datname } of rows) {
        try {
          if (datname.startsWith('jalon_tpl_')) await admin.query(`ALTER DATABASE ${datname} IS_TEMPLATE false`)
          await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`)
        } catch {
          // being dropped by a worker at this moment
        }
      }
    } finally {
      await admin.end()
    }
  }
}
