import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildStructure, buildUser } from '../test/builders.ts'
import { buildYouth, cells, figure, runIndicator, tableOf } from '../test/reporting.builders.ts'
import { createTestDb, type TestDb } from '../test/test-db.ts'

// ml.youth_in_contact and its shares, on small hand-built populations: each test is one rule of the definition.
let db: TestDb
beforeAll(async () => {
  db = await createTestDb()
})
afterAll(() => db.drop())

const fresh = () => buildStructure(db)

describe('ml.youth_in_contact: who is in contact', () => {
  it('counts an ML youth with an attended or unrecorded event in the period; not an absent-only one', async () => {
    const fx = await fresh()
    await buildYouth(db, fx, { events: ['2009-06-01'] })
    await buildYouth(db, fx, { events: [{ date: '2009-06-01', attendance: null }] })
    await buildYouth(db, fx, { events: [{ date: '2009-06-01', attendance: 'excused' }] })
    await buildYouth(db, fx, { events: [{ date: '2009-06-01', attendance: 'absent' }] })
    await buildYouth(db, fx, { events: [{ date: '2009-02-01', attendance: 'absent' }, '2008-12-31', '2010-01-01'] })
    await buildYouth(db, fx, { events: [{ date: '2009-01-01', kind: 'first_reception' }] })
    expect((await runIndicator(db, fx, 'ml.youth_in_contact')).value).toBe(4)
  })

  it('requires an ML enrolment overlapping the period (exit on the first day counts, entry the day after does not)', async () => {
    const fx = await fresh()
    await buildYouth(db, fx, { events: ['2009-06-01'], ml: false })
    await buildYouth(db, fx, { events: ['2009-06-01'], ml: { entry: '2005-01-01', exit: '2009-01-01' } })
    await buildYouth(db, fx, { events: ['2009-06-01'], ml: { entry: '2005-01-01', exit: '2008-12-31' } })
    await buildYouth(db, fx, { events: ['2009-06-01'], ml: { entry: '2009-12-31' } })
    await buildYouth(db, fx, { events: ['2009-06-01'], ml: { entry: '2010-01-01' } })
    // enrolled in PLIE only
    await buildYouth(db, fx, {
      events: ['2009-06-01'],
      ml: false,
      enrolments: [{ programmeId: fx.programmes.plie, entry: '2008-01-01' }],
    })
    expect((await runIndicator(db, fx, 'ml.youth_in_contact')).value).toBe(2)
  })

  it('counts a person once whatever the number of events, and only in their own structure', async () => {
    const fx = await fresh()
    const other = await fresh()
    await buildYouth(db, fx, { events: ['2009-01-05', '2009-02-05', '2009-03-05'] })
    await buildYouth(db, other, { events: ['2009-01-05'] })
    expect((await runIndicator(db, fx, 'ml.youth_in_contact')).value).toBe(1)
  })
})

describe('ml.youth_in_contact: age band and level at the period end', () => {
  it('puts a person turning 18 on 31/12 in 18-21 and one turning 18 on 01/01 in 16-17; 26 on 31/12 is 26+', async () => {
    const fx = await fresh()
    const attributes = { education_level: 'V' }
    await buildYouth(db, fx, { birth: '1991-12-31', events: ['2009-03-01'], attributes })
    await buildYouth(db, fx, { birth: '1992-01-01', events: ['2009-03-01'], attributes })
    await buildYouth(db, fx, { birth: '1994-05-01', events: ['2009-03-01'], attributes }) // 15: counted in 16-17
    await buildYouth(db, fx, { birth: '1983-12-31', events: ['2009-03-01'], attributes })
    await buildYouth(db, fx, { birth: '1984-01-01', events: ['2009-03-01'], attributes })
    const r = await runIndicator(db, fx, 'ml.youth_in_contact')
    expect(cells(r, 'byLevelAndAgeBand').V).toEqual({
      '16-17': 2,
      '18-21': 1,
      '22-25': 1,
      '26+': 1,
      total: 5,
      percent: 100,
    })
  })

  it('reads the level valid on the last day: a change the day after is ignored, a change on that day counts', async () => {
    const fx = await fresh()
    await buildYouth(db, fx, {
      events: ['2009-03-01'],
      attributes: {
        education_level: [
          ['2005-01-01', 'V'],
          ['2010-01-01', 'IV'],
        ],
      },
    })
    await buildYouth(db, fx, {
      events: ['2009-03-01'],
      attributes: {
        education_level: [
          ['2005-01-01', 'V'],
          ['2009-12-31', 'IV'],
        ],
      },
    })
    await buildYouth(db, fx, { events: ['2009-03-01'], attributes: { education_level: [['2010-01-01', 'VI']] } })
    const t = cells(await runIndicator(db, fx, 'ml.youth_in_contact'), 'byLevelAndAgeBand')
    expect([t.V.total, t.IV.total, t.unknown.total]).toEqual([1, 1, 1])
  })

  it('groups III, II and I as III+ and maps a 2019 level entered alone; shows the unknown row only when used', async () => {
    const fx = await fresh()
    for (const level of ['III', 'II', 'I', '6', 'Vbis', 'VI'])
      await buildYouth(db, fx, { events: ['2009-03-01'], attributes: { education_level: level } })
    const r = await runIndicator(db, fx, 'ml.youth_in_contact')
    const t = cells(r, 'byLevelAndAgeBand')
    expect(t['III+'].total).toBe(4)
    expect(t['III+'].percent).toBe(66.7)
    expect([t.Vbis.total, t.VI.total]).toEqual([1, 1])
    expect(t.unknown).toBeUndefined()
    expect(t.total.total).toBe(6)
    expect(figure(await runIndicator(db, fx, 'ml.youth_in_contact.shares'), 'noQualificationInfraV')).toBe(33.3)
  })
})

