import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AnnualReport, IndicatorResult } from '../../../shared/reporting/reporting.schema.ts'
import { allIndicators } from '../../reporting/catalogue.ts'
import { annualReportSections } from '../../reporting/report/sections.ts'
import { buildFunding, buildParticipant, buildPlieOrganisation } from '../../test/plie-report.builders.ts'
import { buildScheme, cells, runIndicator } from '../../test/reporting.builders.ts'
import { createTestContext, type TestContext } from '../../test/test-app.ts'

// The PLIE's indicators on a small data set whose every figure is counted by hand below (period: 2009).
//
// P1 F 18 at entry, RSA, in CIVIS: entered 01/01/2009 (first day), exit 31/12/2009 CDI credited to Alpha; step CDI
// P2 M 38, RQTH on its entry day, ZUS: entered 31/12/2008 (last day of 2008), no exit; steps CDD 1 month, CDD 30 days,
//    interim planned 3 months, a CDD that started in 2008
// P3 M, RSA at entry (2007), QPV: exit 15/06/2009 CDD over 6 months credited to Beta (an ACI); subsidised step
// P4 F 34, long-term unemployed from its entry day: 01/04 → 30/09/2009, moved away (other exit)
// P5 F 22: 01/02/2008 → 31/12/2008 work-study (a 2008 exit: the 5-year table, not 2009)
// P6 entered 01/01/2010 (not in 2009)
// P7 M site B: 01/02 → 01/08/2009 interim ≥ 1215 h, no partner
// P8 Mission Locale only, a CDI not in a pathway
// P9 two pathways: business creation in 2005, re-entry, qualifying training in 2006
let t: TestContext
let ids: { alpha: string; beta: string; gamma: string }

beforeAll(async () => {
  t = await createTestContext()
  const { db, fx } = t
  const civis = await buildScheme(db, fx, 'CIVIS')
  ids = {
    alpha: await buildPlieOrganisation(db, fx, { name: 'Alpha emploi' }),
    beta: await buildPlieOrganisation(db, fx, { name: 'Beta chantier', kind: 'aci' }),
    gamma: await buildPlieOrganisation(db, fx, { name: 'Gamma entreprises' }),
  }
  await buildPlieOrganisation(db, fx, { name: 'Delta fermé', active: false })
  await buildParticipant(db, fx, {
    birth: '1990-05-01',
    statuses: [{ status: 'rsa', start: '2008-01-01' }],
    enrolments: [{ programmeId: civis, entry: '2008-06-01' }],
    pathways: [
      {
        entry: '2009-01-01',
        exit: '2009-12-31',
        reason: 'cdi',
        partnerId: ids.alpha,
        steps: [{ kind: 'cdi', start: '2009-11-01' }],
      },
    ],
  })
  await buildParticipant(db, fx, {
    sex: 'M',
    birth: '1970-01-01',
    priorityArea: 'zus',
    statuses: [{ status: 'rqth', start: '2008-01-01', end: '2008-12-31' }],
    pathways: [
      {
        entry: '2008-12-31',
        steps: [
          { kind: 'cdd', start: '2009-03-01', end: '2009-03-31' },
          { kind: 'cdd', start: '2009-05-01', end: '2009-05-30' },
          { kind: 'interim', start: '2009-06-01', plannedEnd: '2009-08-31' },
          { kind: 'cdd', start: '2008-12-15', end: '2009-06-30' },
        ],
      },
    ],
  })
  await buildParticipant(db, fx, {
    sex: 'M',
    birth: '1980-02-02',
    priorityArea: 'qpv',
    statuses: [{ status: 'rsa', start: '2007-01-01', end: '2007-12-31' }],
    pathways: [
      {
        entry: '2007-03-01',
        exit: '2009-06-15',
        reason: 'cdd_over_6_months',
        partnerId: ids.beta,
        steps: [{ kind: 'subsidised_contract', start: '2009-02-01', end: '2009-12-31' }],
      },
    ],
  })
  await buildParticipant(db, fx, {
    birth: '1975-01-01',
    statuses: [{ status: 'long_term_unemployed', start: '2009-04-01' }],
    pathways: [{ entry: '2009-04-01', exit: '2009-09-30', reason: 'moved_away' }],
  })
  await buildParticipant(db, fx, {
    birth: '1985-06-01',
    pathways: [{ entry: '2008-02-01', exit: '2008-12-31', reason: 'work_study' }],
  })
  await buildParticipant(db, fx, { sex: 'M', birth: '1960-01-01', pathways: [{ entry: '2010-01-01' }] })
  await buildParticipant(db, fx, {
    sex: 'M',
    birth: '1965-01-01',
    siteId: fx.sites.b,
    pathways: [{ entry: '2009-02-01', exit: '2009-08-01', reason: 'interim_1215h' }],
  })
  await buildParticipant(db, fx, {
    enrolments: [{ programmeId: fx.programmes.ml, entry: '2008-01-01' }],
    situations: [{ kind: 'cdi', start: '2009-05-01' }],
  })
  await buildParticipant(db, fx, {
    birth: '1970-01-01',
    pathways: [
      { entry: '2004-01-01', exit: '2005-06-01', reason: 'business_creation' },
      { entry: '2005-07-01', exit: '2006-03-01', reason: 'qualifying_training' },
    ],
  })
  await buildFunding(db, fx, {
    year: 2009,
    funder: 'esf',
    operation: 'Accompagnement',
    programmed: 100000,
    realised: 80000,
  })
  await buildFunding(db, fx, { year: 2009, funder: 'departement', operation: 'Insertion', programmed: 50000 })
  await buildFunding(db, fx, { year: 2008, funder: 'esf', operation: 'Accompagnement', programmed: 999999 })
})
afterAll(() => t.close())

