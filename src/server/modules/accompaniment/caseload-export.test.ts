import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseloadRow } from '../../../shared/accompaniment/caseload.schema.ts'
import { buildEnrolmentRow, buildPersonRow, buildSchemeProgramme } from '../../test/accompaniment.builders.ts'
import { buildUser } from '../../test/builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

// The caseload's filters (programme, site, turning 26, end of CEJ) and its export as CSV and XLSX, audited, in the
// caseload's own scope. The clock says 2026-03-02.
let t: TestContext
let me: TestClient
let cej: string
const ids: Record<string, string> = {}

beforeAll(async () => {
  t = await createTestContext()
  me = await t.as('counsellor')
  const myId = me.user!.id
  const colleague = (await buildUser(t.db, t.fx, { role: 'counsellor', siteIds: [t.fx.sites.b] })).id
  cej = await buildSchemeProgramme(t.db, t.fx, 'CEJ')
  const person = async (name: string, opts: Parameters<typeof buildPersonRow>[2] = {}) => {
    ids[name] = (await buildPersonRow(t.db, t.fx, { last_name: name, referent_id: myId, ...opts })).id
    return ids[name]
  }
  // turns 26 on 10/05/2026
  const ageing = await person('Aine', { birth_date: '2000-05-10' })
  await buildEnrolmentRow(t.db, t.fx, ageing, { programme_id: t.fx.programmes.ml, entry_date: '2025-06-01' })
  // a CEJ entered 01/06/2025: planned end 31/05/2026; an ended CEJ does not count
  const young = await person('Bernard', { birth_date: '2006-01-01' })
  await buildEnrolmentRow(t.db, t.fx, young, { programme_id: cej, entry_date: '2025-06-01' })
  const ended = await person('Cadet', { birth_date: '2006-02-01' })
  await buildEnrolmentRow(t.db, t.fx, ended, { programme_id: cej, entry_date: '2024-01-01', exit_date: '2025-01-01' })
  // mine, on site B
  await person('Dubois', { birth_date: '2004-04-04', site_id: t.fx.sites.b })
  // a colleague's person on site B: never in my caseload nor in its export
  await person('Etranger', { birth_date: '2000-01-01', site_id: t.fx.sites.b, referent_id: colleague })
})
afterAll(() => t.close())

const names = async (client: TestClient, query: string) => {
  const res = await client.get(`/api/caseload?${query}`)
  expect(res.statusCode, res.body).toBe(200)
  return (res.json().items as CaseloadRow[]).map((r) => r.lastName)
}

describe('caseload filters', () => {
  it('filters by programme, site, age-out date and end of CEJ', async () => {
    expect(await names(me, '')).toEqual(['Aine', 'Bernard', 'Cadet', 'Dubois'])
    expect(await names(me, `programmeId=${cej}`)).toEqual(['Bernard'])
    expect(await names(me, `siteId=${t.fx.sites.b}`)).toEqual(['Dubois'])
    expect(await names(me, 'ageOutBefore=2026-05-10')).toEqual(['Aine'])
    expect(await names(me, 'ageOutBefore=2026-05-09')).toEqual([])
    expect(await names(me, 'cejEndBefore=2026-05-31')).toEqual(['Bernard'])
    expect(await names(me, 'cejEndBefore=2026-05-30')).toEqual([])
    expect(await names(me, `cejEndBefore=2026-12-31&programmeId=${t.fx.programmes.ml}`)).toEqual([])
  })

  it('gives each row its 26th birthday and the planned end of its CEJ', async () => {
    const res = await me.get('/api/caseload')
    const rows = res.json().items as CaseloadRow[]
    const by = (n: string) => rows.find((r) => r.lastName === n)!
    expect(by('Aine')).toMatchObject({ ageOutDate: '2026-05-10', cejPlannedEnd: null })
    expect(by('Bernard')).toMatchObject({ ageOutDate: '2032-01-01', cejPlannedEnd: '2026-05-31' })
    expect(by('Cadet').cejPlannedEnd).toBeNull()
  })

  it('refuses a malformed filter with the field named', async () => {
    const res = await me.get('/api/caseload?ageOutBefore=2026-02-30&programmeId=x')
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toContain('application/problem+json')
    const fields = (res.json().fields as { field: string }[]).map((f) => f.field)
    expect(fields).toEqual(expect.arrayContaining(['ageOutBefore', 'programmeId']))
  })
})

