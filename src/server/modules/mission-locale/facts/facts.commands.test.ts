import { afterAll, beforeAll, expect, it } from 'vitest'
import { buildYouth } from '../../../test/reporting.builders.ts'
import { createTestContext, type TestContext } from '../../../test/test-app.ts'
import { factsCommand } from './facts.commands.ts'

// `jalon facts`: the built years, a rebuild of the named years or of every year with activity, dropping a year, and
// what it refuses.
let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
  await buildYouth(t.db, t.fx, { events: ['2009-04-01'], propositions: [{ date: '2008-05-02', theme: 'training' }] })
})
afterAll(() => t.close())

const run = async (positionals: string[], values: Record<string, unknown> = {}) => {
  const logs: string[] = []
  const code = await factsCommand.run({ deps: t.deps, values, positionals, log: (m) => logs.push(m) })
  return { code, logs }
}

const UNBUILT = (years: string) =>
  `mission-locale : années avec activité non construites ${years} (leurs rapports lisent les lignes brutes, plus ` +
  'lentement : jalon facts rebuild --year AAAA)'

it('rebuilds the named years, then says which are built', async () => {
  expect(await run([])).toEqual({ code: 0, logs: ['mission-locale : aucune année construite', UNBUILT('2008, 2009')] })
  const { code, logs } = await run(['rebuild'], { year: ['2009'] })
  expect(code).toBe(0)
  expect(logs[0]).toMatch(/^mission-locale 2009 : [\d\s]+ ms$/)
  expect(logs.at(-1)).toMatch(/^Faits reconstruits en/)
  expect(await run(['status'])).toEqual({
    code: 0,
    logs: ['mission-locale : années construites 2009', UNBUILT('2008')],
  })
  const facts = await t.db.kysely.selectFrom('ml_person_year').select(['year', 'contact']).execute()
  expect(facts).toEqual([{ year: 2009, contact: true }])
})

it('without a year, rebuilds the built years and every year with something to count', async () => {
  const { code, logs } = await run(['rebuild'])
  expect(code).toBe(0)
  expect(logs.map((l) => l.split(' : ')[0])).toEqual(['mission-locale 2008', 'mission-locale 2009', expect.any(String)])
  expect((await run([])).logs).toEqual(['mission-locale : années construites 2008, 2009'])
})

it('drops a year: its facts are gone and no longer kept', async () => {
  expect(await run(['drop'], { year: ['2008'] })).toEqual({ code: 0, logs: ['Années abandonnées : 2008.'] })
  expect((await run([])).logs).toEqual(['mission-locale : années construites 2009', UNBUILT('2008')])
  const years = await t.db.kysely.selectFrom('ml_person_year').select('year').distinct().execute()
  expect(years).toEqual([{ year: 2009 }])
})

it('refuses a bad year, a drop without a year and an unknown action', async () => {
  expect((await run(['rebuild'], { year: ['09'] })).code).toBe(2)
  expect((await run(['rebuild'], { year: ['1850'] })).code).toBe(2)
  expect((await run(['drop'])).code).toBe(2)
  expect((await run(['purge'])).code).toBe(2)
})

it('says which built years were computed under an older definition of the facts, and a rebuild stamps them anew', async () => {
  // as after an upgrade whose migration changed how the facts are computed (ml_facts_definition() bumped)
  await t.db.kysely.updateTable('ml_fact_year').set({ definition: 0 }).where('year', '=', 2009).execute()
  expect((await run(['status'])).logs).toEqual([
    'mission-locale : années construites 2009',
    UNBUILT('2008'),
    'mission-locale : à reconstruire 2009, construites selon une définition antérieure des faits (leurs rapports ' +
      'lisent les lignes brutes en attendant : jalon facts rebuild)',
  ])
  expect((await run(['rebuild'])).code).toBe(0)
  expect((await run(['status'])).logs).toEqual(['mission-locale : années construites 2008, 2009'])
})
