import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AnnualReport, IndicatorResult } from '../../../shared/reporting/reporting.schema.ts'
import { allIndicators, catalogueEntry } from '../../reporting/catalogue.ts'
import { annualReportSections } from '../../reporting/report/sections.ts'
import { buildStructure } from '../../test/builders.ts'
import {
  buildApplication,
  buildClauseContract,
  buildClauseHours,
  buildClauseLot,
  buildClauseOperation,
  buildClauseParticipant,
  buildEmployer,
  buildImmersion,
  buildImmersionProgramme,
  buildOperation,
  buildPlacement,
  buildPool,
  buildPoolMember,
} from '../../test/employment.builders.ts'
import { buildStatus } from '../../test/person.builders.ts'
import { buildYouth, cells, figure, runIndicator } from '../../test/reporting.builders.ts'
import { createTestContext, type TestContext } from '../../test/test-app.ts'

// The employment indicators on a small data set whose every figure is counted by hand below (period: 2009).
//
// Apprenticeship pool AP: Y1 (CIVIS open in 2009, ZUS) positioned 01/02, interviewed 05/02, joined 10/02/2009, two
//   immersions of the pool (15/02 no contract; 01/03 → apprenticeship of 24 months from 01/04); Y2 (CIVIS ended
//   31/12/2008) positioned 01/03, joined 05/03, hired through the pool in a CDD of 3 months (not durable) then a CDI;
//   Y3 (QPV) positioned 20/12/2008 and interviewed 22/12/2008 (out), joined 05/01/2009 (in), hired 04/01/2010 (out);
//   Y4 positioned 01/11/2009 only.
// Home-care pool HC: sessions 15/01/2009 and 01/12/2008 (out); Y5 (RSA 01/01–30/06/2009) positioned 10/03, interviewed,
//   joined, hired in a CDD 01/05; Y6 (same RSA period) positioned 01/07 (no RSA then), interviewed, not joined; Y7
//   positioned 01/04, joined, hired in interim 01/05. Another structure's pool and member: never counted.
// Immersion programme P (modules 1–3): Y8 module 1 validated; Y9 module 2 not validated then validated; Y10 (ZUS) module
//   3 → CDD of 6 months; Y11 module 3 → CDD of 5 months; Y12 module 3 from 01/12/2008 (out); Y13 module 3 cancelled.
// Operations: O1 from 01/02/2009, 100 positions, 2 sessions: Y1 by the network (commune of the files 59183, covered by
//   site A) invited, interviewed, hired; an outsider from 62193 invited, interviewed, hired; an outsider from 59183
//   invited only; one from France Travail; O2 from 01/11/2008 (out); O3 cancelled (out); O4 from 31/12/2009, 5 positions.
// Clauses: C1 lot L1 (company E1); C2 lots L2 (E2) and L3 (E1). Y2 (RSA criterion) 100,5 h and 50 h on L1 in
//   January–February 2009, CDI from 05/01/2009; Y3 (below the bac) 20 h on L3 in December 2009 with a professionalisation
//   contract of 12 months from 01/12/2009, 40 h on L2 in December 2008 with a CDD (out); Y4 (long-term job seeker) a CDD
//   of 3 months from 01/03/2009 on L1 and no hours.
let t: TestContext
const r: Record<string, IndicatorResult> = {}

