import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildUser } from '../../test/builders.ts'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

let t: TestContext
let reception: TestClient
let ids: Record<string, string>

beforeAll(async () => {
  t = await createTestContext()
  reception = await t.as('reception')
  const referent = await buildUser(t.db, t.fx, { role: 'counsellor', siteIds: [t.fx.sites.b] })
  const p = (spec: Parameters<typeof buildPerson>[2]) => buildPerson(t.db, t.fx, spec).then((r) => r.id)
  ids = {
    dupond: await p({ lastName: 'Dupond', firstName: 'Marie', birthDate: '2004-03-07' }),
    inverted: await p({ lastName: 'Sarah', firstName: 'Martin', birthDate: '2005-10-01' }),
    elsewhere: await p({
      lastName: 'Lefèvre',
      firstName: 'Inès',
      birthDate: '2006-05-09',
      siteId: t.fx.sites.b,
      referentId: referent.id,
    }),
    other: await p({ lastName: 'Durand', firstName: 'Paul', birthDate: '2004-03-07' }),
    contact: await p({
      lastName: 'Benali',
      firstName: 'Yanis',
      birthDate: '2003-11-20',
      phone: '06 12 34 56 78',
      email: 'Yanis.Benali@example.org',
    }),
  }
})
afterAll(() => t.close())

const check = (body: object) => reception.post('/api/persons/duplicates', body)

describe('POST /api/persons/duplicates', () => {
  it('finds the same identity, whatever the accents and case', async () => {
    const res = await check({ lastName: 'DUPOND', firstName: 'marie', birthDate: '2004-03-07' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual([
      {
        id: ids.dupond,
        visible: true,
        lastName: 'Dupond',
        firstName: 'Marie',
        birthDate: '2004-03-07',
        siteName: 'Site A',
        referentName: null,
        match: 'same_identity',
        reason: 'Même nom, même prénom et même date de naissance.',
        score: 1,
      },
    ])
  })

  it('finds a close spelling with the same birth date, ranked after an exact match', async () => {
    const res = await check({ lastName: 'Dupont', firstName: 'Marie', birthDate: '2004-03-07' })
    expect(res.json()).toHaveLength(1)
    expect(res.json()[0]).toMatchObject({ id: ids.dupond, match: 'close_spelling' })
    expect(res.json()[0].reason).toContain('orthographe proche')
    expect(res.json()[0].score).toBeLessThan(1)
    // The same spelling with another birth date is someone else.
    expect((await check({ lastName: 'Dupont', firstName: 'Marie', birthDate: '2004-03-08' })).json()).toEqual([])
  })

  it('finds first and last names inverted', async () => {
    const res = await check({ lastName: 'Martin', firstName: 'Sarah', birthDate: '2005-10-01' })
    expect(res.json().map((c: { match: string }) => c.match)).toEqual(['inverted_names'])
  })

  it('finds the same name with day and month of birth swapped', async () => {
    const res = await check({ lastName: 'Dupond', firstName: 'Marie', birthDate: '2004-07-03' })
    expect(res.json()).toHaveLength(1)
    expect(res.json()[0]).toMatchObject({ id: ids.dupond, match: 'swapped_day_month', birthDate: '2004-03-07' })
    expect(res.json()[0].reason).toContain('07/03/2004')
    // 13/07 cannot be swapped: no false alarm.
    expect((await check({ lastName: 'Dupond', firstName: 'Marie', birthDate: '2004-07-13' })).json()).toEqual([])
  })

  it('finds the same name with the birth date a day or a year off, not a close spelling so far off', async () => {
    for (const birthDate of ['2004-03-06', '2004-03-08', '2003-03-07', '2005-03-07']) {
      const res = (await check({ lastName: 'Dupond', firstName: 'Marie', birthDate })).json()
      expect(
        res.map((c: { id: string; match: string }) => [c.id, c.match]),
        birthDate,
      ).toEqual([[ids.dupond, 'near_birth_date']])
      expect(res[0].reason).toContain('à un jour ou un an près')
    }
    expect((await check({ lastName: 'Dupond', firstName: 'Marie', birthDate: '2004-03-10' })).json()).toEqual([])
    expect((await check({ lastName: 'Dupont', firstName: 'Marie', birthDate: '2004-03-08' })).json()).toEqual([])
  })

  it('finds the same phone number or e-mail address under another name, ranked after the name matches', async () => {
    const other = { lastName: 'Benali', firstName: 'Sofia', birthDate: '2006-01-02' }
    const byPhone = (await check({ ...other, phone: '+33 6 12 34 56 78' })).json()
    expect(byPhone.map((c: { id: string; match: string }) => [c.id, c.match])).toEqual([[ids.contact, 'same_phone']])
    const byEmail = (await check({ ...other, email: 'yanis.benali@EXAMPLE.org' })).json()
    expect(byEmail.map((c: { id: string; match: string }) => [c.id, c.match])).toEqual([[ids.contact, 'same_email']])
    expect((await check({ ...other, phone: '', email: '' })).json()).toEqual([])
    // a creation with that number is held until confirmed
    const create = await reception.post('/api/persons', {
      ...other,
      sex: 'F',
      phone: '0612345678',
      siteId: t.fx.sites.a,
      firstReception: { date: '2026-03-02', referralSource: 'self' },
    })
    expect(create.statusCode).toBe(409)
    expect(create.json().fields[0].message).toContain('Même numéro de téléphone')
  })

  it('tells of a person followed out of the actor’s scope with the minimum, and leaves a trace', async () => {
    const res = await check({ lastName: 'Lefevre', firstName: 'Ines', birthDate: '2006-05-09' })
    expect(res.json()).toEqual([
      {
        id: null,
        visible: false,
        lastName: 'Lefèvre',
        firstName: 'Inès',
        birthDate: '2006-05-09',
        siteName: 'Site B',
        referentName: 'Utilisateur counsellor',
        match: 'same_identity',
        reason: 'Même nom, même prénom et même date de naissance.',
        score: 1,
      },
    ])
    const trace = await t.db.kysely
      .selectFrom('audit_event')
      .select(['action', 'entity_id', 'actor_id'])
      .where('action', '=', 'duplicate.hidden_match')
      .execute()
    expect(trace).toEqual([
      { action: 'duplicate.hidden_match', entity_id: ids.elsewhere, actor_id: reception.user!.id },
    ])
    // The file itself stays closed to this reader.
    expect((await reception.get(`/api/persons/${ids.elsewhere}`)).statusCode).toBe(404)
  })

  it('names the missing fields', async () => {
    const res = await check({ lastName: '', birthDate: '07/03/2004' })
    expect(res.statusCode).toBe(400)
    expect(
      res
        .json()
        .fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['birthDate', 'firstName', 'lastName'])
  })

  it('is not offered to roles that do not create files', async () => {
    const officer = await t.as('training_officer')
    expect(
      (await officer.post('/api/persons/duplicates', { lastName: 'A', firstName: 'B', birthDate: '2004-03-07' }))
        .statusCode,
    ).toBe(403)
  })
})
