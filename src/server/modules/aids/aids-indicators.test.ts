import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AnnualReport, IndicatorResult } from '../../../shared/reporting/reporting.schema.ts'
import { allIndicators } from '../../reporting/catalogue.ts'
import { annualReportSections } from '../../reporting/report/sections.ts'
import { buildAidPayment, buildAidRequest, buildFund } from '../../test/aids.builders.ts'
import {
  buildAidContract,
  buildAidProject,
  buildCounterEntry,
  buildIndirectAid,
} from '../../test/aids-report.builders.ts'
import { buildStructure } from '../../test/builders.ts'
import { buildYouth, cells, runIndicator } from '../../test/reporting.builders.ts'
import { createTestContext, type TestContext } from '../../test/test-app.ts'

// The aids' indicators on a small data set whose every figure is counted by hand below (period: 2009).
//
// FIPJ: Y1 (adult) meals 100 € granted, paid, cancelled by a counter-entry, paid again (paid 100); Y1 transport 60 of
//   80 € (partly), paid in 2010 (not paid in 2009); Y2 (17) clothing 40 € paid; Y3 meals 30 € on 15/04 aged 17, paid,
//   and 20 € on 01/06 aged 18 (a minor: age at the first granted request); Y4 refused, then redirected; Y5 pending;
//   a 2008 request (previous period); another structure's FIPJ request (never counted); an indirect aid 500 € (4).
// FDAJ: Y1 emergency 50 €; Y5 reinforced 300 € with a 3-month contract and an unpaid instalment; in 2008: ordinary
//   200 € granted, two emergency requests.
// CLAP: P1 economic retail funded 1 000 € 2 jobs (Y1, Y2); P2 economic craft 500 € 1 job (Y2); P3 social 300 € (Y3);
//   P4 cultural refused; P5 opened in 2009, no decision; P6 funded in 2008. Holidays: H1 (Y1, Y4) 360 €, H2 (Y5) 180 €.
let t: TestContext
const r: Record<string, IndicatorResult> = {}

