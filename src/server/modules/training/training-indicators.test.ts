import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AnnualReport, IndicatorResult } from '../../../shared/reporting/reporting.schema.ts'
import { allIndicators, catalogueEntry } from '../../reporting/catalogue.ts'
import { annualReportSections } from '../../reporting/report/sections.ts'
import { buildStructure } from '../../test/builders.ts'
import { buildStatus } from '../../test/person.builders.ts'
import { buildYouth, cells, figure, runIndicator } from '../../test/reporting.builders.ts'
import { createTestContext, type TestContext } from '../../test/test-app.ts'
import {
  buildPrescription,
  buildProfPlan,
  buildTrainingAction,
  buildTrainingBody,
  buildTrainingOffer,
  buildTrainingSession,
} from '../../test/training.builders.ts'
import { yearBefore } from './indicators/steps-data.ts'

// The training indicators on a small data set whose every figure is counted by hand below (period: 2009; the
// structure's time zone is Europe/Paris).
//
// Offer: O1 regional programme, NSF 311, body B1, sessions 01/03/2009 and 01/09/2009 (set up once); O2 AFPA, NSF 227,
//   body B2, session 01/05/2009; O3 State, no NSF, body B1, sessions 01/10/2008 and 01/02/2009 (set up in 2008); O4
//   other funder, a cancelled session 10/01/2009 then 05/01/2010 (not set up in 2009); O5 regional, body B3, first
//   session 31/12/2009 (in); O6 regional, first session 01/01/2010 (out); another structure's action (never counted).
// Young people (ML enrolment unless said): Y1 (F) enters O1 01/03/2009 and O3 01/02/2009, accepted on a third with no
//   entry, two qualifying training situations and a CDI in 2009; Y2 (M) enters O1 31/12/2009 (exited since), returns to
//   school 01/06/2009; Y3 (M) entered O1 01/05/2008 (previous year) and enters O1 01/01/2010 (out); Y4 (F, no ML
//   enrolment) enters O1 01/04/2009, an AFPA prescription, a training situation: never counted; Y5 (F) two AFPA
//   prescriptions filed 01/01/2009 00:30 Paris (31/12/2008 UTC, refused) and 01/02/2009; Y6 (M) AFPA filed 01/01/2010
//   00:30 Paris (31/12/2009 UTC: out) and 01/06/2008 (previous year).
// Fund: envelopes 2009 50 000 € + 10 000 €, 2008 40 000 €. E1: plan validated 10/03/2009 (70 h, cost 1 200 €, fund
//   800 €; OPCA X 300 €, employer's own 100 €; employer Atelier A) and 10/06/2009 (30 h, 600 €, 400 €; « opca x »
//   200 €; Atelier A), RSA from 01/01 to 30/04/2009; E2: validated 31/12/2009 (101 h, 1 000 €, 1 000 €; Garage B), RSA
//   from 01/01/2010, and validated 01/01/2010 (out); E3: refused, and submitted (not counted); E4: validated 01/11/2008
//   with the employer's own funds (Garage C).
let t: TestContext
const r: Record<string, IndicatorResult> = {}
const published = { threshold: 5, sensitiveThreshold: 11 }

