import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildStructure } from '../../test/builders.ts'
import {
  buildEmployer,
  buildImmersion,
  buildImmersionProgramme,
  buildPlacement,
} from '../../test/employment.builders.ts'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'
import { agreementLines } from './immersion-agreement-pdf.ts'

// Work immersions (docs/employment/immersions.md), programmes apart (immersion-programmes.test.ts). The test clock says
// Monday 2026-03-02, 10:00 in Paris.

let t: TestContext
let counsellor: TestClient
let otherCounsellor: TestClient
let officer: TestClient
let director: TestClient
let reception: TestClient
let person: Awaited<ReturnType<typeof buildPerson>>
let personB: Awaited<ReturnType<typeof buildPerson>>
let employer: Awaited<ReturnType<typeof buildEmployer>>
let programme: Awaited<ReturnType<typeof buildImmersionProgramme>>

const url = '/api/employment/immersions'
const fieldsOf = (res: { json(): { fields?: { field: string }[] } }) => res.json().fields?.map((f) => f.field)
const agreement = (over: Record<string, unknown> = {}) => ({
  personId: person.id,
  employerId: employer.id,
  objective: 'confirm_project',
  jobTitle: 'Boulanger',
  romeCode: 'D1102',
  activities: 'Pétrissage, façonnage, cuisson',
  skillsObserved: null,
  place: 'Fournil, 3 rue du Port, Dunkerque',
  tutorName: 'Marc Fournier',
  tutorJobTitle: 'Chef boulanger',
  tutorPhone: '03 28 00 00 00',
  tutorEmail: 'marc@example.org',
  startsOn: '2026-02-16',
  endsOn: '2026-02-27',
  hoursPerWeek: 35,
  schedule: 'Du lundi au vendredi, 6 h – 13 h',
  programmeId: null,
  moduleNumber: null,
  poolId: null,
  ...over,
})

beforeAll(async () => {
  t = await createTestContext()
  counsellor = await t.as('counsellor')
  otherCounsellor = await t.as('counsellor', { siteIds: [t.fx.sites.b] })
  officer = await t.as('employment_officer')
  director = await t.as('director')
  reception = await t.as('reception')
  person = await buildPerson(t.db, t.fx, { firstName: 'Ines', lastName: 'Aubert' })
  personB = await buildPerson(t.db, t.fx, { siteId: t.fx.sites.b })
  employer = await buildEmployer(t.db, t.fx, { name: 'Boulangerie Martin' })
  programme = await buildImmersionProgramme(t.db, t.fx, { name: 'Immersions CIVIS' })
})
afterAll(() => t.close())

let updateBody: Record<string, unknown>
beforeAll(() => {
  const { personId: _p, ...rest } = agreement()
  updateBody = rest
})