const run = (id: string, opts: Parameters<typeof runIndicator>[3] = {}) => runIndicator(t.db, t.fx, id, opts)
const figures = (r: IndicatorResult) => Object.fromEntries(r.figures.map((f) => [f.key, f.value]))

describe('plie.flow', () => {
  it('counts the pathways at start, entered, exited (positive, other), during, at end, and the RSA recipients', async () => {
    const r = await run('plie.flow')
    expect(r.value).toBe(5)
    expect(figures(r)).toEqual({
      inPathAtStart: 2,
      entries: 3,
      exits: 4,
      positiveExits: 3,
      otherExits: 1,
      inPathDuring: 5,
      // P1's exit on 31/12 is an exit of 2009, not in pathway at end
      inPathAtEnd: 1,
      // 1 261 pathway days over 365 days
      averageInPath: 3.5,
    })
    expect(cells(r, 'inflow')).toEqual({
      inPathAtStart: { count: 2 },
      entries: { count: 3 },
      inPathDuring: { count: 5 },
    })
    expect(cells(r, 'outflow')).toMatchObject({ exits: { count: 4 }, inPathAtEnd: { count: 1 } })
    expect(cells(r, 'rsa')).toEqual({
      entries: { all: 3, rsa: 1, share: 33.3 },
      positiveExits: { all: 3, rsa: 2, share: 66.7 },
    })
  })

  it('takes an entry on 31/12 in the year it falls in: P2 enters in 2008, is at start in 2009', async () => {
    const r2008 = await run('plie.flow', { from: '2008-01-01', to: '2008-12-31' })
    // P2, P3, P5 during 2008; P5 exits on 31/12/2008
    expect(figures(r2008)).toMatchObject({ inPathAtStart: 1, entries: 2, exits: 1, inPathDuring: 3, inPathAtEnd: 2 })
    const r2010 = await run('plie.flow', { from: '2010-01-01', to: '2010-12-31' })
    expect(figures(r2010)).toMatchObject({ inPathAtStart: 1, entries: 1, inPathDuring: 2 })
  })

  it('keeps to a site and splits by sex', async () => {
    const a = await run('plie.flow', { scope: { siteIds: [t.fx.sites.a] }, bySex: true })
    expect(figures(a)).toMatchObject({ entries: 2, exits: 3, positiveExits: 2, inPathDuring: 4, inPathAtEnd: 1 })
    expect([a.bySex?.F.value, a.bySex?.M.value]).toEqual([2, 2])
  })

  it('hides small counts in a published output, the RSA table with the higher threshold', async () => {
    const r = await run('plie.flow', { published: { threshold: 2, sensitiveThreshold: 11 } })
    expect(figures(r)).toMatchObject({ inPathAtStart: 2, entries: 3, otherExits: null, inPathAtEnd: null })
    const out = cells(r, 'outflow')
    // 1 other exit and 1 at end hidden, then positive exits (exits = positive + other) and exits (during = exits +
    // at end) so that neither balance gives them back
    expect([out.otherExits.count, out.inPathAtEnd.count]).toEqual([null, null])
    expect([out.positiveExits.count, out.exits.count]).toEqual([null, null])
    expect(out.inPathDuring.count).toBe(5)
    expect(cells(r, 'rsa').positiveExits.rsa).toBeNull()
  })
})