beforeAll(async () => {
  t = await createTestContext()
  const { db, fx } = t
  const session = (actionId: string, startsOn: string, status: 'open' | 'cancelled' = 'open') =>
    buildTrainingSession(db, fx, actionId, { startsOn, endsOn: null, status }).then((s) => s.id)
  const b1 = (await buildTrainingBody(db, fx)).id
  const b2 = (await buildTrainingBody(db, fx)).id
  const b3 = (await buildTrainingBody(db, fx)).id
  const o1 = (await buildTrainingAction(db, fx, b1, { funder: 'regional_programme', nsfCode: '311m' })).id
  const o2 = (await buildTrainingAction(db, fx, b2, { funder: 'afpa', nsfCode: '227' })).id
  const o3 = (await buildTrainingAction(db, fx, b1, { funder: 'state', nsfCode: null })).id
  const o4 = (await buildTrainingAction(db, fx, b2, { funder: 'other' })).id
  const o5 = (await buildTrainingAction(db, fx, b3, { funder: 'regional_programme' })).id
  const o6 = (await buildTrainingAction(db, fx, b3, { funder: 'regional_programme' })).id
  const s1 = await session(o1, '2009-03-01')
  await session(o1, '2009-09-01')
  const s2 = await session(o2, '2009-05-01')
  await session(o3, '2008-10-01')
  const s3 = await session(o3, '2009-02-01')
  await session(o4, '2009-01-10', 'cancelled')
  await session(o4, '2010-01-05')
  await session(o5, '2009-12-31')
  await session(o6, '2010-01-01')
  const other = await buildStructure(db)
  await buildTrainingOffer(db, other, { session: { startsOn: '2009-06-01' } })

  const step = (person: string, sessionId: string, entryDate: string, status: 'entered' | 'exited' = 'entered') =>
    buildPrescription(db, fx, person, sessionId, {
      status,
      entryDate,
      exitDate: status === 'exited' ? '2010-02-01' : null,
    })
  const filed = (person: string, sessionId: string, at: string, status: 'submitted' | 'refused' = 'submitted') =>
    buildPrescription(db, fx, person, sessionId, { status, filedAt: new Date(at) })

  const y1 = await buildYouth(db, fx, {
    sex: 'F',
    situations: [
      { kind: 'qualifying_training', start: '2009-03-01' },
      { kind: 'qualifying_training', start: '2009-02-01' },
      { kind: 'cdi', start: '2009-10-01' },
    ],
  })
  await step(y1, s1, '2009-03-01')
  await step(y1, s3, '2009-02-01')
  await buildPrescription(db, fx, y1, s2, { status: 'accepted' })
  const y2 = await buildYouth(db, fx, { sex: 'M', situations: [{ kind: 'return_to_school', start: '2009-06-01' }] })
  await step(y2, s1, '2009-12-31', 'exited')
  const y3 = await buildYouth(db, fx, { sex: 'M' })
  await step(y3, s1, '2008-05-01')
  await step(y3, s1, '2010-01-01')
  const y4 = await buildYouth(db, fx, {
    sex: 'F',
    ml: false,
    situations: [{ kind: 'qualifying_training', start: '2009-04-01' }],
  })
  await step(y4, s1, '2009-04-01')
  await filed(y4, s2, '2009-04-01T08:00:00Z')
  const y5 = await buildYouth(db, fx, { sex: 'F' })
  await filed(y5, s2, '2008-12-31T23:30:00Z', 'refused')
  await filed(y5, s2, '2009-02-01T09:00:00Z')
  const y6 = await buildYouth(db, fx, { sex: 'M' })
  await filed(y6, s2, '2009-12-31T23:30:00Z')
  await filed(y6, s2, '2008-06-01T09:00:00Z')

  const envelope = (year: number, funder: string, cents: number) =>
    db.kysely
      .insertInto('prof_fund_envelope')
      .values({ structure_id: fx.structureId, year, funder, allocated_cents: cents, external_id: null })
      .execute()
  await envelope(2009, 'Conseil général', 50_000_00)
  await envelope(2009, 'Ville', 10_000_00)
  await envelope(2008, 'Conseil général', 40_000_00)
  const e1 = await buildYouth(db, fx, { ml: false, birth: '1975-01-01' })
  const e2 = await buildYouth(db, fx, { ml: false, birth: '1970-01-01', sex: 'M' })
  const e3 = await buildYouth(db, fx, { ml: false, birth: '1980-01-01' })
  const e4 = await buildYouth(db, fx, { ml: false, birth: '1982-01-01', sex: 'M' })
  await buildProfPlan(db, fx, e1, {
    status: 'validated',
    committeeDate: '2009-03-10',
    hours: 70,
    totalCostCents: 1_200_00,
    fundCents: 800_00,
    employerName: 'Atelier A',
    cofunding: [
      { cofunder: 'OPCA X', kind: 'opco', amountCents: 300_00 },
      { cofunder: 'Atelier A', kind: 'employer', amountCents: 100_00 },
    ],
  })
  await buildProfPlan(db, fx, e1, {
    status: 'validated',
    committeeDate: '2009-06-10',
    hours: 30,
    totalCostCents: 600_00,
    fundCents: 400_00,
    employerName: 'Atelier A',
    cofunding: [{ cofunder: 'opca x', kind: 'opco', amountCents: 200_00 }],
  })
  await buildStatus(db, fx, e1, { status: 'rsa', startDate: '2009-01-01', endDate: '2009-04-30' })
  await buildProfPlan(db, fx, e2, {
    status: 'validated',
    committeeDate: '2009-12-31',
    hours: 101,
    totalCostCents: 1_000_00,
    fundCents: 1_000_00,
    employerName: 'Garage B',
  })
  await buildProfPlan(db, fx, e2, { status: 'validated', committeeDate: '2010-01-01' })
  await buildStatus(db, fx, e2, { status: 'rsa', startDate: '2010-01-01' })
  await buildProfPlan(db, fx, e3, { status: 'refused', committeeDate: '2009-05-01' })
  await buildProfPlan(db, fx, e3, { status: 'submitted' })
  await buildProfPlan(db, fx, e4, {
    status: 'validated',
    committeeDate: '2008-11-01',
    employerName: 'Garage C',
    cofunding: [{ cofunder: 'Garage C', kind: 'employer', amountCents: 50_00 }],
  })

  r.steps = await runIndicator(db, fx, 'training.steps', { bySex: true })
  r.actions = await runIndicator(db, fx, 'training.actions')
  r.fund = await runIndicator(db, fx, 'training.professionalisation_fund')
  r.stepsPublished = await runIndicator(db, fx, 'training.steps', { published })
  r.fundPublished = await runIndicator(db, fx, 'training.professionalisation_fund', { published })
  r.stepsH1 = await runIndicator(db, fx, 'training.steps', { from: '2009-01-01', to: '2009-06-30' })
}, 120_000)
afterAll(() => t?.close())

