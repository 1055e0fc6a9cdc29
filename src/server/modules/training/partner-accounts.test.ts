import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildStructure, buildUser } from '../../test/builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

// GET /api/training/partner-accounts (docs/training/catalogue.md): the structure's active partner accounts, each with
// the body it is bound to, for the training officer who binds them (trainingPolicy.setup).
let t: TestContext
let officer: TestClient

beforeAll(async () => {
  t = await createTestContext()
  officer = await t.as('training_officer')
})
afterAll(() => t.close())

describe('partner accounts', () => {
  it('lists the active partner accounts of the structure only, with their body', async () => {
    const free = await buildUser(t.db, t.fx, { role: 'partner' })
    const bound = await buildUser(t.db, t.fx, { role: 'partner' })
    const inactive = await buildUser(t.db, t.fx, { role: 'partner', active: false })
    const counsellor = await buildUser(t.db, t.fx, { role: 'counsellor' })
    const elsewhere = await buildUser(t.db, await buildStructure(t.db), { role: 'partner' })
    const body = await officer.post('/api/training/bodies', { name: 'Organisme rattaché', siret: null })
    expect(body.statusCode, body.body).toBe(201)
    const bind = await officer.post(`/api/training/bodies/${body.json().id}/users`, { userId: bound.id })
    expect(bind.statusCode, bind.body).toBe(200)

    const res = await officer.get('/api/training/partner-accounts')
    expect(res.statusCode, res.body).toBe(200)
    const list: { id: string; displayName: string; email: string; bodyId: string | null }[] = res.json()
    const ids = list.map((u) => u.id)
    expect(ids).toEqual(expect.arrayContaining([free.id, bound.id]))
    for (const other of [inactive.id, counsellor.id, elsewhere.id]) expect(ids).not.toContain(other)
    expect(list.find((u) => u.id === free.id)).toEqual({
      id: free.id,
      displayName: 'Utilisateur partner',
      email: free.email,
      bodyId: null,
    })
    expect(list.find((u) => u.id === bound.id)?.bodyId).toBe(body.json().id)

    await officer.delete(`/api/training/bodies/${body.json().id}/users/${bound.id}`)
    const after = (await officer.get('/api/training/partner-accounts')).json() as { id: string; bodyId: unknown }[]
    expect(after.find((u) => u.id === bound.id)?.bodyId).toBeNull()
  })

  it('refuses the counsellor and the partner (403)', async () => {
    for (const role of ['counsellor', 'partner'] as const) {
      const res = await (await t.as(role)).get('/api/training/partner-accounts')
      expect(res.statusCode, role).toBe(403)
    }
  })
})
