import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { serverModules } from '../modules/modules.ts'
import { citusScript, classify, OPERATIONS_DOC, withCitusScript } from './distribution.ts'

// docs/operations.md carries the SQL that places every table on a Citus cluster, generated from the manifests: this
// fails when a module classifies a table otherwise (or adds one) and the page was not regenerated.
it('docs/operations.md gives the Citus script of the current classification', () => {
  const { tables, problems } = classify(serverModules)
  expect(problems).toEqual([])
  const page = readFileSync(OPERATIONS_DOC, 'utf8')
  expect(page, 'docs/operations.md est périmé : lancez npx tsx src/server/db/distribution.ts').toBe(
    withCitusScript(page, citusScript(tables)),
  )
  expect(page).toContain("create_distributed_table('person', 'structure_id')")
})
