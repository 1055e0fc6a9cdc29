import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseloadRow } from '../../../shared/accompaniment/caseload.schema.ts'
import {
  buildEnrolmentRow,
  buildEventRow,
  buildPersonRow,
  buildSituationRow,
  setContactRule,
} from '../../test/accompaniment.builders.ts'
import { buildUser } from '../../test/builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

// The clock says 2026-03-02 (Paris). ML: 90 days without contact; PLIE: 30 days, 90 while a step is under way.
let t: TestContext
let me: TestClient
const ids: Record<string, string> = {}
const DAY = 86_400_000

beforeAll(async () => {
  t = await createTestContext()
  me = await t.as('counsellor')
  const myId = me.user!.id
  const colleague = (await buildUser(t.db, t.fx, { role: 'counsellor' })).id
  const { ml, plie } = t.fx.programmes
  await setContactRule(t.db, ml, 90, null)
  await setContactRule(t.db, plie, 30, 90)
  const person = async (name: string, opts: Parameters<typeof buildPersonRow>[2] = {}) => {
    ids[name] = (await buildPersonRow(t.db, t.fx, { last_name: name, referent_id: myId, ...opts })).id
    return ids[name]
  }

  // exactly 90 days since the last contact: not yet
  const alpha = await person('Alpha', { birth_date: '2004-03-03' })
  await buildEnrolmentRow(t.db, t.fx, alpha, { programme_id: ml, entry_date: '2025-06-01' })
  await buildEventRow(t.db, t.fx, alpha, { date: '2025-12-02' })
  await buildEventRow(t.db, t.fx, alpha, { date: '2026-02-01', attendance: 'absent' })
  await buildEventRow(t.db, t.fx, alpha, { date: '2026-03-20', kind: 'workshop', attendance: null })
  await buildEventRow(t.db, t.fx, alpha, { date: '2026-03-10', kind: 'phone', attendance: null })
  // 91 days: alert
  const bravo = await person('Bravo')
  await buildEnrolmentRow(t.db, t.fx, bravo, { programme_id: ml, entry_date: '2025-06-01' })
  await buildEventRow(t.db, t.fx, bravo, { date: '2025-12-01', attendance: 'excused' })
  await buildEventRow(t.db, t.fx, bravo, { date: '2025-12-01', kind: 'mail', attendance: null })
  // in my caseload through the PLIE enrolment I am referent of; 30 days: not yet
  const charlie = await person('Charlie', { referent_id: colleague })
  await buildEnrolmentRow(t.db, t.fx, charlie, { programme_id: plie, entry_date: '2025-09-01', referent_id: myId })
  await buildEventRow(t.db, t.fx, charlie, { date: '2026-01-31' })
  // ML and PLIE: the strictest rule (30 days) applies; 31 days: alert
  const delta = await person('Delta')
  await buildEnrolmentRow(t.db, t.fx, delta, { programme_id: ml, entry_date: '2025-06-01' })
  await buildEnrolmentRow(t.db, t.fx, delta, { programme_id: plie, entry_date: '2025-06-01' })
  await buildEventRow(t.db, t.fx, delta, { date: '2026-01-30' })
  // PLIE during a step (an open CDD): 90 days; 60 days: no alert
  const echo = await person('Echo')
  await buildEnrolmentRow(t.db, t.fx, echo, { programme_id: plie, entry_date: '2025-06-01' })
  await buildSituationRow(t.db, t.fx, echo, { kind: 'cdd', start_date: '2026-01-01' })
  await buildEventRow(t.db, t.fx, echo, { date: '2026-01-01' })
  // the same, but the step is over: 30 days again, alert
  const foxtrot = await person('Foxtrot')
  await buildEnrolmentRow(t.db, t.fx, foxtrot, { programme_id: plie, entry_date: '2025-06-01' })
  await buildSituationRow(t.db, t.fx, foxtrot, { kind: 'interim', start_date: '2026-01-01', end_date: '2026-02-15' })
  await buildEventRow(t.db, t.fx, foxtrot, { date: '2026-01-01' })
  // never met since the first reception, 152 days ago: alert, with no last contact
  await person('Golf', { first_reception_date: '2025-10-01' })
  // not mine: another counsellor's person, and a PLIE enrolment of mine that has ended
  await person('Hotel', { referent_id: colleague })
  const india = await person('India', { referent_id: colleague })
  await buildEnrolmentRow(t.db, t.fx, india, {
    programme_id: plie,
    entry_date: '2025-01-01',
    exit_date: '2026-01-01',
    referent_id: myId,
  })
})
afterAll(() => t.close())

