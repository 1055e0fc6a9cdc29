import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TableDistribution } from '../modules/module.ts'
import { serverModules } from '../modules/modules.ts'
import { createTestDb, type TestDb } from '../test/test-db.ts'
import { citusScript, classify, distributionViolations } from './distribution.ts'

// Issue 9, sharding by structure: the migrated schema distributes on Citus by structure_id as the modules' manifests
// classify their tables (docs/operations.md, "National deployment on Citus"). Read from the live catalogue, so a new
// table or key that would not distribute fails here, whichever migration brought it.

let db: TestDb
beforeAll(async () => {
  db = await createTestDb()
})
afterAll(() => db.drop())

const { tables, problems } = classify(serverModules)

describe('the schema distributes on Citus by structure', () => {
  it('every manifest classifies exactly the tables it owns', () => {
    expect(problems).toEqual([])
    expect([...tables.values()].filter((k) => k === 'structure').length).toBeGreaterThanOrEqual(11)
  })

  it('has structure_id in every key of the distributed tables, and only keys Citus accepts', async () => {
    expect(await distributionViolations(db.kysely, tables)).toEqual([])
  })

  it('places the parents of every foreign key before it in the Citus script', async () => {
    const { rows } = await sql<{ child: string; parent: string }>`
      SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent FROM pg_constraint c
      WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace AND c.conrelid <> c.confrelid`.execute(
      db.kysely,
    )
    const script = citusScript(tables)
    const at = (table: string) => script.indexOf(`('${table}'`)
    const late = rows.filter((r) => at(r.child) >= 0 && at(r.parent) > at(r.child))
    expect(late.map((r) => `${r.parent} after ${r.child}`)).toEqual([])
    for (const [table, kind] of tables) expect(at(table) >= 0).toBe(kind !== 'local')
  })

  it('fails on a table or a key that would not distribute', async () => {
    // tried in a transaction that is rolled back: what someone might add, each breaking one rule
    const trial = new Map<string, TableDistribution>([
      ...tables,
      ['trial_visit', 'structure'],
      ['trial_code', 'reference'],
      ['trial_login', 'local'],
    ])
    let found: string[] = []
    await db.kysely
      .transaction()
      .execute(async (tx) => {
        for (const statement of [
          // distributed, but structure_id may be NULL, the primary key and a unique key lack it, and the key to its
          // person pairs another column with person.structure_id
          `CREATE TABLE trial_visit (id uuid PRIMARY KEY, structure_id text, other_structure text NOT NULL,
             person_id uuid NOT NULL, external_id text UNIQUE,
             FOREIGN KEY (other_structure, person_id) REFERENCES person (structure_id, id))`,
          'CREATE UNIQUE INDEX trial_visit_day_idx ON trial_visit (person_id, external_id)',
          // a reference table pointing to a distributed one; a local one, and a key to it from a reference table
          `CREATE TABLE trial_login (id uuid PRIMARY KEY)`,
          `CREATE TABLE trial_code (code text PRIMARY KEY, structure_id text NOT NULL, person_id uuid NOT NULL,
             login_id uuid REFERENCES trial_login (id),
             FOREIGN KEY (structure_id, person_id) REFERENCES person (structure_id, id))`,
          // a table nobody classified
          'CREATE TABLE trial_orphan (id uuid PRIMARY KEY)',
        ])
          await sql.raw(statement).execute(tx)
        found = await distributionViolations(tx, trial)
        throw new Error('rolled back')
      })
      .catch((e: Error) => {
        if (e.message !== 'rolled back') throw e
      })
    const expected = [
      "trial_orphan: not classified (a module's manifest, distribution)",
      'trial_visit.structure_id may be NULL',
      expect.stringMatching(
        /^trial_code: foreign key .* → person \(structure_id, id\): from a reference table to a distributed one/,
      ),
      expect.stringMatching(/^trial_code: foreign key .* → trial_login \(id\): from a reference table to a local one/),
      expect.stringMatching(
        /^trial_visit: foreign key .*\(other_structure, person_id\) → person .* does not pair structure_id/,
      ),
      'trial_visit: primary key trial_visit_pkey (id) lacks structure_id',
      'trial_visit: unique constraint trial_visit_external_id_key (external_id) lacks structure_id',
      'trial_visit: unique index trial_visit_day_idx (person_id, external_id) lacks structure_id',
    ]
    expect(found).toEqual(expect.arrayContaining(expected))
    expect(found).toHaveLength(expected.length)
  })
})
