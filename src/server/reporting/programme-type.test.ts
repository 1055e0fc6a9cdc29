import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AnnualReport } from '../../shared/reporting/reporting.schema.ts'
import { buildScheme, buildYouth } from '../test/reporting.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../test/test-app.ts'
import { buildAnnualReport } from './report/build.ts'

// The report finds its populations by programme type (Mission Locale, CIVIS…), which the admin chooses, never by
// the editable code: renaming codes changes no figure; the type itself is fixed once an enrolment uses the programme.
let t: TestContext
let admin: TestClient
let civis: string
type ProgrammeRow = { id: string; code: string; name: string; active: boolean; type: string; version: number }

const programmes = async () => (await admin.get('/api/admin/programmes')).json() as ProgrammeRow[]
const programme = async (id: string) => (await programmes()).find((p) => p.id === id)!
const rename = async (id: string, code: string) => {
  const p = await programme(id)
  const res = await admin.put(`/api/admin/programmes/${id}`, {
    code,
    name: p.name,
    active: p.active,
    version: p.version,
  })
  expect(res.statusCode).toBe(200)
}
const report = async (): Promise<AnnualReport['indicators']> =>
  (
    await buildAnnualReport(t.db.kysely, {
      structureId: t.fx.structureId,
      period: { from: '2009-01-01', to: '2009-12-31' },
      now: new Date('2026-03-02T09:00:00Z'),
    })
  ).indicators

beforeAll(async () => {
  t = await createTestContext()
  admin = await t.as('admin')
  civis = await buildScheme(t.db, t.fx, 'CIVIS')
  for (let i = 0; i < 8; i++)
    await buildYouth(t.db, t.fx, {
      sex: i % 3 ? 'F' : 'M',
      birth: `${1985 + i}-04-10`,
      firstReception: i < 5 ? `2009-0${i + 1}-12` : '2007-06-01',
      ml: { entry: i < 5 ? `2009-0${i + 1}-12` : '2007-06-01', exit: i === 7 ? '2009-02-28' : null },
      events: ['2009-05-04', { date: '2009-09-15', kind: 'workshop' }],
      attributes: { education_level: i % 2 ? 'V' : 'IV', housing: 'parents' },
      propositions: [{ date: '2009-05-04', theme: i % 2 ? 'training' : 'housing' }],
      situations: i < 4 ? [{ kind: i % 2 ? 'cdd' : 'cdi', start: '2009-07-01' }] : [],
      enrolments: i < 3 ? [{ programmeId: civis, entry: '2009-06-01', reinforced: i === 0 }] : [],
    })
  // not in the Mission Locale population: a PLIE adult and a youth with no enrolment
  await buildYouth(t.db, t.fx, {
    ml: false,
    events: ['2009-05-04'],
    enrolments: [{ programmeId: t.fx.programmes.plie, entry: '2009-01-05' }],
  })
  await buildYouth(t.db, t.fx, { ml: false, events: ['2009-05-04'] })
})
afterAll(() => t.close())

describe('the report and the programme codes', () => {
  it('gives the same figures after the ML and CIVIS programmes are renamed', async () => {
    const before = await report()
    expect(before['ml.youth_in_contact']!.value).toBe(8)
    expect(before['ml.civis']!.value).toBe(3)
    await rename(t.fx.programmes.ml, 'ACCUEIL_JEUNES')
    await rename(civis, 'CONTRAT_2005')
    expect((await programmes()).map((p) => p.code).sort()).toEqual(['ACCUEIL_JEUNES', 'CONTRAT_2005', 'PLIE'])
    expect(await report()).toEqual(before)
  })

  it('counts a programme of another code created with the Mission Locale type', async () => {
    const res = await admin.post('/api/admin/programmes', {
      code: 'ML_OUEST',
      name: 'Antenne ouest',
      type: 'mission_locale',
    })
    expect(res.statusCode).toBe(201)
    await buildYouth(t.db, t.fx, {
      ml: false,
      events: ['2009-05-04'],
      enrolments: [{ programmeId: res.json().id, entry: '2009-02-01' }],
    })
    expect((await report())['ml.youth_in_contact']!.value).toBe(9)
  })
})

describe('the programme type in the administration', () => {
  it('existing programmes carry the type their code meant', async () => {
    const byId = new Map((await programmes()).map((p) => [p.id, p.type]))
    expect(byId.get(t.fx.programmes.ml)).toBe('mission_locale')
    expect(byId.get(t.fx.programmes.plie)).toBe('plie')
    expect(byId.get(civis)).toBe('civis')
  })

  it('is chosen at creation from the fixed list', async () => {
    const missing = await admin.post('/api/admin/programmes', { code: 'SANS', name: 'Sans nature' })
    expect(missing.statusCode).toBe(400)
    expect(missing.json().fields).toEqual([{ field: 'type', message: 'Choisissez la nature du programme.' }])
    const unknown = await admin.post('/api/admin/programmes', { code: 'GJ', name: 'Garantie jeunes', type: 'gj' })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().fields).toEqual([{ field: 'type', message: 'Nature de programme inconnue.' }])
  })

  it('can change while no enrolment uses the programme, not after', async () => {
    const created = await admin.post('/api/admin/programmes', { code: 'PARRAIN', name: 'Parrainage', type: 'other' })
    expect(created.json()).toMatchObject({ type: 'other', inUse: false })
    const fixed = await admin.put(`/api/admin/programmes/${created.json().id}`, {
      code: 'PARRAIN',
      name: 'Parrainage',
      active: true,
      type: 'mentoring',
      version: 1,
    })
    expect(fixed.statusCode).toBe(200)
    expect(fixed.json()).toMatchObject({ type: 'mentoring', version: 2 })

    const ml = await programme(t.fx.programmes.ml)
    expect(ml).toMatchObject({ type: 'mission_locale', inUse: true })
    const refused = await admin.put(`/api/admin/programmes/${ml.id}`, { ...ml, type: 'other' })
    expect(refused.statusCode).toBe(409)
    expect(refused.json().fields).toEqual([
      { field: 'type', message: 'Nature fixée : le programme a des inscriptions.' },
    ])
    // the same type, or none, is no change: the other fields still save
    const same = await admin.put(`/api/admin/programmes/${ml.id}`, { ...ml, name: 'Mission Locale du Littoral' })
    expect(same.statusCode).toBe(200)
    expect(same.json()).toMatchObject({ type: 'mission_locale', name: 'Mission Locale du Littoral' })
  })
})