beforeAll(async () => {
  t = await createTestContext()
  const { db, fx } = t
  const y1 = await buildYouth(db, fx, { birth: '1985-01-01' })
  const y2 = await buildYouth(db, fx, { birth: '1992-09-01' })
  const y3 = await buildYouth(db, fx, { birth: '1991-05-01' })
  const y4 = await buildYouth(db, fx, { birth: '1988-02-02', sex: 'M' })
  const y5 = await buildYouth(db, fx, { birth: '1989-03-03', sex: 'M', siteId: fx.sites.b })
  const fipj = (await buildFund(db, fx, { code: 'FIPJ', envelope: null })).id
  const fdaj = (
    await buildFund(db, fx, { code: 'FDAJ', envelope: null, tracks: ['emergency', 'ordinary', 'reinforced'] })
  ).id
  const ask = (p: string, f: string, spec: Parameters<typeof buildAidRequest>[4]) => buildAidRequest(db, fx, p, f, spec)

  const r1 = await ask(y1, fipj, { status: 'granted', amountAskedCents: 100_00, askedOn: '2009-03-10' })
  const pay1 = await buildAidPayment(db, fx, r1.id, { amountCents: 100_00, paidOn: '2009-03-12' })
  await buildCounterEntry(db, fx, r1.id, pay1, 100_00, '2009-03-20')
  await buildAidPayment(db, fx, r1.id, { amountCents: 100_00, paidOn: '2009-03-25' })
  const r2 = await ask(y1, fipj, {
    status: 'partly_granted',
    purpose: 'transport',
    amountAskedCents: 80_00,
    amountGrantedCents: 60_00,
    askedOn: '2009-06-01',
  })
  await buildAidPayment(db, fx, r2.id, { amountCents: 60_00, paidOn: '2010-01-05' })
  const r3 = await ask(y2, fipj, {
    status: 'granted',
    purpose: 'clothing',
    amountAskedCents: 40_00,
    askedOn: '2009-04-01',
  })
  await buildAidPayment(db, fx, r3.id, { amountCents: 40_00, paidOn: '2009-04-03' })
  const r4 = await ask(y3, fipj, { status: 'granted', amountAskedCents: 30_00, askedOn: '2009-04-15' })
  await buildAidPayment(db, fx, r4.id, { amountCents: 30_00, paidOn: '2009-04-16' })
  await ask(y3, fipj, { status: 'granted', amountAskedCents: 20_00, askedOn: '2009-06-01' })
  await ask(y4, fipj, { status: 'refused', askedOn: '2009-05-01' })
  await ask(y4, fipj, { status: 'redirected', askedOn: '2009-05-02' })
  await ask(y5, fipj, { status: 'submitted', askedOn: '2009-07-01' })
  await ask(y1, fipj, { status: 'granted', amountAskedCents: 70_00, askedOn: '2008-12-31' })
  const other = await buildStructure(db)
  const stranger = await buildYouth(db, other, { birth: '1990-01-01' })
  const otherFipj = (await buildFund(db, other, { code: 'FIPJ', envelope: null })).id
  await buildAidRequest(db, other, stranger, otherFipj, { status: 'granted', askedOn: '2009-03-10' })
  await buildIndirectAid(db, fx, fipj, {
    spentOn: '2009-09-01',
    label: 'Formation câbleurs',
    amountCents: 500_00,
    participants: 4,
  })
  await buildIndirectAid(db, fx, fipj, { spentOn: '2010-01-02', label: 'Formation 2010', amountCents: 900_00 })

  await ask(y1, fdaj, {
    status: 'granted',
    track: 'emergency',
    purpose: 'subsistence',
    amountAskedCents: 50_00,
    askedOn: '2009-02-01',
  })
  const reinforced = await ask(y5, fdaj, {
    status: 'granted',
    track: 'reinforced',
    purpose: 'subsistence',
    amountAskedCents: 300_00,
    askedOn: '2009-03-01',
  })
  await buildAidContract(db, fx, reinforced.id, 3, 100_00, '2009-03-15')
  await buildAidPayment(db, fx, reinforced.id, { amountCents: 100_00, paidOn: null, dueOn: '2009-12-01' })
  await ask(y1, fdaj, { status: 'granted', track: 'ordinary', amountAskedCents: 200_00, askedOn: '2008-05-01' })
  await ask(y4, fdaj, { status: 'complete', track: 'emergency', askedOn: '2008-06-01' })
  await ask(y5, fdaj, { status: 'cancelled', track: 'emergency', askedOn: '2008-07-01' })

  const clap = (await buildFund(db, fx, { code: 'CLAP', kind: 'project', envelope: null })).id
  await buildAidProject(db, fx, clap, { holders: [y1, y2], grantedCents: 1000_00, jobs: 2 })
  await buildAidProject(db, fx, clap, { holders: [y2], sector: 'craft', grantedCents: 500_00, jobs: 1 })
  await buildAidProject(db, fx, clap, { nature: 'social', holders: [y3], grantedCents: 300_00, siteId: fx.sites.b })
  await buildAidProject(db, fx, clap, {
    nature: 'cultural',
    holders: [y4],
    decision: 'refused',
    presentedOn: '2009-06-10',
  })
  await buildAidProject(db, fx, clap, { holders: [y5], decision: null, createdAt: '2009-02-01' })
  await buildAidProject(db, fx, clap, { holders: [y5], decidedOn: '2008-11-01' })
  const holidays = (await buildFund(db, fx, { code: 'VAC', kind: 'holiday', envelope: null })).id
  await buildAidProject(db, fx, holidays, { nature: 'holiday', sector: null, holders: [y1, y4], grantedCents: 360_00 })
  await buildAidProject(db, fx, holidays, { nature: 'holiday', sector: null, holders: [y5], grantedCents: 180_00 })

  r.requests = await runIndicator(db, fx, 'aid.requests')
  r.projects = await runIndicator(db, fx, 'aid.projects')
  r.siteB = await runIndicator(db, fx, 'aid.projects', { scope: { siteIds: [fx.sites.b] } })
  r.requestsSiteB = await runIndicator(db, fx, 'aid.requests', { scope: { siteIds: [fx.sites.b] } })
}, 60_000)
afterAll(() => t?.close())

const fig = (res: IndicatorResult, key: string) => res.figures.find((f) => f.key === key)?.value

