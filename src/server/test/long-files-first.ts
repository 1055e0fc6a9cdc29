import { BaseSequencer, type TestSpecification } from 'vitest/node'

/**
 * The test files that take longest, longest first (seconds on an idle two-core machine, PGlite / PostgreSQL): they
 * start at once, so that no long file runs alone at the end while the other workers wait (issue 8). On a fresh clone
 * Vitest has no durations of a previous run, and its default order (by size) put the facts' property test last.
 * A file missing from the list only starts later: update it when `npx vitest run --reporter=json` shows a new long file.
 */
const LONG = [
  // the first file that asks for the 2009 data set builds it for the run (test-db.ts: ~60 s of one worker on PGlite
  // since the PLIE joined it); the other workers run the long files below meanwhile, and the files that need the data
  // set come after them, when it is there, instead of waiting for it on a worker of their own
  'src/server/modules/mission-locale/facts/facts-report.test.ts', // 16 / 8: the 2009 data set
  'src/server/db/pglite-template.test.ts', // 22 / -: two first starts on disk
  'src/server/demo/demo-template.test.ts', // 25 / -: the demo loaded three times
  'src/server/modules/mission-locale/facts/facts.test.ts', // 20 / 29: property test
  'src/server/http/generated-input.test.ts', // 10 / 23: every route
  'src/server/db/pglite-lock.test.ts', // 20 / -: child processes
  'src/server/modules/exchange/exchange.export.test.ts', // 23 / 12: round trips of the demo
  'src/server/modules/mission-locale/facts/facts-import.test.ts', // 10 / 14: property test
  'src/server/modules/plie/plie-report-2009.test.ts', // 16 / 9 (measured at load 4): the 2009 data set
  'src/server/modules/aids/aids-report-2009.test.ts', // the 2009 data set (alone: 97–132 s PGlite, 68 s PostgreSQL, template built)
  'src/server/demo/year2009/load.test.ts', // 10 / 7: the 2009 data set
  'src/server/reporting/report-2009.test.ts', // the 2009 data set
  'src/server/db/schema.test.ts', // 7 / 7: the TypeScript compiler
]

/**
 * The projects one after the other, the longest first. A worker serves one project only: a file of another project
 * takes a new worker, which imports the server again (~5 s of processor time). Files of the three projects mixed cost
 * 82 s of imports summed and 149 s of wall time; the projects in turn, 46 s and 122 s (01/12/2026, an idle machine).
 */
const PROJECTS = ['pglite', 'postgres', 'unit']

export default class LongFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files)
    const rank = (f: TestSpecification) => {
      const i = LONG.findIndex((path) => f.moduleId.endsWith(path))
      return i < 0 ? LONG.length : i
    }
    const project = (f: TestSpecification) => {
      const i = PROJECTS.indexOf(f.project.name)
      return i < 0 ? PROJECTS.length : i
    }
    // stable: the rest keeps Vitest's order
    return sorted
      .map((f, i) => ({ f, i, p: project(f), r: rank(f) }))
      .sort((a, b) => a.p - b.p || a.r - b.r || a.i - b.i)
      .map((x) => x.f)
  }
}