beforeAll(async () => {
  t = await createTestContext()
  const { db, fx } = t
  const k = db.kysely
  await k
    .insertInto('site_commune')
    .values({ site_id: fx.sites.a, commune_code: '59183', commune_name: 'Dunkerque' })
    .execute()
  const { id: civis } = await k
    .insertInto('programme')
    .values({ structure_id: fx.structureId, code: 'CIVIS', name: 'CIVIS', type: 'civis' })
    .returning('id')
    .executeTakeFirstOrThrow()
  const youth = (spec: Parameters<typeof buildYouth>[2] = {}) =>
    buildYouth(db, fx, { siteId: fx.sites.a, communeCode: '59183', ...spec })
  const e1 = (await buildEmployer(db, fx)).id
  const e2 = (await buildEmployer(db, fx)).id

  const y1 = await youth({ priorityArea: 'zus', enrolments: [{ programmeId: civis, entry: '2008-06-01' }] })
  const y2 = await youth({ enrolments: [{ programmeId: civis, entry: '2008-01-01', exit: '2008-12-31' }] })
  const y3 = await youth({ priorityArea: 'qpv' })
  const y4 = await youth()
  const ap = (await buildPool(db, fx, { kind: 'apprenticeship' })).id
  await buildPoolMember(db, fx, ap, y1, {
    positionedOn: '2009-02-01',
    interviewedOn: '2009-02-05',
    joinedOn: '2009-02-10',
  })
  await buildPoolMember(db, fx, ap, y2, { positionedOn: '2009-03-01', joinedOn: '2009-03-05' })
  await buildPoolMember(db, fx, ap, y3, {
    positionedOn: '2008-12-20',
    interviewedOn: '2008-12-22',
    joinedOn: '2009-01-05',
  })
  await buildPoolMember(db, fx, ap, y4, { positionedOn: '2009-11-01' })
  const appr = await buildPlacement(db, fx, y1, e1, {
    poolId: ap,
    contractKind: 'apprenticeship',
    startDate: '2009-04-01',
    durationMonths: 24,
  })
  await buildImmersion(db, fx, y1, e1, { poolId: ap, startsOn: '2009-02-15', endsOn: '2009-02-20', status: 'done' })
  await buildImmersion(db, fx, y1, e1, {
    poolId: ap,
    startsOn: '2009-03-01',
    endsOn: '2009-03-12',
    status: 'done',
    outcome: 'contract',
    placementId: appr.id,
  })
  await buildPlacement(db, fx, y2, e2, { poolId: ap, contractKind: 'cdd', startDate: '2009-05-01', durationMonths: 3 })
  await buildPlacement(db, fx, y2, e2, {
    poolId: ap,
    contractKind: 'cdi',
    startDate: '2009-06-01',
    durationMonths: null,
  })
  await buildPlacement(db, fx, y3, e2, { poolId: ap, contractKind: 'professionalisation', startDate: '2010-01-04' })

  const hc = (await buildPool(db, fx, { kind: 'sector' })).id
  for (const at of ['2009-01-15T13:00:00Z', '2008-12-01T13:00:00Z'])
    await k
      .insertInto('pool_info_session')
      .values({ structure_id: fx.structureId, pool_id: hc, at: new Date(at) })
      .execute()
  const y5 = await youth()
  const y6 = await youth()
  const y7 = await youth()
  for (const y of [y5, y6])
    await buildStatus(db, fx, y, { status: 'rsa', startDate: '2009-01-01', endDate: '2009-06-30' })
  await buildPoolMember(db, fx, hc, y5, {
    positionedOn: '2009-03-10',
    interviewedOn: '2009-03-15',
    joinedOn: '2009-03-20',
  })
  await buildPoolMember(db, fx, hc, y6, { positionedOn: '2009-07-01', interviewedOn: '2009-07-05' })
  await buildPoolMember(db, fx, hc, y7, { positionedOn: '2009-04-01', joinedOn: '2009-04-10' })
  await buildPlacement(db, fx, y5, e1, { poolId: hc, contractKind: 'cdd', startDate: '2009-05-01' })
  await buildPlacement(db, fx, y7, e1, {
    poolId: hc,
    contractKind: 'interim',
    startDate: '2009-05-01',
    durationMonths: 1,
  })
  const other = await buildStructure(db)
  const otherPerson = await buildYouth(db, other)
  const otherPool = (await buildPool(db, other, { kind: 'sector' })).id
  await buildPoolMember(db, other, otherPool, otherPerson, { positionedOn: '2009-05-01', joinedOn: '2009-05-02' })
  const otherAp = (await buildPool(db, other, { kind: 'apprenticeship' })).id
  await buildPoolMember(db, other, otherAp, otherPerson, { positionedOn: '2009-05-01', joinedOn: '2009-05-02' })

  const p = (await buildImmersionProgramme(db, fx)).id
  const module = (y: string, n: number, spec: Parameters<typeof buildImmersion>[4] = {}) =>
    buildImmersion(db, fx, y, e2, {
      programmeId: p,
      moduleNumber: n,
      startsOn: '2009-03-02',
      endsOn: '2009-03-13',
      ...spec,
    })
  await module(await youth(), 1, { validated: true })
  const y9 = await youth()
  await module(y9, 2, { validated: false })
  await module(y9, 2, { validated: true, startsOn: '2009-04-06', endsOn: '2009-04-17' })
  const y10 = await youth({ priorityArea: 'zus' })
  const c10 = await buildPlacement(db, fx, y10, e2, { startDate: '2009-04-01', durationMonths: 6 })
  await module(y10, 3, { outcome: 'contract', placementId: c10.id })
  const y11 = await youth()
  const c11 = await buildPlacement(db, fx, y11, e2, { startDate: '2009-04-01', durationMonths: 5 })
  await module(y11, 3, { outcome: 'contract', placementId: c11.id })
  const y12 = await youth()
  const c12 = await buildPlacement(db, fx, y12, e2, { startDate: '2009-01-05', durationMonths: 12 })
  await module(y12, 3, { startsOn: '2008-12-01', endsOn: '2008-12-12', outcome: 'contract', placementId: c12.id })
  await module(await youth(), 3, { status: 'cancelled' })

  const o1 = (await buildOperation(db, fx, e1, { positions: 100, startsOn: '2009-02-01' })).id
  const session = async () =>
    (
      await k
        .insertInto('operation_info_session')
        .values({ structure_id: fx.structureId, operation_id: o1, at: new Date('2009-02-10T09:00:00Z') })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  const s1 = await session()
  await session()
  const invited = { infoSessionId: s1, attended: true, receivedOn: '2009-02-02' }
  await buildApplication(db, fx, o1, {
    ...invited,
    personId: y1,
    communeCode: null,
    interviewedOn: '2009-02-12',
    outcome: 'hired',
  })
  await buildApplication(db, fx, o1, {
    ...invited,
    source: 'france_travail',
    communeCode: '62193',
    interviewedOn: '2009-02-12',
    outcome: 'hired',
  })
  await buildApplication(db, fx, o1, { ...invited, source: 'spontaneous', communeCode: '59183' })
  await buildApplication(db, fx, o1, { source: 'france_travail', receivedOn: '2009-02-03' })
  await buildOperation(db, fx, e1, { positions: 50, startsOn: '2008-11-01' })
  const o3 = (await buildOperation(db, fx, e1, { positions: 20, startsOn: '2009-06-01' })).id
  await k.updateTable('recruitment_operation').set({ status: 'cancelled' }).where('id', '=', o3).execute()
  await buildOperation(db, fx, e2, { positions: 5, startsOn: '2009-12-31' })

  const c1 = (await buildClauseOperation(db, fx)).id
  const c2 = (await buildClauseOperation(db, fx)).id
  const l1 = (await buildClauseLot(db, fx, c1, { employerId: e1 })).id
  const l2 = (await buildClauseLot(db, fx, c2, { employerId: e2 })).id
  const l3 = (await buildClauseLot(db, fx, c2, { employerId: e1 })).id
  await buildClauseParticipant(db, fx, y2, { criterion: 'rsa' })
  await buildClauseParticipant(db, fx, y3, { criterion: 'youth_below_bac' })
  await buildClauseParticipant(db, fx, y4, { criterion: 'long_term_job_seeker' })
  await buildClauseHours(db, fx, l1, y2, '2009-01-01', 100.5)
  await buildClauseHours(db, fx, l1, y2, '2009-02-01', 50)
  await buildClauseHours(db, fx, l3, y3, '2009-12-01', 20)
  await buildClauseHours(db, fx, l2, y3, '2008-12-01', 40)
  await buildClauseContract(db, fx, l1, y2, { contractKind: 'cdi', startsOn: '2009-01-05', durationMonths: null })
  await buildClauseContract(db, fx, l3, y3, {
    contractKind: 'professionalisation',
    startsOn: '2009-12-01',
    durationMonths: 12,
  })
  await buildClauseContract(db, fx, l2, y3, { contractKind: 'cdd', startsOn: '2008-12-01', durationMonths: 6 })
  await buildClauseContract(db, fx, l1, y4, { contractKind: 'cdd', startsOn: '2009-03-01', durationMonths: 3 })

  for (const id of [
    'employment.apprenticeship',
    'employment.immersions',
    'employment.recruitment_operations',
    'employment.clauses',
    'employment.candidate_pools',
  ])
    r[id] = await runIndicator(db, fx, id)
}, 600_000)
afterAll(() => t?.close())

const figures = (id: string, keys: string[]) => Object.fromEntries(keys.map((k) => [k, figure(r[id], k)]))

describe('employment indicators on a hand-counted data set', () => {
  it('employment.apprenticeship: each step by its own date, CIVIS and priority areas among the joined, durable jobs', () => {
    expect(
      figures('employment.apprenticeship', [
        'informed',
        'interviewed',
        'joined',
        'joinedShare',
        'joinedCivis',
        'civisShare',
        'joinedPriorityArea',
        'priorityAreaShare',
        'immersions',
        'immersionYouth',
        'workStudyContracts',
        'apprenticeshipAfterImmersionShare',
        'durableJobs',
        'durableApprenticeships',
        'apprenticeshipShareOfJobs',
      ]),
    ).toEqual({
      informed: 3,
      interviewed: 1,
      joined: 3,
      joinedShare: 100,
      joinedCivis: 1,
      civisShare: 33.3,
      joinedPriorityArea: 2,
      priorityAreaShare: 66.7,
      immersions: 2,
      immersionYouth: 1,
      workStudyContracts: 1,
      apprenticeshipAfterImmersionShare: 100,
      durableJobs: 2,
      durableApprenticeships: 1,
      apprenticeshipShareOfJobs: 50,
    })
    expect(r['employment.apprenticeship'].value).toBe(3)
  })

  it('employment.apprenticeship within a scope: the scope’s persons only', async () => {
    const out = await runIndicator(t.db, t.fx, 'employment.apprenticeship', { scope: { siteIds: [t.fx.sites.b] } })
    expect([figure(out, 'informed'), figure(out, 'joined'), figure(out, 'durableJobs')]).toEqual([0, 0, 0])
  })

  it('employment.immersions: per module, validated once per person, contracts of six months or more', () => {
    const i = 'employment.immersions'
    expect(figures(i, ['youth', 'priorityArea', 'immersions', 'validated', 'contracts', 'contractsLong'])).toEqual({
      youth: 4,
      priorityArea: 1,
      immersions: 5,
      validated: 2,
      contracts: 2,
      contractsLong: 1,
    })
    const m = cells(r[i], 'byModule')
    expect(m.module1).toEqual({ youth: 1, validated: 1, validatedShare: 100, contracts: 0, contractsLong: 0 })
    expect(m.module2).toEqual({ youth: 1, validated: 1, validatedShare: 100, contracts: 0, contractsLong: 0 })
    expect(m.module3).toEqual({ youth: 2, validated: 0, validatedShare: 0, contracts: 2, contractsLong: 1 })
  })

  it('employment.recruitment_operations: the period’s operations, the funnel, local hires by the territory', () => {
    const o = 'employment.recruitment_operations'
    expect(
      figures(o, [
        'operations',
        'positions',
        'applications',
        'applicationsFromNetwork',
        'infoSessions',
        'invited',
        'invitedPerSession',
        'interviews',
        'hired',
        'hiredLocal',
        'hiredLocalShare',
      ]),
    ).toEqual({
      operations: 2,
      positions: 105,
      applications: 4,
      applicationsFromNetwork: 1,
      infoSessions: 2,
      invited: 3,
      invitedPerSession: 1.5,
      interviews: 2,
      hired: 2,
      hiredLocal: 1,
      hiredLocalShare: 50,
    })
  })

  it('employment.clauses: hours of the period’s months, companies and sites with hours, contracts started', () => {
    const c = 'employment.clauses'
    expect(
      figures(c, [
        'hours',
        'persons',
        'companies',
        'sites',
        'hoursPerPerson',
        'hoursPerSite',
        'contracts',
        'contractsLong',
        'contractsLongProfessionalisation',
        'youthBelowBac',
      ]),
    ).toEqual({
      hours: 170.5,
      persons: 2,
      companies: 1,
      sites: 2,
      hoursPerPerson: 85.3,
      hoursPerSite: 85.3,
      contracts: 3,
      contractsLong: 2,
      contractsLongProfessionalisation: 1,
      youthBelowBac: 1,
    })
    const p = cells(r[c], 'participants')
    expect([p.rsa?.persons, p.youth_below_bac?.persons, p.long_term_job_seeker, p.total?.persons]).toEqual([
      1,
      1,
      undefined,
      2,
    ])
    expect(r[c].tables.find((x) => x.key === 'participants')?.sensitive).toBe(true)
  })

  it('employment.candidate_pools: the apprenticeship pool and other structures aside, RSA on the positioning day', () => {
    const c = 'employment.candidate_pools'
    expect(
      figures(c, ['pools', 'infoSessions', 'positioned', 'interviews', 'joined', 'joinedShare', 'employed']),
    ).toEqual({ pools: 1, infoSessions: 1, positioned: 3, interviews: 2, joined: 2, joinedShare: 66.7, employed: 2 })
    const w = cells(r[c], 'welfare').total
    expect([w.positionedRsa, w.joinedRsa, w.employedRsa]).toEqual([1, 1, 1])
  })
})

describe('the employment family in the catalogue and the report', () => {
  it('declares its five indicators in the family « Emploi », its chapter after the training’s', () => {
    const employment = allIndicators().filter((i) => i.family === 'employment')
    expect(employment.map((i) => i.id)).toEqual([
      'employment.apprenticeship',
      'employment.immersions',
      'employment.recruitment_operations',
      'employment.clauses',
      'employment.candidate_pools',
    ])
    expect(catalogueEntry(employment[0]).familyLabel).toBe('Emploi')
    const keys = annualReportSections().map((s) => s.key)
    const first = keys.indexOf('employment_apprenticeship')
    expect(first).toBeGreaterThan(keys.indexOf('training_professionalisation_fund'))
    expect(keys.slice(first, first + 5)).toEqual([
      'employment_apprenticeship',
      'employment_immersions',
      'employment_recruitment_operations',
      'employment_clauses',
      'employment_candidate_pools',
    ])
  })

  it('gives the chapter in the annual report (JSON and spreadsheet) and the statistics catalogue', async () => {
    const director = await t.as('director')
    const json = (await director.get('/api/reports/annual?from=2009-01-01&to=2009-12-31')).json() as AnnualReport
    expect(json.indicators['employment.apprenticeship'].value).toBe(3)
    expect(json.sections.map((s) => s.key)).toEqual(expect.arrayContaining(['employment_clauses']))
    const xlsx = await director.get('/api/reports/annual?from=2009-01-01&to=2009-12-31&format=xlsx')
    expect(xlsx.statusCode).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(['Programme apprentissage', 'Clauses d’insertion', 'Viviers de candidats']),
    )
    const catalogue = (await director.get('/api/indicators')).json() as { id: string; familyLabel: string }[]
    expect(catalogue.filter((i) => i.familyLabel === 'Emploi').map((i) => i.id)).toHaveLength(5)
  })
})
