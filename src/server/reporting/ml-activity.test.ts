import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildStructure } from '../test/builders.ts'
import { buildScheme, buildYouth, cells, figure, runIndicator } from '../test/reporting.builders.ts'
import { createTestDb, type TestDb } from '../test/test-db.ts'

// First receptions, propositions, situation entries, CIVIS and entries into employment: one rule per test.
let db: TestDb
beforeAll(async () => {
  db = await createTestDb()
})
afterAll(() => db.drop())
const fresh = () => buildStructure(db)

describe('ml.first_receptions', () => {
  it('counts a first reception on 1 January and on 31 December, not the day before or after', async () => {
    const fx = await fresh()
    for (const d of ['2009-01-01', '2009-12-31', '2008-12-31', '2010-01-01'])
      await buildYouth(db, fx, { firstReception: d })
    await buildYouth(db, fx, { firstReception: '2009-06-01', ml: false })
    expect((await runIndicator(db, fx, 'ml.first_receptions')).value).toBe(2)
  })

  it('takes age, level, diploma and mobility on the day of the first reception', async () => {
    const fx = await fresh()
    // 17 on 01/01/2009, 18 at the end of the year: a minor at first reception
    await buildYouth(db, fx, {
      birth: '1991-03-01',
      firstReception: '2009-01-01',
      attributes: {
        education_level: [
          ['2005-01-01', 'VI'],
          ['2009-06-01', 'V'],
        ],
        diploma: [
          ['2005-01-01', 'none'],
          ['2009-06-01', 'cap_bep'],
        ],
        mobility: 'moped',
      },
    })
    await buildYouth(db, fx, {
      birth: '1988-03-01',
      sex: 'M',
      firstReception: '2009-03-01',
      priorityArea: 'zus',
      attributes: { education_level: 'IV', diploma: 'bac', mobility: 'public_transport' },
    })
    await buildYouth(db, fx, { birth: '1986-03-01', firstReception: '2009-03-01', attributes: { mobility: 'car' } })
    const r = await runIndicator(db, fx, 'ml.first_receptions')
    const age = cells(r, 'byAgeBand')
    expect([age['16-17'].count, age['18-21'].count, age['22-25'].count]).toEqual([1, 1, 1])
    expect(age['26+']).toBeUndefined()
    const level = cells(r, 'byLevel')
    expect([level.VI.count, level.V.count, level.IV.count, level.unknown.count]).toEqual([1, 0, 1, 1])
    expect(level.unknown.share).toBe(33.3)
    expect(figure(r, 'under22AtFirstReception')).toBe(66.7)
    expect(figure(r, 'minorsAmongUnder22')).toBe(50)
    expect(figure(r, 'women')).toBe(66.7)
    expect(figure(r, 'noQualificationInfraV')).toBe(33.3)
    expect(figure(r, 'noDiploma')).toBe(33.3)
    expect(figure(r, 'noBaccalaureate')).toBe(33.3)
    expect(figure(r, 'livingInPriorityArea')).toBe(33.3)
    const mob = cells(r, 'mobility')
    expect(mob.car_or_motorbike).toEqual({ count: 2, share: 66.7 })
    expect(mob.public_transport).toEqual({ count: 1, share: 33.3 })
  })
})

describe('ml.propositions', () => {
  it('counts propositions by domain and national theme, persons, average and change on the previous year', async () => {
    const fx = await fresh()
    await db.kysely
      .insertInto('proposition_theme')
      .values({
        code: 'job_club',
        structure_id: fx.structureId,
        domain: 'professional',
        label: 'Club emploi',
        national_code: 'employment_access',
      })
      .execute()
    await buildYouth(db, fx, {
      propositions: [
        { date: '2009-01-01', theme: 'employment_access' },
        { date: '2009-05-01', theme: 'job_club' },
        { date: '2009-12-31', theme: 'health' },
        { date: '2010-01-01', theme: 'health' },
        { date: '2008-06-01', theme: 'training' },
      ],
    })
    await buildYouth(db, fx, { propositions: [{ date: '2009-02-01', theme: 'citizenship' }] })
    await buildYouth(db, fx, { ml: false, propositions: [{ date: '2009-02-01', theme: 'citizenship' }] })
    // in the ML in 2008 only: counts for 2008, not for 2009
    await buildYouth(db, fx, {
      ml: { entry: '2007-01-01', exit: '2008-10-01' },
      propositions: [
        { date: '2008-02-01', theme: 'housing' },
        { date: '2009-02-01', theme: 'housing' },
      ],
    })
    const r = await runIndicator(db, fx, 'ml.propositions')
    expect(r.value).toBe(4)
    const t = cells(r, 'byDomainAndTheme')
    expect(t.professional).toEqual({ count: 2, percent: 50 })
    expect(t.employment_access.count).toBe(2)
    expect(t.job_club).toBeUndefined()
    expect([t.social.count, t.health.count, t.housing.count, t.social_life.count]).toEqual([1, 1, 0, 1])
    expect(t.total.count).toBe(4)
    expect(figure(r, 'youthWithAtLeastOne')).toBe(2)
    expect(figure(r, 'averagePerYouth')).toBe(2)
    expect(figure(r, 'previousTotal')).toBe(2)
    expect(figure(r, 'previousYouth')).toBe(2)
    expect(figure(r, 'changeInPropositions')).toBe(100)
    expect(figure(r, 'changeInYouth')).toBe(0)
  })
})