describe('plie.entries', () => {
  it('breaks entries down by sex, age at entry and target public at entry, beside the previous year', async () => {
    const r = await run('plie.entries')
    expect(r.value).toBe(3)
    expect(figures(r)).toEqual({
      entries: 3,
      previousEntries: 2,
      changeInEntries: 50,
      under26Share: 33.3,
      civisShareOfYouthEntries: 100,
    })
    expect(cells(r, 'bySex')).toEqual({
      M: { previous: 1, current: 1 },
      F: { previous: 1, current: 2 },
      total: { previous: 2, current: 3 },
    })
    expect(cells(r, 'byAge')).toEqual({
      under26: { previous: 1, current: 1 },
      '26+': { previous: 1, current: 2 },
      total: { previous: 2, current: 3 },
    })
    // P2's RQTH ends on its entry day 31/12/2008 and still counts; P4's long-term unemployment starts on its entry day
    expect(cells(r, 'byPublic')).toEqual({
      rsa: { previous: 0, current: 1 },
      civis_youth: { previous: 0, current: 1 },
      long_term_unemployed: { previous: 0, current: 1 },
      disabled_worker: { previous: 1, current: 0 },
      priority_area: { previous: 1, current: 0 },
    })
    expect(r.tables.find((x) => x.key === 'byPublic')?.sensitive).toBe(true)
    expect(r.tables.find((x) => x.key === 'bySex')?.columns.map((c) => c.label)).toEqual(['2008', '2009'])
  })
})

describe('plie.positive_exits', () => {
  it('counts positive exits by type, by year over five years and by priority public × type', async () => {
    const r = await run('plie.positive_exits')
    expect(r.value).toBe(3)
    expect(figures(r)).toEqual({ positiveExits: 3, contracts: 3, contractsShare: 100 })
    const type = cells(r, 'byType')
    expect(type.contracts).toEqual({ count: 3, share: 100 })
    expect([type.cdi.count, type.cdd_over_6_months.count, type.work_study.count, type.interim_1215h.count]).toEqual([
      1, 1, 0, 1,
    ])
    expect(type.cdi.share).toBe(33.3)
    expect(type.total).toEqual({ count: 3, share: 100 })
    const years = cells(r, 'byYear')
    expect(years.total).toEqual({ 2005: 1, 2006: 1, 2007: 0, 2008: 1, 2009: 3 })
    // interim counted with the CDD over 6 months, CIRMA with business creation, as the report prints them
    expect(years.cdd_over_6_months[2009]).toBe(2)
    expect(years.cirma_or_business_creation[2005]).toBe(1)
    expect(years.qualifying_training[2006]).toBe(1)
    expect(years.work_study[2008]).toBe(1)
    const pub = cells(r, 'byPriorityPublic')
    expect(pub.cdi).toEqual({ rsa: 1, disabled_worker: 0, priority_area: 0 })
    expect(pub.cdd_over_6_months).toEqual({ rsa: 1, disabled_worker: 0, priority_area: 1 })
    expect(pub.interim_1215h).toEqual({ rsa: 0, disabled_worker: 0, priority_area: 0 })
    expect(pub.total).toEqual({ rsa: 2, disabled_worker: 0, priority_area: 1 })
  })
})

describe('plie.positive_exits.by_partner', () => {
  it('credits contract exits to their partner, lists the active employer-relations partners', async () => {
    const r = await run('plie.positive_exits.by_partner')
    expect(figures(r)).toEqual({ credited: 2, contracts: 3, creditedShare: 66.7 })
    const t2 = r.tables[0]
    expect(t2.rows.map((row) => [row.label, row.values[0]])).toEqual([
      ['Alpha emploi', 1],
      ['Beta chantier', 1],
      ['Gamma entreprises', 0],
      ['Total', 2],
    ])
    expect(t2.rows[0].values[1]).toBe(50)
  })
})