describe('ml.youth_in_contact: situation at the period end', () => {
  it('gives each distribution at end (shares with one decimal), and an unknown line for a person with no value', async () => {
    const fx = await fresh()
    await buildYouth(db, fx, {
      events: ['2009-03-01'],
      attributes: {
        family_situation: 'single',
        housing: [
          ['2008-01-01', 'with_parents'],
          ['2010-01-01', 'own'],
        ],
        resources: 'rsa',
        driving_licence: 'holder',
      },
    })
    await buildYouth(db, fx, { events: ['2009-03-01'], attributes: { family_situation: 'married' } })
    await buildYouth(db, fx, { events: ['2009-03-01'], attributes: { family_situation: 'single' } })
    const r = await runIndicator(db, fx, 'ml.youth_in_contact')
    const fam = cells(r, 'familySituation')
    expect(fam.single).toEqual({ count: 2, share: 66.7 })
    expect(fam.married).toEqual({ count: 1, share: 33.3 })
    expect(fam.unknown).toBeUndefined()
    expect(cells(r, 'housing').with_parents).toEqual({ count: 1, share: 33.3 })
    expect(cells(r, 'housing').unknown).toEqual({ count: 2, share: 66.7 })
    expect(cells(r, 'resources').rsa.count).toBe(1)
    expect(tableOf(r, 'resources').sensitive).toBe(true)
    const lic = cells(r, 'drivingLicence')
    expect([lic.holder.count, lic.unknown.count, lic.none.count]).toEqual([1, 2, 0])
  })

  it('splits by sex, by site and by priority area', async () => {
    const fx = await fresh()
    await buildYouth(db, fx, { sex: 'M', events: ['2009-03-01'], priorityArea: 'zus' })
    await buildYouth(db, fx, { sex: 'M', events: ['2009-03-01'], siteId: fx.sites.b })
    await buildYouth(db, fx, { sex: 'F', events: ['2009-03-01'], priorityArea: 'qpv' })
    const r = await runIndicator(db, fx, 'ml.youth_in_contact', { bySex: true })
    expect(cells(r, 'bySex').M).toEqual({ count: 2, share: 66.7 })
    expect(cells(r, 'bySite')[fx.sites.b].count).toBe(1)
    expect(cells(r, 'priorityArea').none.count).toBe(1)
    expect(r.bySex?.F.value).toBe(1)
    expect(r.bySex?.M.value).toBe(2)
    expect(cells(r.bySex!.M as never, 'bySex').F.count).toBe(0)
  })
})

describe('ml.youth_in_contact: scope', () => {
  it('restricts to a site, a commune, a counsellor, or a programme over the period', async () => {
    const fx = await fresh()
    const counsellor = await buildUser(db, fx, { role: 'counsellor' })
    const civis = (
      await db.kysely
        .insertInto('programme')
        .values({ structure_id: fx.structureId, code: 'CIVIS', name: 'CIVIS', kind: 'scheme' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
    await buildYouth(db, fx, { events: ['2009-03-01'], siteId: fx.sites.b, communeCode: '59183' })
    await buildYouth(db, fx, { events: ['2009-03-01'], referentId: counsellor.id, communeCode: '59183' })
    await buildYouth(db, fx, { events: ['2009-03-01'], enrolments: [{ programmeId: civis, entry: '2009-05-01' }] })
    await buildYouth(db, fx, { events: ['2009-03-01'], enrolments: [{ programmeId: civis, entry: '2010-05-01' }] })
    const value = async (scope: object) => (await runIndicator(db, fx, 'ml.youth_in_contact', { scope })).value
    expect(await value({})).toBe(4)
    expect(await value({ siteIds: [fx.sites.b] })).toBe(1)
    expect(await value({ siteIds: [] })).toBe(0)
    expect(await value({ communeCode: '59183' })).toBe(2)
    expect(await value({ counsellorId: counsellor.id })).toBe(1)
    expect(await value({ programmeId: civis })).toBe(1)
  })
})

describe('ml.youth_in_contact.shares', () => {
  it('computes each share on the contact population, below level IV on the diploma', async () => {
    const fx = await fresh()
    const ev = ['2009-03-01']
    await buildYouth(db, fx, { sex: 'M', birth: '1992-06-01', events: ev, attributes: { diploma: 'none' } })
    await buildYouth(db, fx, { sex: 'M', birth: '1988-06-01', events: ev, attributes: { diploma: 'cap_bep' } })
    await buildYouth(db, fx, { sex: 'F', birth: '1985-06-01', events: ev, attributes: { diploma: 'bac' } })
    await buildYouth(db, fx, { sex: 'F', birth: '1980-06-01', events: ev, priorityArea: 'qpv' })
    const r = await runIndicator(db, fx, 'ml.youth_in_contact.shares')
    expect(r.value).toBe(4)
    expect(figure(r, 'aged18to25')).toBe(50)
    expect(figure(r, 'minorsAtEnd')).toBe(25)
    expect(figure(r, 'men')).toBe(50)
    expect(figure(r, 'noDiploma')).toBe(25)
    expect(figure(r, 'belowLevelIV')).toBe(50)
    expect(figure(r, 'livingInPriorityArea')).toBe(25)
    expect(figure(r, 'noQualificationInfraV')).toBe(0)
  })

  it('gives no share (null) on an empty population', async () => {
    const fx = await fresh()
    const r = await runIndicator(db, fx, 'ml.youth_in_contact.shares')
    expect(r.value).toBe(0)
    expect(figure(r, 'men')).toBeNull()
  })
})