describe('training.steps', () => {
  it('counts the steps used as ml.situation_entries counts its training measures', async () => {
    expect(figure(r.steps, 'stepsUsed')).toBe(3)
    expect(figure(r.steps, 'youthWithAtLeastOneStep')).toBe(2)
    expect(figure(r.steps, 'returnsToInitialEducation')).toBe(1)
    const ml = await runIndicator(t.db, t.fx, 'ml.situation_entries')
    expect(cells(ml, 'entries').training).toEqual({
      measures: figure(r.steps, 'stepsUsed'),
      persons: figure(r.steps, 'youthWithAtLeastOneStep'),
    })
  })

  it('youth steps: entries of the period (boundaries included), the regional programme and its share', () => {
    expect(r.steps.value).toBe(3)
    expect(figure(r.steps, 'youthSteps')).toBe(3)
    expect(figure(r.steps, 'regionalProgrammeSteps')).toBe(2)
    expect(figure(r.steps, 'regionalProgrammeShare')).toBe(66.7)
  })

  it('distinct youth on the regional programme by sex, and a year before', () => {
    expect(figure(r.steps, 'regionalProgrammeYouth')).toBe(2)
    expect(figure(r.steps, 'regionalProgrammeYouthF')).toBe(1)
    expect(figure(r.steps, 'regionalProgrammeYouthM')).toBe(1)
    expect(figure(r.steps, 'previousRegionalProgrammeYouth')).toBe(1)
    expect(figure(r.steps, 'previousRegionalProgrammeYouthF')).toBe(0)
    expect(figure(r.steps, 'previousRegionalProgrammeYouthM')).toBe(1)
    expect(cells(r.steps, 'regionalYouth')).toEqual({
      current: { women: 1, men: 1, total: 2 },
      previous: { women: 0, men: 1, total: 1 },
    })
  })

  it('AFPA orientations: persons filing in the period on the structure’s day, whatever the outcome', () => {
    expect(figure(r.steps, 'afpaOrientations')).toBe(1)
    expect(figure(r.steps, 'previousAfpaOrientations')).toBe(1)
  })

  it('breaks the steps down by funder, NSF domain and sex', () => {
    expect(cells(r.steps, 'byFunder')).toEqual({
      regional_programme: { steps: 2, youth: 2 },
      state: { steps: 1, youth: 1 },
      total: { steps: 3, youth: 2 },
    })
    expect(cells(r.steps, 'byDomain')).toEqual({
      '311': { steps: 2, youth: 2 },
      unknown: { steps: 1, youth: 1 },
      total: { steps: 3, youth: 2 },
    })
    expect(cells(r.steps, 'bySex')).toMatchObject({ F: { steps: 2, youth: 1 }, M: { steps: 1, youth: 1 } })
  })

  it('splits by sex through the scope', () => {
    expect(r.steps.bySex?.F.value).toBe(2)
    expect(r.steps.bySex?.M.value).toBe(1)
    const f = r.steps.bySex?.F.figures.find((x) => x.key === 'afpaOrientations')?.value
    expect(f).toBe(1)
  })

  it('a shorter period: its own entries, and the same half-year a year before', () => {
    expect(figure(r.stepsH1, 'youthSteps')).toBe(2)
    expect(figure(r.stepsH1, 'previousRegionalProgrammeYouth')).toBe(1)
    expect(yearBefore({ from: '2009-01-01', to: '2009-06-30' })).toEqual({ from: '2008-01-01', to: '2008-06-30' })
    expect(yearBefore({ from: '2009-02-01', to: '2009-02-28' })).toEqual({ from: '2008-02-01', to: '2008-02-29' })
    expect(yearBefore({ from: '2008-02-29', to: '2008-03-31' })).toEqual({ from: '2007-02-28', to: '2007-03-31' })
  })

  it('published: small counts hidden, with the totals that would give them back', () => {
    expect(r.stepsPublished.value).toBeNull()
    expect(r.stepsPublished.figures.find((f) => f.key === 'youthSteps')?.hidden).toBe(true)
    expect(r.stepsPublished.figures.find((f) => f.key === 'regionalProgrammeShare')?.value).toBeNull()
    expect(r.stepsPublished.secrecy?.hidden).toBeGreaterThan(0)
  })
})

