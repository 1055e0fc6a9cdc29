import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildStructure } from '../test/builders.ts'
import { buildYouth } from '../test/reporting.builders.ts'
import { createTestDb, type TestDb } from '../test/test-db.ts'
import { buildAnnualReport } from './report/build.ts'

// A network's report (BuildOptions.network, bench/national.ts): the persons of every listed structure, each counted once
// in the structure that holds their file; a structure outside the list counts for nothing.
let db: TestDb
beforeAll(async () => {
  db = await createTestDb()
})
afterAll(() => db.drop())

const period = { from: '2009-01-01', to: '2009-12-31' }
const now = new Date('2026-03-02T09:00:00Z')

describe('the report of a network of structures', () => {
  it('adds up its structures, leaves out the others, and sets no objectives', async () => {
    const a = await buildStructure(db)
    const b = await buildStructure(db)
    const outside = await buildStructure(db)
    await buildYouth(db, a, { events: ['2009-03-01'], firstReception: '2009-03-01' })
    await buildYouth(db, a, { events: ['2009-04-01'], propositions: [{ date: '2009-04-01', theme: 'training' }] })
    await buildYouth(db, b, {
      events: ['2009-05-01'],
      firstReception: '2009-05-01',
      propositions: [{ date: '2009-05-01', theme: 'housing' }],
    })
    await buildYouth(db, outside, { events: ['2009-06-01'], firstReception: '2009-06-01' })
    const report = (opts: { structureId: string; network?: { name: string; structureIds: string[] } }) =>
      buildAnnualReport(db.kysely, { ...opts, period, now })
    const [ra, rb, rn] = await Promise.all([
      report({ structureId: a.structureId }),
      report({ structureId: b.structureId }),
      report({
        structureId: a.structureId,
        network: { name: 'Réseau', structureIds: [a.structureId, b.structureId] },
      }),
    ])
    expect(rn.structure).toBe('Réseau')
    for (const id of ['ml.youth_in_contact', 'ml.first_receptions', 'ml.propositions']) {
      const sum = (ra.indicators[id].value ?? 0) + (rb.indicators[id].value ?? 0)
      expect(rn.indicators[id].value, id).toBe(sum)
      expect(sum, id).toBeGreaterThan(0)
    }
    expect(rn.indicators['ml.youth_in_contact'].value).toBe(3) // not the fourth, of the structure outside
    for (const r of Object.values(rn.indicators)) expect(r.objectives).toEqual([])
  })
})