describe('the agreement, its signature, the assessment and what followed', () => {
  it('runs the whole flow: draft → signed → assessed → done → contract linked to the hire', async () => {
    const created = await counsellor.post(url, agreement({ programmeId: programme.id, moduleNumber: 2 }))
    expect(created.statusCode, created.body).toBe(201)
    const i = created.json()
    expect(i).toMatchObject({
      status: 'draft',
      version: 1,
      person: { id: person.id, lastName: 'Aubert' },
      employer: { name: 'Boulangerie Martin' },
      programme: { id: programme.id, name: 'Immersions CIVIS' },
      moduleNumber: 2,
      moduleLabel: 'Module 2',
      hoursPerWeek: 35,
      prescriber: { id: counsellor.user!.id },
    })
    const edited = await counsellor.put(`${url}/${i.id}`, {
      ...updateBody,
      programmeId: programme.id,
      moduleNumber: 2,
      jobTitle: 'Boulanger-pâtissier',
      version: 1,
    })
    expect(edited.statusCode, edited.body).toBe(200)
    expect(edited.json()).toMatchObject({ jobTitle: 'Boulanger-pâtissier', version: 2 })
    // the counsellor does not sign; the officer does
    expect((await counsellor.post(`${url}/${i.id}/sign`, { signedOn: '2026-02-12', version: 2 })).statusCode).toBe(403)
    const signed = await officer.post(`${url}/${i.id}/sign`, { signedOn: '2026-02-12', version: 2 })
    expect(signed.statusCode, signed.body).toBe(200)
    expect(signed.json()).toMatchObject({ status: 'signed', signedOn: '2026-02-12', version: 3 })
    // a signed agreement is not rewritten
    const late = await counsellor.put(`${url}/${i.id}`, { ...updateBody, version: 3 })
    expect(late.statusCode).toBe(409)
    expect(fieldsOf(late)).toEqual(['status'])
    // done needs the assessment
    const early = await officer.post(`${url}/${i.id}/complete`, { version: 3 })
    expect(early.statusCode).toBe(409)
    expect(early.headers['content-type']).toContain('application/problem+json')
    expect(fieldsOf(early)).toEqual(['validated'])
    const assessed = await counsellor.post(`${url}/${i.id}/assessment`, {
      validated: true,
      assessment: 'Ponctuelle, gestes sûrs, projet confirmé.',
      skillsObserved: 'Façonnage, hygiène',
      version: 3,
    })
    expect(assessed.statusCode, assessed.body).toBe(200)
    expect(assessed.json()).toMatchObject({ validated: true, skillsObserved: 'Façonnage, hygiène', version: 4 })
    // the outcome comes once done
    expect((await counsellor.post(`${url}/${i.id}/outcome`, { outcome: 'training', version: 4 })).statusCode).toBe(409)
    const done = await officer.post(`${url}/${i.id}/complete`, { version: 4 })
    expect(done.statusCode, done.body).toBe(200)
    expect(done.json().status).toBe('done')
    // done is final: no cancel
    const cancel = await counsellor.post(`${url}/${i.id}/cancel`, { reason: null, version: 5 })
    expect(cancel.statusCode).toBe(409)
    expect(fieldsOf(cancel)).toEqual(['status'])
    // a contract links the person's hire, not another's
    const other = await buildPerson(t.db, t.fx)
    const otherHire = await buildPlacement(t.db, t.fx, other.id, employer.id)
    const wrong = await counsellor.post(`${url}/${i.id}/outcome`, {
      outcome: 'contract',
      placementId: otherHire.id,
      version: 5,
    })
    expect(wrong.statusCode).toBe(400)
    expect(fieldsOf(wrong)).toEqual(['placementId'])
    const hire = await buildPlacement(t.db, t.fx, person.id, employer.id, { startDate: '2026-03-02' })
    const outcome = await counsellor.post(`${url}/${i.id}/outcome`, {
      outcome: 'contract',
      placementId: hire.id,
      version: 5,
    })
    expect(outcome.statusCode, outcome.body).toBe(200)
    expect(outcome.json()).toMatchObject({ outcome: 'contract', placementId: hire.id, version: 6 })
    const audit = await t.db.kysely.selectFrom('audit_event').select('action').where('entity_id', '=', i.id).execute()
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'employment.immersion.create',
        'employment.immersion.sign',
        'employment.immersion.assess',
        'employment.immersion.complete',
        'employment.immersion.outcome',
      ]),
    )
  })

  it('the agreement PDF: a PDF naming the person and the host; 404 to another site’s counsellor, 403 to reception', async () => {
    const i = await buildImmersion(t.db, t.fx, person.id, employer.id, { startsOn: '2026-04-06', endsOn: '2026-04-17' })
    const pdf = await counsellor.get(`${url}/${i.id}/agreement.pdf`)
    expect(pdf.statusCode, pdf.body).toBe(200)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    // the document's title, in its information dictionary, names both
    expect(pdf.rawPayload.toString('latin1')).toContain('Convention PMSMP - Ines Aubert - Boulangerie Martin')
    const shown = await counsellor.get(`${url}/${i.id}`)
    const lines = agreementLines(shown.json(), 'Mission Locale')
    expect(lines).toMatchObject({
      beneficiary: 'Ines Aubert',
      host: 'Boulangerie Martin',
      period: 'du 06/04/2026 au 17/04/2026',
      prescriber: 'Mission Locale',
      signed: 'Fait le ……/……/…………',
    })
    expect((await otherCounsellor.get(`${url}/${i.id}/agreement.pdf`)).statusCode).toBe(404)
    expect((await reception.get(`${url}/${i.id}/agreement.pdf`)).statusCode).toBe(403)
  })
})

