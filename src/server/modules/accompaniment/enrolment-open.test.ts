import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildEnrolmentRow, buildPersonRow } from '../../test/accompaniment.builders.ts'
import { createTestContext, TestClient, type TestContext } from '../../test/test-app.ts'

// One definition of an open enrolment (enrolment-open.ts) for who sees a file and for the caseload: a programme referent
// on another site finds the person in their caseload exactly on the days they may open the file, from the entry day to
// the exit day included. The clock starts on 2026-03-02 (Paris).
let t: TestContext
let referent: TestClient
let person: { id: string }
const identity = { last_name: 'Vasseur', first_name: 'Inès', birth_date: '1988-05-14' }

/** Moves the clock to that day (Paris) and signs the referent in again (the session has lapsed meanwhile). */
const on = async (day: string) => {
  t.clock.current = new Date(`${day}T10:00:00Z`)
  const { email, password } = referent.user!
  const client = await TestClient.create(t.app)
  expect((await client.post('/api/auth/sign-in', { email, password })).statusCode).toBe(200)
  client.user = referent.user
  referent = client
}
const inCaseload = async () =>
  ((await referent.get('/api/caseload')).json().items as { personId: string }[]).some((r) => r.personId === person.id)
const fileStatus = async () => (await referent.get(`/api/persons/${person.id}`)).statusCode
const duplicateId = async () => {
  const res = await referent.post('/api/persons/duplicates', {
    lastName: identity.last_name,
    firstName: identity.first_name,
    birthDate: identity.birth_date,
  })
  expect(res.statusCode).toBe(200)
  return (res.json() as { id: string | null }[])[0]?.id
}

beforeAll(async () => {
  t = await createTestContext()
  // the PLIE referent works on site B; the person's file belongs to site A and has no referent of their own
  referent = await t.as('counsellor', { siteIds: [t.fx.sites.b], programmeIds: [t.fx.programmes.plie] })
  person = await buildPersonRow(t.db, t.fx, { ...identity, site_id: t.fx.sites.a })
  await buildEnrolmentRow(t.db, t.fx, person.id, {
    programme_id: t.fx.programmes.plie,
    entry_date: '2026-01-05',
    exit_date: '2026-03-20',
    referent_id: referent.user!.id,
  })
})
afterAll(() => t.close())

describe('an enrolment whose exit date is in the future', () => {
  it('before the exit: the person is in the caseload and the file opens', async () => {
    await on('2026-03-02')
    expect(await inCaseload()).toBe(true)
    expect(await fileStatus()).toBe(200)
    const enrolments = (await referent.get(`/api/persons/${person.id}/enrolments`)).json()
    expect(enrolments.map((e: { open: boolean }) => e.open)).toEqual([true])
    expect(await duplicateId()).toBe(person.id)
  })

  it('on the exit day itself: still both (the exit day is the last day in the programme)', async () => {
    await on('2026-03-20')
    expect(await inCaseload()).toBe(true)
    expect(await fileStatus()).toBe(200)
  })

  it('the day after the exit: neither, and the duplicates check answers without the id', async () => {
    await on('2026-03-21')
    expect(await inCaseload()).toBe(false)
    expect(await fileStatus()).toBe(404)
    expect(await duplicateId()).toBeNull()
  })
})

describe('an enrolment that starts in the future', () => {
  let later: { id: string }
  beforeAll(async () => {
    later = await buildPersonRow(t.db, t.fx, { last_name: 'Lemaire', site_id: t.fx.sites.a })
    await buildEnrolmentRow(t.db, t.fx, later.id, {
      programme_id: t.fx.programmes.plie,
      entry_date: '2026-04-01',
      referent_id: referent.user!.id,
    })
  })
  const listed = async () =>
    ((await referent.get('/api/caseload')).json().items as { personId: string }[]).some((r) => r.personId === later.id)

  it('is not open before its entry day: neither in the caseload nor the file', async () => {
    await on('2026-03-31')
    expect(await listed()).toBe(false)
    expect((await referent.get(`/api/persons/${later.id}`)).statusCode).toBe(404)
  })

  it('is open from its entry day: both', async () => {
    await on('2026-04-01')
    expect(await listed()).toBe(true)
    expect((await referent.get(`/api/persons/${later.id}`)).statusCode).toBe(200)
  })
})
