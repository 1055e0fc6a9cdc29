import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CrossResult } from '../../shared/reporting/cross.schema.ts'
import { buildEnrolmentRow, buildEventRow } from '../test/accompaniment.builders.ts'
import { buildPerson } from '../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../test/test-app.ts'

// Two breakdowns of an indicator crossed (level × site of the young people in contact), and the persons behind a cell:
// for those who may open files, within the files they may see; the statistician gets the figures only.
let t: TestContext
let counsellor: TestClient
let director: TestClient
const period = 'from=2026-01-01&to=2026-02-28'
const CROSS = `/api/indicators/ml.youth_in_contact/cross?${period}&rows=level&columns=site`
const PERSONS = `/api/indicators/ml.youth_in_contact/cross/persons?${period}&rows=level&columns=site`

beforeAll(async () => {
  t = await createTestContext()
  counsellor = await t.as('counsellor') // site A
  director = await t.as('director')
  const young = async (
    lastName: string,
    siteId: string,
    level: string | null,
    contact: boolean,
    birthDate = '2004-06-01',
  ) => {
    const p = await buildPerson(t.db, t.fx, {
      lastName,
      siteId,
      birthDate,
      attributes: level ? [{ attribute: 'education_level', value: level, validFrom: '2025-01-01' }] : [],
    })
    await buildEnrolmentRow(t.db, t.fx, p.id, { programme_id: t.fx.programmes.ml, entry_date: '2025-01-01' })
    if (contact) await buildEventRow(t.db, t.fx, p.id, { date: '2026-01-10' })
  }
  await young('Alpha', t.fx.sites.a, 'V', true, '2000-04-01')
  await young('Bravo', t.fx.sites.a, '3', true) // 2019 level 3: level V
  await young('Charlie', t.fx.sites.a, null, true)
  await young('Delta', t.fx.sites.b, 'IV', true)
  await young('Echo', t.fx.sites.a, 'V', false) // no contact in the period
})
afterAll(() => t.close())

const cross = async (client: TestClient, url = CROSS) => {
  const res = await client.get(url)
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as CrossResult
}
const cellOf = (r: CrossResult, row: string, column: string) =>
  r.cells[r.rows.findIndex((l) => l.key === row)]?.[r.columns.findIndex((l) => l.key === column)]
const persons = async (client: TestClient, query: string) => {
  const res = await client.get(`${PERSONS}&${query}`)
  expect(res.statusCode, res.body).toBe(200)
  return (res.json().items as { lastName: string }[]).map((p) => p.lastName)
}

describe('cross of two breakdowns', () => {
  it('lists the crossable indicators and their breakdowns, never resources', async () => {
    const list = (await counsellor.get('/api/indicators/cross')).json() as {
      indicatorId: string
      dimensions: { key: string }[]
    }[]
    const contact = list.find((i) => i.indicatorId === 'ml.youth_in_contact')!
    expect(contact.dimensions.map((d) => d.key)).toEqual(expect.arrayContaining(['level', 'site', 'band', 'sex']))
    expect(list.flatMap((i) => i.dimensions.map((d) => d.key))).not.toContain('resources')
  })

  it('counts persons per level and site (2019 levels grouped as the report does), for the director', async () => {
    const r = await cross(director)
    expect(r.rows.map((l) => l.label)).toEqual([
      'Niveau III et +',
      'Niveau IV',
      'Niveau V',
      'Niveau Vbis',
      'Niveau VI',
      'Non renseigné',
    ])
    expect(r.columns.map((c) => c.label)).toEqual(['Site A', 'Site B'])
    expect(cellOf(r, 'V', t.fx.sites.a)).toBe(2)
    expect(cellOf(r, 'unknown', t.fx.sites.a)).toBe(1)
    expect(cellOf(r, 'IV', t.fx.sites.b)).toBe(1)
    expect(r.total).toBe(4)
    expect(r.columnTotals).toEqual([3, 1])
    expect(r.canOpenPersons).toBe(true)
  })

  it('restricts a counsellor to their sites and refuses another site', async () => {
    const r = await cross(counsellor)
    expect(r.total).toBe(3)
    expect(r.columns.map((c) => c.label)).toEqual(['Site A'])
    expect((await counsellor.get(`${CROSS}&siteId=${t.fx.sites.b}`)).statusCode).toBe(403)
  })

  it('opens the persons behind a cell, a row total, a column total', async () => {
    expect(await persons(counsellor, `row=V&column=${t.fx.sites.a}`)).toEqual(['Alpha', 'Bravo'])
    expect(await persons(director, 'row=V')).toEqual(['Alpha', 'Bravo'])
    expect(await persons(director, `column=${t.fx.sites.b}`)).toEqual(['Delta'])
    expect(await persons(counsellor, `column=${t.fx.sites.b}`)).toEqual([])
    expect(await persons(director, 'row=V&ageOutBefore=2026-04-01')).toEqual(['Alpha'])
    expect((await counsellor.get(`${PERSONS}&row=IV&siteId=${t.fx.sites.b}`)).statusCode).toBe(403)
  })

  it('gives the statistician the figures, never the persons', async () => {
    const statistician = await t.as('statistician')
    expect((await cross(statistician)).canOpenPersons).toBe(false)
    expect((await statistician.get(`${PERSONS}&row=V`)).statusCode).toBe(403)
    expect(
      (
        await statistician.get(
          `/api/indicators/ml.youth_in_contact/cross/persons/export?${period}&rows=level&columns=site&format=csv`,
        )
      ).statusCode,
    ).toBe(403)
    expect((await (await t.as('reception')).get(CROSS)).statusCode).toBe(403)
  })

  it('refuses an unknown breakdown, the same one twice, an indicator that does not cross', async () => {
    const unknown = await director.get(
      `/api/indicators/ml.youth_in_contact/cross?${period}&rows=resources&columns=site`,
    )
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().fields[0].field).toBe('rows')
    const same = await director.get(`/api/indicators/ml.youth_in_contact/cross?${period}&rows=site&columns=site`)
    expect(same.statusCode).toBe(400)
    expect(same.json().fields[0].field).toBe('columns')
    const none = await director.get(`/api/indicators/ml.propositions/cross?${period}&rows=level&columns=site`)
    expect(none.statusCode).toBe(400)
    expect((await director.get(`/api/indicators/nope/cross?${period}&rows=level&columns=site`)).statusCode).toBe(404)
  })

  it('exports the persons of a cell, audited with the cell', async () => {
    const res = await director.get(
      `/api/indicators/ml.youth_in_contact/cross/persons/export?${period}&rows=level&columns=site&row=V&format=xlsx`,
    )
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="personnes_ml.youth_in_contact_2026-03-02.xlsx"',
    )
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select(['detail'])
      .where('action', '=', 'list.export')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow()
    expect(audit.detail).toMatchObject({
      list: 'indicator-cell',
      rows: 2,
      format: 'xlsx',
      filters: { indicator: 'ml.youth_in_contact', rows: 'level', columns: 'site', row: 'V' },
    })
  })
})
