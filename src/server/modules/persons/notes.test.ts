import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NOTES_REMINDER } from '../../../shared/persons/note.schema.ts'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

let t: TestContext
let author: TestClient
let id: string

beforeAll(async () => {
  t = await createTestContext()
  author = await t.as('counsellor')
  id = (await buildPerson(t.db, t.fx)).id
})
afterAll(() => t.close())

describe('notes', () => {
  it('are written, listed latest first, and always come with the reminder', async () => {
    const first = await author.post(`/api/persons/${id}/notes`, { text: 'Premier entretien : projet cuisine.' })
    expect(first.statusCode).toBe(201)
    expect(first.json()).toMatchObject({
      reminder: NOTES_REMINDER,
      note: {
        text: 'Premier entretien : projet cuisine.',
        version: 1,
        editable: true,
        authorName: 'Utilisateur counsellor',
      },
    })
    t.clock.advance(60_000)
    await author.post(`/api/persons/${id}/notes`, { text: 'Inscription au forum emploi.' })
    const list = await (await t.as('director')).get(`/api/persons/${id}/notes`)
    expect(list.statusCode).toBe(200)
    expect(list.json().reminder).toBe(NOTES_REMINDER)
    expect(NOTES_REMINDER).toContain('santé')
    expect(list.json().items.map((n: { text: string }) => n.text)).toEqual([
      'Inscription au forum emploi.',
      'Premier entretien : projet cuisine.',
    ])
    expect(list.json().items.every((n: { editable: boolean }) => !n.editable)).toBe(true)
  })

  it('are changed by their author only, with the version read', async () => {
    const { note } = (await author.post(`/api/persons/${id}/notes`, { text: 'Brouillon' })).json()
    const colleague = await t.as('counsellor')
    const refused = await colleague.put(`/api/persons/${id}/notes/${note.id}`, { text: 'Autre', version: 1 })
    expect(refused.statusCode).toBe(403)
    const ok = await author.put(`/api/persons/${id}/notes/${note.id}`, { text: 'Version finale', version: 1 })
    expect(ok.statusCode).toBe(200)
    expect(ok.json().note).toMatchObject({ text: 'Version finale', version: 2 })
    const stale = await author.put(`/api/persons/${id}/notes/${note.id}`, { text: 'Encore', version: 1 })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().code).toBe('version_conflict')
    const actions = await t.db.kysely
      .selectFrom('audit_event')
      .select('action')
      .where('action', 'like', 'note.%')
      .orderBy('id')
      .execute()
    expect(actions.map((a) => a.action)).toEqual(['note.create', 'note.create', 'note.create', 'note.update'])
  })

  it('refuses an empty note, naming the field, and a note on a file out of scope', async () => {
    const empty = await author.post(`/api/persons/${id}/notes`, { text: '   ' })
    expect(empty.statusCode).toBe(400)
    expect(empty.json().fields).toMatchObject([{ field: 'text', message: 'Texte requis.' }])
    const outsider = await t.as('counsellor', { siteIds: [t.fx.sites.b] })
    expect((await outsider.post(`/api/persons/${id}/notes`, { text: 'x' })).statusCode).toBe(404)
    expect((await (await t.as('reception')).post(`/api/persons/${id}/notes`, { text: 'x' })).statusCode).toBe(403)
  })
})