describe('the rules', () => {
  it('refuses a done before the last day, a sign in the future, a cancelled one moved again', async () => {
    const i = await buildImmersion(t.db, t.fx, person.id, employer.id, {
      status: 'signed',
      startsOn: '2026-02-23',
      endsOn: '2026-03-06',
      validated: true,
    })
    const res = await officer.post(`${url}/${i.id}/complete`, { version: i.version })
    expect(res.statusCode).toBe(409)
    expect(fieldsOf(res)).toEqual(['endsOn'])
    const d = await buildImmersion(t.db, t.fx, person.id, employer.id, {
      status: 'draft',
      startsOn: '2026-05-04',
      endsOn: '2026-05-08',
    })
    const future = await officer.post(`${url}/${d.id}/sign`, { signedOn: '2026-03-03', version: d.version })
    expect(future.statusCode).toBe(400)
    expect(fieldsOf(future)).toEqual(['signedOn'])
    const cancelled = await counsellor.post(`${url}/${d.id}/cancel`, {
      reason: 'Entreprise indisponible',
      version: d.version,
    })
    expect(cancelled.statusCode).toBe(200)
    expect(cancelled.json().status).toBe('cancelled')
    const again = await officer.post(`${url}/${d.id}/sign`, { signedOn: '2026-03-02', version: d.version + 1 })
    expect(again.statusCode).toBe(409)
    expect(fieldsOf(again)).toEqual(['status'])
    expect((await counsellor.get(`${url}/${d.id}/agreement.pdf`)).statusCode).toBe(409)
  })

  it('answers 400 naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ endsOn: '2026-03-16' }, 'endsOn'], // more than a month
      [{ endsOn: '2026-02-10' }, 'endsOn'], // before the start
      [{ tutorName: '' }, 'tutorName'],
      [{ objective: 'holiday' }, 'objective'],
      [{ romeCode: 'Z9999' }, 'romeCode'],
      [{ hoursPerWeek: 50 }, 'hoursPerWeek'],
      [{ tutorEmail: 'pas-une-adresse' }, 'tutorEmail'],
      [{ programmeId: programme.id }, 'moduleNumber'],
      [{ programmeId: programme.id, moduleNumber: 7 }, 'moduleNumber'],
      [{ employerId: '00000000-0000-4000-8000-000000000000' }, 'employerId'],
      [{ personId: 'x' }, 'personId'],
    ]
    for (const [over, field] of cases) {
      const res = await counsellor.post(url, agreement(over))
      expect(res.statusCode, JSON.stringify(over)).toBe(400)
      expect(res.headers['content-type']).toContain('application/problem+json')
      expect(fieldsOf(res), JSON.stringify(over)).toEqual([field])
    }
    const i = await buildImmersion(t.db, t.fx, person.id, employer.id, { status: 'signed' })
    const bad = await counsellor.post(`${url}/${i.id}/assessment`, { validated: 'oui', assessment: 'x', version: 1 })
    expect(fieldsOf(bad)).toEqual(['validated'])
    const noAssessment = await counsellor.post(`${url}/${i.id}/assessment`, {
      validated: true,
      assessment: ' ',
      version: 1,
    })
    expect(fieldsOf(noAssessment)).toEqual(['assessment'])
  })

  it('renewed once with the same host: a third agreement within 12 months is refused, two at once let one pass', async () => {
    const p = await buildPerson(t.db, t.fx)
    await buildImmersion(t.db, t.fx, p.id, employer.id, {
      startsOn: '2025-11-03',
      endsOn: '2025-11-28',
      status: 'done',
    })
    await buildImmersion(t.db, t.fx, p.id, employer.id, {
      startsOn: '2025-09-01',
      endsOn: '2025-09-05',
      status: 'cancelled',
    })
    const body = agreement({ personId: p.id, startsOn: '2026-03-09', endsOn: '2026-03-20' })
    const both = await Promise.all([counsellor.post(url, body), counsellor.post(url, body)])
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409])
    expect(fieldsOf(both.find((r) => r.statusCode === 409)!)).toEqual(['employerId'])
    // another host is fine
    const elsewhere = await buildEmployer(t.db, t.fx)
    expect((await counsellor.post(url, { ...body, employerId: elsewhere.id })).statusCode).toBe(201)
  })

  it('409 on a stale version; two signatures at once: one passes', async () => {
    const i = await buildImmersion(t.db, t.fx, person.id, employer.id, {
      status: 'draft',
      startsOn: '2026-06-01',
      endsOn: '2026-06-05',
    })
    const both = await Promise.all([
      officer.post(`${url}/${i.id}/sign`, { signedOn: '2026-03-02', version: i.version }),
      officer.post(`${url}/${i.id}/sign`, { signedOn: '2026-03-01', version: i.version }),
    ])
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409])
    const stale = await counsellor.post(`${url}/${i.id}/cancel`, { reason: null, version: i.version })
    expect(stale.statusCode).toBe(409)
    expect(stale.headers['content-type']).toContain('application/problem+json')
  })
})