describe('plie.employment_steps', () => {
  it('counts market-sector steps of at least one month started in the period, and distinct participants', async () => {
    const r = await run('plie.employment_steps')
    expect(figures(r)).toEqual({ steps: 3, participants: 2, stepsPerParticipant: 1.5 })
    const kinds = cells(r, 'byKind')
    expect([kinds.cdi.steps, kinds.cdd.steps, kinds.interim.steps]).toEqual([1, 1, 1])
    expect(kinds.total).toEqual({ steps: 3, participants: 2 })
  })
})

describe('plie.funding', () => {
  it('divides the funding used by the participants in pathway, with the ESF part; prorates a half year', async () => {
    const r = await run('plie.funding')
    expect(figures(r)).toEqual({ participants: 5, total: 1300, perParticipant: 260, esfPerParticipant: 160 })
    expect(cells(r, 'byFunder').esf).toEqual({ programmed: 1000, realised: 800, used: 800, perParticipant: 160 })
    expect(cells(r, 'byFunder').departement.used).toBe(500)
    // the whole structure's participants whatever the site
    const a = await run('plie.funding', { scope: { siteIds: [t.fx.sites.a] } })
    expect(figures(a).perParticipant).toBe(260)
    const half = await run('plie.funding', { from: '2009-01-01', to: '2009-06-30' })
    expect(figures(half)).toEqual({ participants: 5, total: 644.66, perParticipant: 128.93, esfPerParticipant: 79.34 })
  })
})

describe('plie.objectives and org.into_employment', () => {
  it('sets each protocol objective against its result, gap and rate', async () => {
    const admin = await t.as('admin')
    const agreement = await admin.post('/api/agreements', {
      name: 'Protocole PLIE 2009',
      funder: 'FSE',
      periodStart: '2009-01-01',
      periodEnd: '2009-12-31',
    })
    for (const [subKey, target] of [
      ['entries', 4],
      ['positiveExitsRsa', 1],
    ] as const)
      expect(
        (
          await admin.post('/api/objectives', {
            agreementId: agreement.json().id,
            indicatorId: 'plie.objectives',
            subKey,
            year: 2009,
            target,
          })
        ).statusCode,
      ).toBe(201)
    const r = await run('plie.objectives')
    expect(figures(r)).toEqual({ entries: 3, entriesRsa: 1, positiveExits: 3, positiveExitsRsa: 2, averageInPath: 3.5 })
    expect(r.objectives.map((o) => [o.subKey, o.target, o.result, o.gap, o.rate])).toEqual([
      ['entries', 4, 3, -1, 75],
      ['positiveExitsRsa', 1, 2, 1, 200],
    ])
  })

  it('counts in org.into_employment the persons of every programme who started a job', async () => {
    // P1 (CDI step), P2 (CDD, interim), P3 (subsidised contract), P8 (Mission Locale)
    expect((await run('org.into_employment')).value).toBe(4)
  })
})

describe('catalogue and report', () => {
  it('lists every PLIE indicator in the catalogue and the report’s PLIE chapter', () => {
    const plie = allIndicators()
      .filter((i) => i.family === 'plie')
      .map((i) => i.id)
    expect(plie).toEqual([
      'plie.flow',
      'plie.objectives',
      'plie.entries',
      'plie.positive_exits',
      'plie.employment_steps',
      'plie.positive_exits.by_partner',
      'plie.funding',
    ])
    const inReport = annualReportSections().flatMap((s) => s.items.map((i) => i.indicator))
    for (const id of plie) expect(inReport).toContain(id)
  })

  it('gives the PLIE chapter in the JSON, the spreadsheet and the PDF', async () => {
    const director = await t.as('director')
    const year = 'from=2009-01-01&to=2009-12-31'
    const json = (await director.get(`/api/reports/annual?${year}`)).json() as AnnualReport
    expect(json.indicators['plie.flow'].value).toBe(5)
    expect(json.sections.map((s) => s.key)).toEqual(expect.arrayContaining(['plie_flow', 'plie_funding']))
    const xlsx = await director.get(`/api/reports/annual?${year}&format=xlsx`)
    expect(xlsx.statusCode).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(['PLIE en chiffres', 'PLIE entrées', 'PLIE sorties positives', 'PLIE financements']),
    )
    const pdf = await director.get(`/api/reports/annual?${year}&format=pdf`)
    expect(pdf.statusCode).toBe(200)
    expect(pdf.rawPayload.toString('latin1').startsWith('%PDF')).toBe(true)
  })
})
