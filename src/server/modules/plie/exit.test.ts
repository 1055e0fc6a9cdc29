import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildSituationRow } from '../../test/accompaniment.builders.ts'
import { buildPerson } from '../../test/person.builders.ts'
import { buildOrganisation, buildPathway } from '../../test/plie.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

// The pathway's exit (docs/plie.md « The pathway »): a positive reason checked against the person's situations, the
// partner credited, one open pathway per person, corrections by version. Clock: Monday 2026-03-02.
let t: TestContext
let counsellor: TestClient
let otherSite: TestClient
let director: TestClient
let partner: TestClient
let relations: { id: string }
let aci: { id: string }

beforeAll(async () => {
  t = await createTestContext()
  counsellor = await t.as('counsellor')
  otherSite = await t.as('counsellor', { siteIds: [t.fx.sites.b] })
  director = await t.as('director')
  partner = await t.as('partner')
  relations = await buildOrganisation(t.db, t.fx, { kind: 'employer_relations', name: 'Club d’entreprises' })
  aci = await buildOrganisation(t.db, t.fx, { kind: 'aci' })
})
afterAll(() => t.close())

const pathway = async () => {
  const person = await buildPerson(t.db, t.fx)
  const p = await buildPathway(t.db, t.fx, person.id, { entryDate: '2025-06-02' })
  return { person, ...p, url: `/api/plie/pathways/${p.id}/exit` }
}

describe('the exit', () => {
  it('a CDD over 6 months proved by the recorded CDD, credited to an employer-relations partner', async () => {
    const p = await pathway()
    const cdd = await buildSituationRow(t.db, t.fx, p.person.id, { kind: 'cdd', start_date: '2026-02-02' })
    await t.db.kysely
      .updateTable('situation')
      .set({ planned_end_date: '2026-09-30' })
      .where('id', '=', cdd.id)
      .execute()
    const res = await counsellor.post(p.url, {
      exitDate: '2026-02-27',
      exitReason: 'cdd_over_6_months',
      partnerId: relations.id,
      version: p.version,
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({
      open: false,
      exit: { date: '2026-02-27', reason: 'cdd_over_6_months', positive: true, situationId: cdd.id },
    })
    expect(res.json().exit.partnerId).toBe(relations.id)
    // the partner's count
    const orgs = await director.get('/api/plie/organisations')
    expect(orgs.json().find((o: { id: string }) => o.id === relations.id).exitsCredited).toBe(1)
    // the proving CDD cannot be deleted from the file while the exit rests on it: 409 in French, not 500
    const removed = await counsellor.delete(`/api/persons/${p.person.id}/situations/${cdd.id}`)
    expect(removed.statusCode, removed.body).toBe(409)
    expect(removed.json().detail).toContain('sortie positive')
  })

  it('a 4-month CDD cannot be a CDD over 6 months: 400 naming exitReason, in French', async () => {
    const p = await pathway()
    const cdd = await buildSituationRow(t.db, t.fx, p.person.id, { kind: 'cdd', start_date: '2026-02-02' })
    await t.db.kysely
      .updateTable('situation')
      .set({ planned_end_date: '2026-06-01' })
      .where('id', '=', cdd.id)
      .execute()
    const res = await counsellor.post(p.url, {
      exitDate: '2026-02-27',
      exitReason: 'cdd_over_6_months',
      version: p.version,
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().fields[0]).toMatchObject({ field: 'exitReason' })
    expect(res.json().fields[0].message).toContain(
      'Un CDD de moins de 6 mois ne peut pas être un « CDD de plus de 6 mois »',
    )
    // an exit that is not positive needs no proof; nor can it name one
    const named = await counsellor.post(p.url, {
      exitDate: '2026-02-27',
      exitReason: 'health',
      exitSituationId: cdd.id,
      version: p.version,
    })
    expect(named.json().fields[0].field).toBe('exitSituationId')
    const ok = await counsellor.post(p.url, { exitDate: '2026-02-27', exitReason: 'health', version: p.version })
    expect(ok.json().exit).toMatchObject({ positive: false, situationId: null })
  })

  it('bad input 400 by field', async () => {
    const p = await pathway()
    const field = async (body: object) => {
      const r = await counsellor.post(p.url, {
        exitDate: '2026-02-27',
        exitReason: 'health',
        version: p.version,
        ...body,
      })
      expect(r.statusCode, r.body).toBe(400)
      return r.json().fields[0].field
    }
    expect(await field({ exitDate: '2025-05-01' })).toBe('exitDate')
    expect(await field({ exitDate: '2026-04-01' })).toBe('exitDate')
    expect(await field({ exitDate: undefined })).toBe('exitDate')
    expect(await field({ exitReason: 'gone' })).toBe('exitReason')
    expect(await field({ partnerId: aci.id })).toBe('partnerId')
    expect(await field({ partnerId: crypto.randomUUID() })).toBe('partnerId')
    expect(await field({ version: undefined })).toBe('version')
  })

  it('parallel exits of the same pathway: one wins, the other 409; a correction with the new version', async () => {
    const p = await pathway()
    const body = (exitReason: string) => ({ exitDate: '2026-02-27', exitReason, version: p.version })
    const [a, b] = await Promise.all([
      counsellor.post(p.url, body('health')),
      counsellor.post(p.url, body('moved_away')),
    ])
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409])
    const winner = a.statusCode === 200 ? a : b
    const fixed = await counsellor.post(p.url, { ...body('dropped_out'), version: winner.json().version })
    expect(fixed.statusCode, fixed.body).toBe(200)
    expect(fixed.json().exit.reason).toBe('dropped_out')
    expect((await counsellor.post(p.url, body('other'))).statusCode).toBe(409)
  })

  it('one open pathway per person: a correction cannot make two pathways meet', async () => {
    const person = await buildPerson(t.db, t.fx)
    const first = await buildPathway(t.db, t.fx, person.id, {
      entryDate: '2025-01-06',
      exitDate: '2025-06-30',
      exitReason: 'health',
    })
    await buildPathway(t.db, t.fx, person.id, { entryDate: '2025-10-01' })
    const res = await counsellor.post(`/api/plie/pathways/${first.id}/exit`, {
      exitDate: '2025-12-31',
      exitReason: 'health',
      version: first.version,
    })
    expect(res.statusCode).toBe(409)
    expect(res.json().fields[0].field).toBe('exitDate')
  })

  it('access: director and partner 403, another site 404', async () => {
    const p = await pathway()
    const body = { exitDate: '2026-02-27', exitReason: 'health', version: p.version }
    expect((await director.post(p.url, body)).statusCode).toBe(403)
    expect((await partner.post(p.url, body)).statusCode).toBe(403)
    expect((await otherSite.post(p.url, body)).statusCode).toBe(404)
  })
})
