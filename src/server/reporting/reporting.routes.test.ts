import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AnnualReport, IndicatorComparison } from '../../shared/reporting/reporting.schema.ts'
import { buildStructure } from '../test/builders.ts'
import { buildScheme, buildYouth } from '../test/reporting.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../test/test-app.ts'

// The reporting API: catalogue, one indicator over periods, the annual report in its three formats, who may see what.
let t: TestContext
let director: TestClient
const year = 'from=2009-01-01&to=2009-12-31'

beforeAll(async () => {
  t = await createTestContext()
  director = await t.as('director')
  const civis = await buildScheme(t.db, t.fx, 'CIVIS')
  // site A: 12 young people in contact in 2009 (3 of them men), 1 in 2008, 2 in 2007; site B: 2 in 2009
  for (let i = 0; i < 12; i++)
    await buildYouth(t.db, t.fx, {
      sex: i < 3 ? 'M' : 'F',
      events: ['2009-04-01'],
      attributes: { education_level: 'V' },
      enrolments: i < 6 ? [{ programmeId: civis, entry: '2009-03-01', reinforced: i < 3 }] : [],
    })
  await buildYouth(t.db, t.fx, { events: ['2008-04-01'] })
  await buildYouth(t.db, t.fx, { events: ['2007-04-01', '2007-05-01'] })
  await buildYouth(t.db, t.fx, { events: ['2007-04-01'] })
  for (let i = 0; i < 2; i++) await buildYouth(t.db, t.fx, { siteId: t.fx.sites.b, events: ['2009-04-01'] })
})
afterAll(() => t.close())

describe('GET /api/indicators', () => {
  it('lists the catalogue with French definitions', async () => {
    const res = await director.get('/api/indicators')
    expect(res.statusCode).toBe(200)
    const ids = res.json().map((i: { id: string }) => i.id)
    expect(ids).toEqual(expect.arrayContaining(['ml.youth_in_contact', 'ml.civis', 'org.into_employment']))
    const civis = res.json().find((i: { id: string }) => i.id === 'ml.civis')
    expect(civis.definition).toContain('CIVIS')
    expect(civis.objectiveKeys).toEqual([{ key: 'entries', label: 'Entrées en CIVIS' }])
  })
})

describe('GET /api/indicators/:id', () => {
  it('gives the period and, with compare=3, the two previous ones, oldest first', async () => {
    const res = await director.get(`/api/indicators/ml.youth_in_contact?${year}&compare=3`)
    expect(res.statusCode).toBe(200)
    const body = res.json() as IndicatorComparison
    expect(body.results.map((r) => [r.period.from, r.value])).toEqual([
      ['2007-01-01', 2],
      ['2008-01-01', 1],
      ['2009-01-01', 14],
    ])
  })

  it('restricts to a site and splits by sex', async () => {
    const res = await director.get(`/api/indicators/ml.youth_in_contact?${year}&siteId=${t.fx.sites.a}&bySex=true`)
    const [r] = (res.json() as IndicatorComparison).results
    expect([r.value, r.bySex?.F.value, r.bySex?.M.value]).toEqual([12, 9, 3])
  })

  it('hides small counts when asked for a published output, not otherwise', async () => {
    const internal = (await director.get(`/api/indicators/ml.youth_in_contact?${year}`)).json() as IndicatorComparison
    const sex = internal.results[0].tables.find((x) => x.key === 'bySex')!
    expect(sex.rows.find((r) => r.key === 'M')?.values[0]).toBe(3)
    const published = (await director.get(`/api/indicators/ml.youth_in_contact?${year}&public=true`)).json()
    const psex = (published as IndicatorComparison).results[0].tables.find((x) => x.key === 'bySex')!
    expect(psex.rows.find((r) => r.key === 'M')).toMatchObject({ values: [null, null], hidden: [0, 1] })
    expect(psex.rows.find((r) => r.key === 'F')?.values[0]).toBeNull()
    expect(psex.rows.find((r) => r.key === 'total')?.values[0]).toBe(14)
  })

  it('answers 404 for an unknown indicator and 400 for a reversed period', async () => {
    expect((await director.get(`/api/indicators/ml.nothing?${year}`)).statusCode).toBe(404)
    expect((await director.get('/api/indicators/ml.civis?from=2009-12-31&to=2009-01-01')).statusCode).toBe(400)
  })

  it('keeps a counsellor to their own sites and refuses another site; refuses reception', async () => {
    const counsellor = await t.as('counsellor', { siteIds: [t.fx.sites.a] })
    const own = (await counsellor.get(`/api/indicators/ml.youth_in_contact?${year}`)).json() as IndicatorComparison
    expect(own.results[0].value).toBe(12)
    expect(
      (await counsellor.get(`/api/indicators/ml.youth_in_contact?${year}&siteId=${t.fx.sites.b}`)).statusCode,
    ).toBe(403)
    const reception = await t.as('reception')
    expect((await reception.get(`/api/indicators/ml.youth_in_contact?${year}`)).statusCode).toBe(403)
    expect((await reception.get(`/api/reports/annual?${year}`)).statusCode).toBe(403)
  })
})

