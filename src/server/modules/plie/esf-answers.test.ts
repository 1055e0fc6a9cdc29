import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildPerson } from '../../test/person.builders.ts'
import { buildPathway } from '../../test/plie.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

// The answers of a pathway read back for the person file's « Données FSE+ » (GET /api/plie/pathways/:id/esf): each
// with its moment and day; the read of the disability answer audited as a sensitive read. Clock: Monday 2026-03-02.
let t: TestContext
let counsellor: TestClient
let pathwayId: string
let personId: string
const esf = (id: string) => `/api/plie/pathways/${id}/esf`

beforeAll(async () => {
  t = await createTestContext()
  counsellor = await t.as('counsellor')
  const person = await buildPerson(t.db, t.fx, { lastName: 'Esf-lecture', sex: 'F', birthDate: '1980-05-01' })
  personId = person.id
  pathwayId = (await buildPathway(t.db, t.fx, person.id, { entryDate: '2025-09-01' })).id
})
afterAll(() => t.close())

describe('the answers of a pathway', () => {
  it('are none at first, then the recorded ones with their moment and day; the read is audited', async () => {
    const empty = await counsellor.get(esf(pathwayId))
    expect(empty.statusCode, empty.body).toBe(200)
    expect(empty.json()).toEqual({ enrolmentId: pathwayId, answers: [] })
    const post = await counsellor.post(esf(pathwayId), {
      moment: 'entry',
      answers: { disability: 'declined', labour_status: 'long_term_unemployed' },
      answeredOn: '2025-09-02',
    })
    expect(post.statusCode, post.body).toBe(200)
    const res = await counsellor.get(esf(pathwayId))
    expect(res.statusCode).toBe(200)
    expect(res.json().answers).toEqual([
      { moment: 'entry', question: 'disability', answer: 'declined', answeredOn: '2025-09-02' },
      { moment: 'entry', question: 'labour_status', answer: 'long_term_unemployed', answeredOn: '2025-09-02' },
    ])
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select(['entity', 'entity_id'])
      .where('action', '=', 'sensitive.read')
      .where('entity_id', '=', personId)
      .execute()
    expect(audit).toHaveLength(1)
  })

  it('is refused to another role (403), another site’s pathway or an unknown one is 404, a bad id 400', async () => {
    const reception = await t.as('reception')
    expect((await reception.get(esf(pathwayId))).statusCode).toBe(403)
    const director = await t.as('director')
    expect((await director.get(esf(pathwayId))).statusCode).toBe(200)
    const otherSite = await t.as('counsellor', { siteIds: [t.fx.sites.b] })
    expect((await otherSite.get(esf(pathwayId))).statusCode).toBe(404)
    expect((await counsellor.get(esf('00000000-0000-4000-8000-000000000000'))).statusCode).toBe(404)
    const bad = await counsellor.get(esf('pas-un-id'))
    expect(bad.statusCode).toBe(400)
    expect(bad.json().fields[0]).toMatchObject({ field: 'enrolmentId' })
  })
})
