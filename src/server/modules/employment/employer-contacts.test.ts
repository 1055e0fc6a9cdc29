import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildStructure } from '../../test/builders.ts'
import { buildEmployer } from '../../test/employment.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

// A company's contacts edited and deactivated, its interactions edited (docs/employment/employers.md « Contacts »,
// « Interactions »): the officer only, with the version read, never another structure's record.
let t: TestContext
let officer: TestClient
let director: TestClient
let counsellor: TestClient
let reception: TestClient

beforeAll(async () => {
  t = await createTestContext()
  officer = await t.as('employment_officer')
  director = await t.as('director')
  counsellor = await t.as('counsellor')
  reception = await t.as('reception')
})
afterAll(() => t.close())

const visit = { date: '2026-11-03', kind: 'visit', subject: 'Visite' }

/** a company of the structure with one contact and one interaction with that contact */
async function companyWithContact(structure = t.fx) {
  const e = await buildEmployer(t.db, structure)
  const contact = await t.db.kysely
    .insertInto('employer_contact')
    .values({ structure_id: structure.structureId, employer_id: e.id, name: 'Mme Leroy', external_id: null })
    .returning(['id'])
    .executeTakeFirstOrThrow()
  const interaction = await t.db.kysely
    .insertInto('employer_interaction')
    .values({
      structure_id: structure.structureId,
      employer_id: e.id,
      date: visit.date,
      kind: 'visit',
      contact_id: contact.id,
      subject: visit.subject,
      external_id: null,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow()
  return { employerId: e.id, contactId: contact.id, interactionId: interaction.id }
}

describe('a contact edited and deactivated', () => {
  it('the officer edits it, marks that the person left and back, each with the version read', async () => {
    const c = await companyWithContact()
    const url = `/api/employment/employers/${c.employerId}/contacts/${c.contactId}`
    const edited = await officer.put(url, {
      name: 'Mme Leroy',
      jobTitle: 'Gérante',
      phone: '03 28 00 00 00',
      version: 1,
    })
    expect(edited.statusCode, edited.body).toBe(200)
    expect(edited.json().contacts[0]).toMatchObject({ jobTitle: 'Gérante', active: true, version: 2 })
    const left = await officer.put(url, { name: 'Mme Leroy', jobTitle: 'Gérante', active: false, version: 2 })
    expect(left.json().contacts[0]).toMatchObject({ active: false, version: 3 })
    // the interaction still names the contact who left
    expect(left.json().interactions[0].contactName).toBe('Mme Leroy')
    const stale = await officer.put(url, { name: 'Mme Leroy', active: true, version: 2 })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().code).toBe('version_conflict')
    const back = await officer.put(url, { name: 'Mme Leroy', active: true, version: 3 })
    expect(back.json().contacts[0]).toMatchObject({ active: true, version: 4 })
    const bad = await officer.put(url, { name: '', email: 'x', version: 4 })
    expect(bad.statusCode).toBe(400)
    expect(bad.headers['content-type']).toContain('application/problem+json')
    expect(
      bad
        .json()
        .fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['email', 'name'])
  })

  it('refuses the other roles (403) and another structure’s contact, by its company or through one of ours (404)', async () => {
    const ours = await companyWithContact()
    const url = `/api/employment/employers/${ours.employerId}/contacts/${ours.contactId}`
    for (const c of [director, counsellor, reception])
      expect((await c.put(url, { name: 'X', active: false, version: 1 })).statusCode).toBe(403)
    const theirs = await companyWithContact(await buildStructure(t.db))
    const body = { name: 'X', active: false, version: 1 }
    const direct = `/api/employment/employers/${theirs.employerId}/contacts/${theirs.contactId}`
    expect((await officer.put(direct, body)).statusCode).toBe(404)
    const through = `/api/employment/employers/${ours.employerId}/contacts/${theirs.contactId}`
    expect((await officer.put(through, body)).statusCode).toBe(404)
    const still = await t.db.kysely
      .selectFrom('employer_contact')
      .select(['name', 'active', 'version'])
      .where('id', '=', theirs.contactId)
      .executeTakeFirstOrThrow()
    expect(still).toEqual({ name: 'Mme Leroy', active: true, version: 1 })
  })
})

describe('an interaction edited', () => {
  it('the officer edits it with the version read; its author stays', async () => {
    const c = await companyWithContact()
    const url = `/api/employment/employers/${c.employerId}/interactions/${c.interactionId}`
    const edited = await officer.put(url, { ...visit, kind: 'meeting', note: 'Trois postes', version: 1 })
    expect(edited.statusCode, edited.body).toBe(200)
    expect(edited.json().interactions[0]).toMatchObject({ kind: 'meeting', note: 'Trois postes', version: 2 })
    expect(edited.json().interactions[0].officerId).toBeNull()
    expect((await officer.put(url, { ...visit, version: 1 })).statusCode).toBe(409)
    const noSubject = await officer.put(url, { ...visit, subject: ' ', version: 2 })
    expect(noSubject.json().fields[0].field).toBe('subject')
  })

  it('refuses the other roles (403), another structure’s interaction (404) and its contact (400)', async () => {
    const ours = await companyWithContact()
    const url = `/api/employment/employers/${ours.employerId}/interactions/${ours.interactionId}`
    for (const c of [director, counsellor, reception])
      expect((await c.put(url, { ...visit, version: 1 })).statusCode).toBe(403)
    const theirs = await companyWithContact(await buildStructure(t.db))
    const direct = `/api/employment/employers/${theirs.employerId}/interactions/${theirs.interactionId}`
    expect((await officer.put(direct, { ...visit, subject: 'X', version: 1 })).statusCode).toBe(404)
    const through = `/api/employment/employers/${ours.employerId}/interactions/${theirs.interactionId}`
    expect((await officer.put(through, { ...visit, subject: 'X', version: 1 })).statusCode).toBe(404)
    const stray = await officer.put(url, { ...visit, contactId: theirs.contactId, version: 1 })
    expect(stray.statusCode).toBe(400)
    expect(stray.json().fields[0].field).toBe('contactId')
    const still = await t.db.kysely
      .selectFrom('employer_interaction')
      .select(['subject', 'version'])
      .where('id', '=', theirs.interactionId)
      .executeTakeFirstOrThrow()
    expect(still).toEqual({ subject: 'Visite', version: 1 })
  })
})