describe('GET /api/reports/annual', () => {
  it('gives the JSON report keyed by indicator id, internal by default', async () => {
    const res = await director.get(`/api/reports/annual?${year}`)
    expect(res.statusCode).toBe(200)
    const report = res.json() as AnnualReport
    expect(report.published).toBe(false)
    expect(report.indicators['ml.youth_in_contact'].value).toBe(14)
    expect(report.indicators['ml.civis'].figures.find((f) => f.key === 'entries')?.value).toBe(6)
    expect(report.sections.map((s) => s.key)).toContain('civis')
  })

  it('gives a spreadsheet that opens, one sheet per section, the counts as numbers and the secret mark', async () => {
    const res = await director.get(`/api/reports/annual?${year}&format=xlsx`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('spreadsheetml')
    expect(res.headers['content-disposition']).toContain('.xlsx')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
    const names = wb.worksheets.map((w) => w.name)
    expect(names[0]).toBe('Rapport')
    expect(names).toContain('CIVIS')
    const sheet = wb.getWorksheet('Jeunes en contact')!
    const values: unknown[] = []
    sheet.eachRow((row) => {
      values.push(...(row.values as unknown[]))
    })
    expect(values).toContain(14)
    expect(values).toContain('s')
    expect(values.some((v) => typeof v === 'string' && v.startsWith('Définition : '))).toBe(true)
  })

  it('gives a PDF with pages', async () => {
    const res = await director.get(`/api/reports/annual?${year}&format=pdf`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/pdf')
    const pdf = res.rawPayload.toString('latin1')
    expect(pdf.startsWith('%PDF')).toBe(true)
    expect((pdf.match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThan(5)
  })
})

describe('objectives', () => {
  it('lets an admin set an objective that every report then shows with result, gap and rate', async () => {
    const admin = await t.as('admin')
    const agreement = await admin.post('/api/agreements', {
      name: 'Convention CIVIS 2009',
      funder: 'État (DIRECCTE)',
      periodStart: '2009-01-01',
      periodEnd: '2009-12-31',
    })
    expect(agreement.statusCode).toBe(201)
    const objective = await admin.post('/api/objectives', {
      agreementId: agreement.json().id,
      indicatorId: 'ml.civis',
      subKey: 'entries',
      year: 2009,
      target: 8,
    })
    expect(objective.statusCode).toBe(201)
    const res = await director.get(`/api/indicators/ml.civis?${year}`)
    expect((res.json() as IndicatorComparison).results[0].objectives).toEqual([
      expect.objectContaining({ target: 8, result: 6, gap: -2, rate: 75, prorated: false, funder: 'État (DIRECCTE)' }),
    ])
    const half = await director.get('/api/indicators/ml.civis?from=2009-01-01&to=2009-06-30')
    expect((half.json() as IndicatorComparison).results[0].objectives[0]).toMatchObject({ target: 4, prorated: true })
    // the director reads objectives, cannot change them; a counsellor does not see them
    expect((await director.get('/api/objectives?year=2009')).json()).toHaveLength(1)
    const put = `/api/objectives/${objective.json().id}`
    expect((await director.put(put, { target: 9, version: 1 })).statusCode).toBe(403)
    expect((await (await t.as('counsellor')).get('/api/objectives')).statusCode).toBe(403)
    // optimistic locking
    expect((await admin.put(put, { target: 9, version: 1 })).statusCode).toBe(200)
    expect((await admin.put(put, { target: 10, version: 1 })).statusCode).toBe(409)
    // an objective names an indicator and a figure it declares, once per agreement and year
    const bad = { agreementId: agreement.json().id, year: 2009, target: 1 }
    expect((await admin.post('/api/objectives', { ...bad, indicatorId: 'ml.nothing' })).statusCode).toBe(400)
    expect((await admin.post('/api/objectives', { ...bad, indicatorId: 'ml.civis', subKey: 'x' })).statusCode).toBe(400)
    expect(
      (await admin.post('/api/objectives', { ...bad, indicatorId: 'ml.civis', subKey: 'entries' })).statusCode,
    ).toBe(409)
    // a year outside the agreement's period: 400 on the year
    const outside = await admin.post('/api/objectives', {
      ...bad,
      year: 2011,
      indicatorId: 'ml.civis',
      subKey: 'entries',
    })
    expect(outside.statusCode).toBe(400)
    expect(outside.json().fields.map((f: { field: string }) => f.field)).toEqual(['year'])
  })

  it('deletes an objective, then an agreement with its objectives (204), and says 404 once gone or elsewhere', async () => {
    const admin = await t.as('admin')
    const agreement = (
      await admin.post('/api/agreements', {
        name: 'Convention à supprimer',
        funder: 'Région',
        periodStart: '2010-01-01',
        periodEnd: '2010-12-31',
      })
    ).json()
    const objective = { agreementId: agreement.id, indicatorId: 'ml.civis', subKey: 'entries', target: 5 }
    const first = (await admin.post('/api/objectives', { ...objective, year: 2010 })).json()
    const second = (await admin.post('/api/objectives', { ...objective, year: 2011 })).json()
    // another structure's agreement and objective are not found (and stay)
    const other = await buildStructure(t.db)
    const foreign = await t.db.kysely
      .insertInto('funder_agreement')
      .values({
        structure_id: other.structureId,
        name: 'Ailleurs',
        funder: 'État',
        period_start: '2010-01-01',
        period_end: '2010-12-31',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const foreignObjective = await t.db.kysely
      .insertInto('objective')
      .values({
        structure_id: other.structureId,
        agreement_id: foreign.id,
        indicator_id: 'ml.civis',
        sub_key: 'entries',
        year: 2010,
        target: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    expect((await admin.delete(`/api/objectives/${foreignObjective.id}`)).statusCode).toBe(404)
    expect((await admin.delete(`/api/agreements/${foreign.id}`)).statusCode).toBe(404)
    expect((await director.delete(`/api/objectives/${first.id}`)).statusCode).toBe(403)

    const deleted = await admin.delete(`/api/objectives/${first.id}`)
    expect(deleted.statusCode, deleted.body).toBe(204)
    expect((await admin.delete(`/api/objectives/${first.id}`)).statusCode).toBe(404)
    const gone = await admin.delete(`/api/agreements/${agreement.id}`)
    expect(gone.statusCode, gone.body).toBe(204)
    expect((await admin.delete(`/api/agreements/${agreement.id}`)).statusCode).toBe(404)
    const left = (await admin.get(`/api/objectives?agreementId=${agreement.id}`)).json() as { id: string }[]
    expect(left.map((o) => o.id)).not.toContain(second.id)
    expect(left).toEqual([])
  })
})