describe('training.actions', () => {
  it('counts the actions whose first session starts in the period, by funder', () => {
    expect(r.actions.value).toBe(3)
    expect(figure(r.actions, 'regionalProgrammeActions')).toBe(2)
    expect(figure(r.actions, 'otherActions')).toBe(1)
    expect(figure(r.actions, 'bodies')).toBe(3)
    expect(cells(r.actions, 'byFunder')).toEqual({
      regional_programme: { actions: 2, bodies: 2 },
      afpa: { actions: 1, bodies: 1 },
      total: { actions: 3, bodies: 3 },
    })
  })
})

describe('training.professionalisation_fund', () => {
  it('plans validated in the period and a year before, employees, employers with own funds', () => {
    expect(r.fund.value).toBe(2)
    expect(figure(r.fund, 'plansValidated')).toBe(3)
    expect(figure(r.fund, 'previousPlansValidated')).toBe(1)
    expect(figure(r.fund, 'employeesFunded')).toBe(2)
    expect(figure(r.fund, 'previousEmployeesFunded')).toBe(1)
    expect(figure(r.fund, 'employersWithOwnFunds')).toBe(1)
    expect(figure(r.fund, 'previousEmployersWithOwnFunds')).toBe(1)
  })

  it('envelope, amount, hours, cost per hour, co-funders and co-funding', () => {
    expect(figure(r.fund, 'envelope')).toBe(60_000)
    expect(figure(r.fund, 'amountCommitted')).toBe(2_200)
    expect(figure(r.fund, 'envelopeUsed')).toBe(3.7)
    expect(figure(r.fund, 'trainingHours')).toBe(201)
    // 2 200 € ÷ 201 h = 10,945… €
    expect(figure(r.fund, 'costPerHour')).toBe(10.95)
    expect(figure(r.fund, 'cofunders')).toBe(2)
    expect(figure(r.fund, 'cofundingForecast')).toBe(600)
    // 600 ÷ 2 800
    expect(figure(r.fund, 'cofundingShare')).toBe(21.4)
    expect(cells(r.fund, 'byCofunderKind')).toEqual({
      opco: { cofunders: 1, amount: 500 },
      employer: { cofunders: 1, amount: 100 },
      total: { cofunders: 2, amount: 600 },
    })
  })

  it('welfare recipients on the committee date, in a sensitive table', () => {
    expect(cells(r.fund, 'welfare').current).toEqual({ employees: 2, welfareRecipients: 1, welfareShare: 50 })
    expect(r.fund.tables.find((x) => x.key === 'welfare')?.sensitive).toBe(true)
    expect(cells(r.fundPublished, 'welfare').current.welfareRecipients).toBeNull()
    // amounts are not counts: secrecy leaves them
    expect(figure(r.fundPublished, 'amountCommitted')).toBe(2_200)
  })
})

describe('the training family in the catalogue and the report', () => {
  it('declares its three indicators in the family « Formation », in the report after the PLIE', () => {
    const training = allIndicators().filter((i) => i.family === 'training')
    expect(training.map((i) => i.id)).toEqual([
      'training.steps',
      'training.actions',
      'training.professionalisation_fund',
    ])
    expect(catalogueEntry(training[0]).familyLabel).toBe('Formation')
    const keys = annualReportSections().map((s) => s.key)
    expect(keys.indexOf('training_offer')).toBeGreaterThan(keys.findLastIndex((k) => k.startsWith('plie')))
    expect(keys.indexOf('training_professionalisation_fund')).toBe(keys.indexOf('training_offer') + 1)
  })

  it('gives the chapter in the annual report (JSON) and the statistics catalogue', async () => {
    const director = await t.as('director')
    const json = (await director.get('/api/reports/annual?from=2009-01-01&to=2009-12-31')).json() as AnnualReport
    expect(json.indicators['training.steps'].value).toBe(3)
    expect(json.sections.map((s) => s.key)).toEqual(
      expect.arrayContaining(['training_offer', 'training_professionalisation_fund']),
    )
    const xlsx = await director.get('/api/reports/annual?from=2009-01-01&to=2009-12-31&format=xlsx')
    expect(xlsx.statusCode).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(['Offre de formation', 'Fonds de professionnalisation']),
    )
    const catalogue = (await director.get('/api/indicators')).json() as { id: string; familyLabel: string }[]
    expect(catalogue.filter((i) => i.familyLabel === 'Formation').map((i) => i.id)).toHaveLength(3)
  })
})