const rows = async (client: TestClient, query = '') => {
  const res = await client.get(`/api/caseload${query}`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as { items: CaseloadRow[]; total: number; alerts: number; today: string; counsellorId: string }
}
const byName = (items: CaseloadRow[]) => Object.fromEntries(items.map((r) => [r.lastName, r]))

describe('caseload', () => {
  it('lists the counsellor’s people with last contact, next event, open situations and enrolments', async () => {
    const page = await rows(me)
    expect(page.today).toBe('2026-03-02')
    expect(page.counsellorId).toBe(me.user!.id)
    expect(page.items.map((r) => r.lastName)).toEqual(['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf'])
    const r = byName(page.items)
    expect(r.Alpha).toMatchObject({
      age: 21,
      lastContactDate: '2025-12-02',
      daysSinceContact: 90,
      nextEvent: { date: '2026-03-10', kind: 'phone' },
      openEnrolments: [{ code: 'ML' }],
      contactDays: 90,
      alert: false,
    })
    // an absence is not a contact; an event whose attendance is not recorded is
    expect(r.Bravo).toMatchObject({ lastContactDate: '2025-12-01', daysSinceContact: 91, alert: true, nextEvent: null })
    expect(r.Charlie).toMatchObject({
      daysSinceContact: 30,
      contactDays: 30,
      alert: false,
      openEnrolments: [{ code: 'PLIE' }],
    })
    expect(r.Delta).toMatchObject({ daysSinceContact: 31, contactDays: 30, alert: true })
    expect(r.Delta!.openEnrolments.map((e) => e.code)).toEqual(['ML', 'PLIE'])
    expect(r.Echo).toMatchObject({
      daysSinceContact: 60,
      contactDays: 90,
      alert: false,
      openSituations: [{ kind: 'cdd', label: 'CDD' }],
    })
    expect(r.Foxtrot).toMatchObject({ daysSinceContact: 60, contactDays: 30, alert: true, openSituations: [] })
    expect(r.Golf).toMatchObject({ lastContactDate: null, daysSinceContact: null, contactDays: 90, alert: true })
    expect(page).toMatchObject({ total: 7, alerts: 4 })
  })

  it('moves across the threshold with the clock', async () => {
    t.clock.advance(DAY)
    try {
      // a day later the session has lapsed: a director signs in and looks at my caseload
      const director = await t.as('director')
      const r = byName((await rows(director, `?counsellorId=${me.user!.id}`)).items)
      expect(r.Alpha).toMatchObject({ daysSinceContact: 91, alert: true })
      expect(r.Charlie).toMatchObject({ daysSinceContact: 31, alert: true })
    } finally {
      t.clock.advance(-DAY)
    }
  })

  it('filters the alerts, sorts and pages', async () => {
    const alerts = await rows(me, '?alert=only')
    expect(alerts.items.map((r) => r.lastName)).toEqual(['Bravo', 'Delta', 'Foxtrot', 'Golf'])
    expect(alerts).toMatchObject({ total: 4, alerts: 4 })
    const oldest = await rows(me, '?sort=lastContact&order=asc')
    expect(oldest.items.map((r) => r.lastName)).toEqual([
      'Golf',
      'Bravo',
      'Alpha',
      'Echo',
      'Foxtrot',
      'Delta',
      'Charlie',
    ])
    const latest = await rows(me, '?sort=lastContact&order=desc&pageSize=2')
    expect(latest.items.map((r) => r.lastName)).toEqual(['Charlie', 'Delta'])
    const next = await rows(me, '?sort=nextEvent')
    expect(next.items[0]!.lastName).toBe('Alpha')
    const page2 = await rows(me, '?sort=name&order=desc&page=2&pageSize=3')
    expect(page2.items.map((r) => r.lastName)).toEqual(['Delta', 'Charlie', 'Bravo'])
    expect(page2.total).toBe(7)
  })

  it('lets a director look at a counsellor’s caseload, not a counsellor at a colleague’s', async () => {
    const director = await t.as('director')
    const seen = await rows(director, `?counsellorId=${me.user!.id}`)
    expect(seen.total).toBe(7)
    expect((await rows(director)).total).toBe(0)
    const colleague = await t.as('counsellor')
    expect((await colleague.get(`/api/caseload?counsellorId=${me.user!.id}`)).statusCode).toBe(403)
    const reception = await t.as('reception')
    expect((await reception.get('/api/caseload')).statusCode).toBe(403)
    const unknown = await director.get('/api/caseload?counsellorId=00000000-0000-4000-8000-000000000000')
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().fields[0].field).toBe('counsellorId')
  })
})

describe('caseload and file access', () => {
  it('every person of the caseload opens, including one followed through a programme on another site', async () => {
    const outside = await buildPersonRow(t.db, t.fx, {
      last_name: 'Horssite',
      site_id: t.fx.sites.b,
      referent_id: null,
    })
    await buildEnrolmentRow(t.db, t.fx, outside.id, {
      programme_id: t.fx.programmes.plie,
      entry_date: '2025-09-01',
      referent_id: me.user!.id,
    })
    const rows: CaseloadRow[] = (await me.get('/api/caseload?pageSize=200')).json().items
    expect(rows.some((r) => r.personId === outside.id)).toBe(true)
    for (const row of rows) expect((await me.get(`/api/persons/${row.personId}`)).statusCode).toBe(200)
  })
})