describe('caseload export', () => {
  it('writes a CSV for French Excel: BOM, semicolons, dd/mm/yyyy; and audits it', async () => {
    const res = await me.get(`/api/caseload/export?format=csv&siteId=${t.fx.sites.a}`)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(res.headers['content-disposition']).toBe('attachment; filename="portefeuille_2026-03-02.csv"')
    const body = res.rawPayload
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = body.subarray(3).toString('utf8').trimEnd().split('\r\n')
    expect(lines[0]).toBe(
      'Nom;Prénom;Date de naissance;Âge;Site;Dernier contact;Jours sans contact;Prochain rendez-vous;' +
        'Situations en cours;Programmes;26 ans le;Fin prévue du CEJ;Alerte de contact',
    )
    expect(lines).toHaveLength(4) // header, Aine, Bernard, Cadet (Dubois is on site B)
    expect(lines[2]).toMatch(/^Bernard;/)
    expect(lines[2]).toContain(';01/01/2006;20;Site A;')
    expect(lines[2]).toContain(';CEJ;01/01/2032;31/05/2026;')
    expect(lines.join('\n')).not.toContain('Etranger')

    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select(['action', 'entity', 'detail', 'actor_id'])
      .where('action', '=', 'list.export')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow()
    expect(audit).toMatchObject({ entity: 'list', actor_id: me.user!.id })
    expect(audit.detail).toMatchObject({
      list: 'caseload',
      format: 'csv',
      rows: 3,
      filters: { siteId: t.fx.sites.a, counsellorId: me.user!.id },
    })
  })

  it('writes the same list as a workbook with real dates', async () => {
    const res = await me.get('/api/caseload/export?format=xlsx&ageOutBefore=2026-12-31')
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]!
    expect(ws.rowCount).toBe(2)
    expect(ws.getCell('A1').value).toBe('Nom')
    expect(ws.getCell('A2').value).toBe('Aine')
    const born = ws.getCell('C2')
    expect(born.value).toEqual(new Date('2000-05-10T00:00:00Z'))
    expect(born.numFmt).toBe('dd/mm/yyyy')
    expect(ws.getCell('D2').value).toBe(25)
  })

  it('refuses the roles that may not export the caseload, and a bad format', async () => {
    for (const role of ['reception', 'statistician', 'admin'] as const) {
      const other = await t.as(role)
      expect((await other.get('/api/caseload/export?format=csv')).statusCode, role).toBe(403)
    }
    const bad = await me.get('/api/caseload/export?format=pdf')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().fields[0].field).toBe('format')
  })

  it('lets a director export a counsellor’s caseload, not another structure’s user', async () => {
    const director = await t.as('director')
    const res = await director.get(`/api/caseload/export?format=csv&counsellorId=${me.user!.id}`)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.rawPayload.toString('utf8').trimEnd().split('\r\n')).toHaveLength(5)
    const counsellor = await t.as('counsellor')
    expect((await counsellor.get(`/api/caseload/export?format=csv&counsellorId=${me.user!.id}`)).statusCode).toBe(403)
  })
})

describe('end of CEJ recorded', () => {
  it('takes the planned end the counsellor recorded (an extension) instead of the computed one', async () => {
    const url = `/api/persons/${ids.Bernard}/enrolments`
    const [enrolment] = (await me.get(url)).json()
    expect(enrolment).toMatchObject({ entryDate: '2025-06-01', plannedEndDate: null })
    const body = {
      programmeId: cej,
      entryDate: '2025-06-01',
      exitDate: null,
      exitReason: null,
      reinforced: false,
      version: enrolment.version,
    }
    // before the entry: refused, the field named
    const bad = await me.put(`${url}/${enrolment.id}`, { ...body, plannedEndDate: '2025-05-31' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().fields.map((f: { field: string }) => f.field)).toEqual(['plannedEndDate'])
    // extended by six months
    const res = await me.put(`${url}/${enrolment.id}`, { ...body, plannedEndDate: '2026-11-30' })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().plannedEndDate).toBe('2026-11-30')
    expect(await names(me, 'cejEndBefore=2026-05-31')).toEqual([])
    expect(await names(me, 'cejEndBefore=2026-11-30')).toEqual(['Bernard'])
    const rows = (await me.get('/api/caseload')).json().items as CaseloadRow[]
    expect(rows.find((r) => r.lastName === 'Bernard')!.cejPlannedEnd).toBe('2026-11-30')
    // no longer recorded: computed again
    const back = await me.put(`${url}/${enrolment.id}`, { ...body, version: res.json().version, plannedEndDate: null })
    expect(back.statusCode, back.body).toBe(200)
    expect(await names(me, 'cejEndBefore=2026-05-31')).toEqual(['Bernard'])
  })
})