describe('aid.requests', () => {
  it('counts requests by decision per fund, amounts granted and paid (a counter-entry cancels a payment)', () => {
    const f = cells(r.requests, 'byFund')
    expect(f.FIPJ).toEqual({
      requests: 8,
      granted: 5,
      refused: 1,
      redirected: 1,
      other: 1,
      amountGranted: 250,
      amountPaid: 170,
    })
    // the scheduled instalment is not paid
    expect(f.FDAJ).toMatchObject({ requests: 2, granted: 2, amountGranted: 350, amountPaid: 0 })
    expect(f.total).toMatchObject({ requests: 10, granted: 7, amountGranted: 600, amountPaid: 170 })
    expect(r.requests.value).toBe(10)
    expect(fig(r.requests, 'redirected')).toBe(1)
  })

  it('by purpose: count, amount and the share of the fund’s amount', () => {
    const p = cells(r.requests, 'byPurpose')
    expect(p['FIPJ.meals']).toMatchObject({ requests: 6, granted: 3, amountGranted: 150, amountShare: 60 })
    expect(p['FIPJ.transport']).toMatchObject({ requests: 1, amountGranted: 60, amountShare: 24 })
    expect(p['FIPJ.clothing']).toMatchObject({ amountGranted: 40, amountShare: 16 })
    expect(p['FDAJ.subsistence']).toMatchObject({ requests: 2, requestsShare: 100 })
  })

  it('minors and adults: distinct persons by their age at their first granted request', () => {
    const a = cells(r.requests, 'byAge')
    expect(a.FIPJ).toEqual({ persons: 3, minors: 2, minorsShare: 66.7, adults: 1, adultsShare: 33.3 })
    expect(a.FDAJ).toMatchObject({ persons: 2, minors: 0 })
  })

  it('tracks against the previous year, the reinforced aid’s contracts, the consumption outside emergencies', () => {
    const tr = cells(r.requests, 'byTrack')
    expect(tr['FDAJ.emergency']).toMatchObject({ requests: 1, previousRequests: 2, requestsChange: -50 })
    expect(tr['FDAJ.reinforced']).toMatchObject({ requests: 1, previousRequests: 0, requestsChange: null })
    expect(tr['FDAJ.reinforced']).toMatchObject({ contracts: 1, averageMonths: 3 })
    expect(cells(r.requests, 'consumption').FDAJ).toEqual({
      amountGranted: 300,
      previousAmountGranted: 200,
      change: 50,
    })
  })

  it('indirect aids of the period, and a site’s scope', () => {
    expect(cells(r.requests, 'indirect').FIPJ).toEqual({ actions: 1, participants: 4, amount: 500 })
    expect(fig(r.requests, 'indirectAmount')).toBe(500)
    // site B: Y5's requests only (pending FIPJ, reinforced FDAJ)
    expect(cells(r.requestsSiteB, 'byFund').total).toMatchObject({ requests: 2, granted: 1, amountGranted: 300 })
  })
})

describe('aid.projects', () => {
  it('projects accompanied and funded by nature and sector, young people, amount, jobs', () => {
    const n = cells(r.projects, 'byNature')
    expect(n.economic).toEqual({ accompanied: 3, funded: 2, youth: 2, amount: 1500, jobs: 3 })
    expect(n['economic.retail']).toMatchObject({ accompanied: 2, funded: 1 })
    expect(n['economic.craft']).toMatchObject({ funded: 1, youth: 1 })
    expect(n.social).toMatchObject({ funded: 1, amount: 300 })
    expect(n.cultural).toMatchObject({ accompanied: 1, funded: 0 })
    expect(n.total).toEqual({ accompanied: 5, funded: 3, youth: 3, amount: 1800, jobs: 3 })
    expect(fig(r.projects, 'nonEconomic')).toBe(1)
  })

  it('holiday projects, their young people and amount', () => {
    expect(cells(r.projects, 'holidays').total).toEqual({ projects: 2, youth: 3, amount: 540, perYouth: 180 })
    expect(fig(r.projects, 'holidayYouth')).toBe(3)
  })

  it('a site’s scope: the projects of the site', () => {
    expect(cells(r.siteB, 'byNature').total).toMatchObject({ accompanied: 1, funded: 1, youth: 1 })
  })

  it('is in the catalogue and the annual report', () => {
    const ids = allIndicators().map((i) => i.id)
    expect(ids).toEqual(expect.arrayContaining(['aid.requests', 'aid.projects']))
    const items = annualReportSections().flatMap((s) => s.items.map((i) => i.indicator))
    expect(items).toEqual(expect.arrayContaining(['aid.requests', 'aid.projects']))
  })

  it('gives the aids’ chapter in the annual report: JSON (internal and published) and spreadsheet', async () => {
    const director = await t.as('director')
    const year = 'from=2009-01-01&to=2009-12-31'
    const json = (await director.get(`/api/reports/annual?${year}`)).json() as AnnualReport
    expect(json.indicators['aid.requests'].value).toBe(10)
    expect(json.sections.map((s) => s.key)).toEqual(expect.arrayContaining(['aids_requests', 'aids_projects']))
    // published: counts under 5 hidden, with the cells that would give them back
    const published = (await director.get(`/api/reports/annual?${year}&public=true`)).json() as AnnualReport
    expect(published.indicators['aid.requests'].secrecy?.hidden).toBeGreaterThan(0)
    const xlsx = await director.get(`/api/reports/annual?${year}&format=xlsx`)
    expect(xlsx.statusCode).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(['Aides financières', 'Projets de jeunes et vacances']),
    )
  })
})