describe('ml.situation_entries', () => {
  it('counts measures and persons by group, the average, and three calendar years', async () => {
    const fx = await fresh()
    await buildYouth(db, fx, {
      situations: [
        { kind: 'cdd', start: '2009-01-01' },
        { kind: 'interim', start: '2009-02-01' },
        { kind: 'apprenticeship', start: '2009-03-01' },
        { kind: 'qualifying_training', start: '2009-12-31' },
        { kind: 'immersion', start: '2009-04-01' },
        { kind: 'cdi', start: '2010-01-01' },
        { kind: 'cdi', start: '2008-05-01' },
        { kind: 'professionalisation', start: '2007-05-01' },
      ],
    })
    await buildYouth(db, fx, {
      situations: [
        { kind: 'subsidised_contract', start: '2009-06-01' },
        { kind: 'return_to_school', start: '2009-09-01' },
      ],
    })
    await buildYouth(db, fx, { ml: false, situations: [{ kind: 'cdi', start: '2009-06-01' }] })
    const r = await runIndicator(db, fx, 'ml.situation_entries')
    const t = cells(r, 'entries')
    expect(t.employmentCddCdi).toEqual({ measures: 2, persons: 1 })
    expect(t.workStudyContract).toEqual({ measures: 1, persons: 1 })
    expect(t.ofWhichApprenticeship.measures).toBe(1)
    expect(t.integrationContract).toEqual({ measures: 1, persons: 1 })
    expect(t.employmentTotal).toEqual({ measures: 4, persons: 2 })
    expect(t.training).toEqual({ measures: 2, persons: 2 })
    expect(t.grandTotal).toEqual({ measures: 6, persons: 2 })
    expect(figure(r, 'averageMeasuresPerPerson')).toBe(3)
    const y = cells(r, 'byYear')
    expect(y.employmentCddCdi).toEqual({ 2007: 0, 2008: 1, 2009: 2 })
    expect(y.ofWhichProfessionalisation).toEqual({ 2007: 1, 2008: 0, 2009: 0 })
    expect(y.employmentTotal).toEqual({ 2007: 1, 2008: 1, 2009: 4 })
  })
})

describe('ml.civis', () => {
  it('counts entries, women, reinforced, aged 18-21 on the entry date, and exits', async () => {
    const fx = await fresh()
    const civis = await buildScheme(db, fx, 'CIVIS')
    const enrol = (entry: string, exit: string | null, reinforced = false) => [
      { programmeId: civis, entry, exit, reinforced },
    ]
    // 21 on the day before their 22nd birthday: 18-21
    await buildYouth(db, fx, { birth: '1987-05-10', enrolments: enrol('2009-05-09', null, true) })
    // 22 on the entry date
    await buildYouth(db, fx, { birth: '1987-05-10', sex: 'M', enrolments: enrol('2009-05-10', '2009-11-30') })
    await buildYouth(db, fx, { birth: '1990-01-01', enrolments: enrol('2008-03-01', '2009-01-01') })
    await buildYouth(db, fx, { birth: '1990-01-01', enrolments: enrol('2008-03-01', '2010-01-01') })
    await buildYouth(db, fx, { birth: '1990-01-01', ml: false, enrolments: enrol('2009-03-01', null) })
    const r = await runIndicator(db, fx, 'ml.civis')
    expect(r.value).toBe(2)
    expect(figure(r, 'entries')).toBe(2)
    expect(figure(r, 'women')).toBe(1)
    expect(figure(r, 'womenShare')).toBe(50)
    expect(figure(r, 'reinforcedShareOfEntries')).toBe(50)
    expect(figure(r, 'entriesAged18to21')).toBe(50)
    expect(figure(r, 'exits')).toBe(2)
  })
})

describe('org.into_employment', () => {
  it('counts distinct persons of every programme with an employment, work-study or integration contract start', async () => {
    const fx = await fresh()
    await buildYouth(db, fx, {
      situations: [
        { kind: 'cdi', start: '2009-01-01' },
        { kind: 'cdd', start: '2009-03-01' },
      ],
    })
    await buildYouth(db, fx, { ml: false, situations: [{ kind: 'insertion_contract', start: '2009-06-01' }] })
    await buildYouth(db, fx, { ml: false, situations: [{ kind: 'qualifying_training', start: '2009-06-01' }] })
    await buildYouth(db, fx, { ml: false, situations: [{ kind: 'cdi', start: '2010-01-01' }] })
    const r = await runIndicator(db, fx, 'org.into_employment')
    expect(r.value).toBe(2)
    expect(cells(r, 'byGroup').employmentCddCdi).toEqual({ persons: 1, measures: 2 })
  })
})