describe('access', () => {
  it('403 to the roles without the capability, on every route', async () => {
    const i = await buildImmersion(t.db, t.fx, person.id, employer.id)
    for (const c of [reception, director]) {
      expect((await c.post(url, agreement())).statusCode).toBe(403)
      expect((await c.put(`${url}/${i.id}`, { ...updateBody, version: 1 })).statusCode).toBe(403)
      expect((await c.post(`${url}/${i.id}/sign`, { signedOn: '2026-03-02', version: 1 })).statusCode).toBe(403)
      expect(
        (await c.post(`${url}/${i.id}/assessment`, { validated: true, assessment: 'x', version: 1 })).statusCode,
      ).toBe(403)
      expect((await c.post(`${url}/${i.id}/complete`, { version: 1 })).statusCode).toBe(403)
      expect((await c.post(`${url}/${i.id}/cancel`, { reason: null, version: 1 })).statusCode).toBe(403)
      expect((await c.post(`${url}/${i.id}/outcome`, { outcome: 'other', version: 1 })).statusCode).toBe(403)
      expect((await c.post('/api/employment/immersion-programmes', { name: 'x', modules: [] })).statusCode).toBe(403)
    }
    expect((await reception.get(url)).statusCode).toBe(403)
    expect((await reception.get(`${url}/${i.id}`)).statusCode).toBe(403)
    expect((await reception.get('/api/employment/immersion-programmes')).statusCode).toBe(403)
    expect((await director.get(`${url}/${i.id}`)).statusCode).toBe(200)
    expect((await counsellor.post(`${url}/${i.id}/complete`, { version: 1 })).statusCode).toBe(403)
  })

  it('a counsellor cannot prepare one for a person out of scope, nor see it (404)', async () => {
    const res = await counsellor.post(url, agreement({ personId: personB.id }))
    expect(res.statusCode).toBe(404)
    const i = await buildImmersion(t.db, t.fx, personB.id, employer.id)
    expect((await counsellor.get(`${url}/${i.id}`)).statusCode).toBe(404)
    expect((await counsellor.post(`${url}/${i.id}/cancel`, { reason: null, version: 1 })).statusCode).toBe(404)
    expect((await counsellor.get(`${url}?personId=${personB.id}`)).statusCode).toBe(404)
    const list = (await counsellor.get(url)).json() as { id: string }[]
    expect(list.map((x) => x.id)).not.toContain(i.id)
    expect((await otherCounsellor.get(`${url}/${i.id}`)).statusCode).toBe(200)
    expect((await officer.get(`${url}/${i.id}`)).statusCode).toBe(200)
  })

  it('another structure’s immersion and programme answer 404', async () => {
    const other = await buildStructure(t.db)
    const p = await buildPerson(t.db, other)
    const e = await buildEmployer(t.db, other)
    const i = await buildImmersion(t.db, other, p.id, e.id)
    const prog = await buildImmersionProgramme(t.db, other)
    expect((await officer.get(`${url}/${i.id}`)).statusCode).toBe(404)
    expect((await officer.get(`${url}/${i.id}/agreement.pdf`)).statusCode).toBe(404)
    expect((await officer.post(`${url}/${i.id}/sign`, { signedOn: '2026-03-02', version: 1 })).statusCode).toBe(404)
    expect((await officer.put(`${url}/${i.id}`, { ...updateBody, version: 1 })).statusCode).toBe(404)
    expect((await officer.get(`/api/employment/immersion-programmes/${prog.id}`)).statusCode).toBe(404)
    const put = await officer.put(`/api/employment/immersion-programmes/${prog.id}`, {
      name: 'x',
      modules: [{ number: 1, label: 'M1', objective: 'discover' }],
      version: 1,
    })
    expect(put.statusCode).toBe(404)
    // nor can its employer host an agreement here
    const res = await counsellor.post(url, agreement({ employerId: e.id }))
    expect(fieldsOf(res)).toEqual(['employerId'])
  })
})
