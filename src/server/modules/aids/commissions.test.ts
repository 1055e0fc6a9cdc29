import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildAidRequest, buildFund } from '../../test/aids.builders.ts'
import { buildStructure } from '../../test/builders.ts'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'
import { agendaDocument, minutesDocument } from './commission-pdf.ts'

// Aid commissions (docs/aids.md « Commissions and the reinforced aid »): the agenda from the pending requests, members,
// decisions with their reason through decideRequest, held, the PDFs. The clock says Monday 2026-03-02, 10:00 in Paris.
let t: TestContext
let officer: TestClient
let director: TestClient
let counsellor: TestClient

const DAY = '2026-03-02'
const NO_ID = '00000000-0000-4000-8000-000000000000'

beforeAll(async () => {
  t = await createTestContext()
  officer = await t.as('aid_officer')
  director = await t.as('director')
  counsellor = await t.as('counsellor')
})
afterAll(() => t.close())

const person = (lastName: string) => buildPerson(t.db, t.fx, { lastName, firstName: 'Léa', birthDate: '2004-05-06' })
const request = async (lastName: string, fundId: string, spec: Parameters<typeof buildAidRequest>[4] = {}) => {
  const p = await person(lastName)
  return { personId: p.id, ...(await buildAidRequest(t.db, t.fx, p.id, fundId, { amountAskedCents: 300_00, ...spec })) }
}
const plan = async (fundId: string, body: Record<string, unknown> = {}) => {
  const r = await officer.post('/api/aids/commissions', { fundId, date: DAY, ...body })
  expect(r.statusCode, r.body).toBe(201)
  return r.json()
}
type Agenda = { agenda: { requestId: string; personName: string; version: number; status: string }[] }
const caseOf = (c: Agenda, requestId: string) => c.agenda.find((k) => k.requestId === requestId)!
const decide = (id: string, k: { requestId: string; version: number }, body: object, as = officer) =>
  as.post(`/api/aids/commissions/${id}/cases/${k.requestId}/decision`, { version: k.version, ...body })

describe('commissions', () => {
  it('planned for a commission fund: the agenda holds its complete pending requests; wrong role, bad input', async () => {
    const fund = await buildFund(t.db, t.fx, { decidedBy: 'commission' })
    const other = await buildFund(t.db, t.fx, { decidedBy: 'commission' })
    const a = await request('Agenda', fund.id)
    const b = await request('Bis', fund.id, { track: 'reinforced' })
    await request('Incomplet', fund.id, { status: 'submitted' })
    await request('Ailleurs', other.id)
    await request('Tard', fund.id, { askedOn: '2026-03-10' })
    const c = await plan(fund.id, { note: 'Salle 2' })
    expect(c).toMatchObject({ fundId: fund.id, date: DAY, status: 'planned', note: 'Salle 2', cases: 2, decided: 0 })
    expect(c.agenda.map((k: { personName: string }) => k.personName)).toEqual(['AGENDA Léa', 'BIS Léa'])
    expect(caseOf(c, a.id)).toMatchObject({ status: 'complete', amountAskedCents: 300_00, track: 'ordinary' })
    expect(caseOf(c, b.id).version).toBe(b.version + 1)
    // an empty one, then the same requests are on no other agenda
    const empty = await plan(fund.id, { fromPending: false })
    expect(empty.agenda).toEqual([])
    expect((await officer.get(`/api/aids/commissions/${empty.id}/candidates`)).json()).toEqual([])

    const officerFund = await buildFund(t.db, t.fx, { decidedBy: 'officer', tracks: ['ordinary'] })
    const bad = async (body: object, field: string) => {
      const r = await officer.post('/api/aids/commissions', { fundId: fund.id, date: DAY, ...body })
      expect(r.statusCode, r.body).toBe(400)
      expect(r.json().fields[0].field).toBe(field)
    }
    await bad({ fundId: officerFund.id }, 'fundId')
    await bad({ fundId: NO_ID }, 'fundId')
    await bad({ date: '2026-02-30' }, 'date')
    await bad({ fromPending: 'oui' }, 'fromPending')
    expect((await counsellor.post('/api/aids/commissions', { fundId: fund.id, date: DAY })).statusCode).toBe(403)
    expect((await director.post('/api/aids/commissions', { fundId: fund.id, date: DAY })).statusCode).toBe(403)
    // the director reads; the counsellor does not
    expect((await director.get(`/api/aids/commissions/${c.id}`)).statusCode).toBe(200)
    const listed = (await director.get(`/api/aids/commissions?fundId=${fund.id}`)).json().items
    expect(listed.map((i: { id: string }) => i.id).sort()).toEqual([c.id, empty.id].sort())
    expect((await counsellor.get(`/api/aids/commissions/${c.id}`)).statusCode).toBe(403)
    expect((await director.get('/api/aids/commissions?from=2026-03-10&to=2026-03-01')).json().fields[0].field).toBe(
      'to',
    )
  })

  it('a fund an officer decides: only its reinforced requests; add and remove cases', async () => {
    const fdaj = await buildFund(t.db, t.fx, { decidedBy: 'officer', tracks: ['emergency', 'ordinary', 'reinforced'] })
    const reinforced = await request('Renforce', fdaj.id, { track: 'reinforced' })
    const ordinary = await request('Ponctuel', fdaj.id)
    const c = await plan(fdaj.id)
    expect(c.agenda.map((k: { requestId: string }) => k.requestId)).toEqual([reinforced.id])
    const add = (requestId: string) => officer.post(`/api/aids/commissions/${c.id}/cases`, { requestId })
    const refused = await add(ordinary.id)
    expect(refused.statusCode).toBe(409)
    expect(refused.json().fields[0].field).toBe('requestId')
    expect((await add(reinforced.id)).statusCode).toBe(409)
    expect((await add(NO_ID)).statusCode).toBe(404)
    expect((await add('x')).json().fields[0].field).toBe('requestId')
    const del = await officer.delete(`/api/aids/commissions/${c.id}/cases/${reinforced.id}`)
    expect(del.statusCode, del.body).toBe(204)
    expect((await officer.delete(`/api/aids/commissions/${c.id}/cases/${reinforced.id}`)).statusCode).toBe(404)
    const candidates = (await officer.get(`/api/aids/commissions/${c.id}/candidates`)).json()
    expect(candidates.map((k: { requestId: string }) => k.requestId)).toEqual([reinforced.id])
    const again = await add(reinforced.id)
    expect(again.statusCode, again.body).toBe(201)
    expect(again.json().cases).toBe(1)
  })

  it('members, decisions with their reason, held once all decided, the PDFs', async () => {
    const fund = await buildFund(t.db, t.fx, { decidedBy: 'commission', code: 'FDAJ' })
    const ana = await request('Accorde', fund.id)
    const rob = await request('Refuse', fund.id)
    let c = await plan(fund.id)
    const outsider = { name: 'M. Durand', organisation: 'Conseil départemental', present: true }
    const members = await officer.put(`/api/aids/commissions/${c.id}/members`, {
      members: [{ userId: officer.user!.id }, outsider, { name: 'Mme Roux', present: false }],
      version: c.version,
    })
    expect(members.statusCode, members.body).toBe(200)
    expect(members.json().members[0]).toEqual({
      userId: officer.user!.id,
      name: 'Utilisateur aid_officer',
      organisation: null,
      present: true,
    })
    const stale = await officer.put(`/api/aids/commissions/${c.id}/members`, { members: [], version: c.version })
    expect(stale.statusCode).toBe(409)
    const noName = await officer.put(`/api/aids/commissions/${c.id}/members`, { members: [{}], version: 9 })
    expect(noName.json().fields[0].field).toBe('members.0.name')
    c = members.json()

    const noReason = await decide(c.id, caseOf(c, ana.id), { decision: 'granted' })
    expect(noReason.statusCode).toBe(400)
    expect(noReason.json().fields[0].field).toBe('reason')
    const ok = await decide(c.id, caseOf(c, ana.id), {
      decision: 'partly_granted',
      amountGrantedCents: 250_00,
      reason: 'Loyer en retard.',
    })
    expect(ok.statusCode, ok.body).toBe(200)
    expect(caseOf(ok.json(), ana.id)).toMatchObject({ status: 'partly_granted', amountGrantedCents: 250_00 })
    const row = await t.db.kysely
      .selectFrom('aid_request')
      .select(['commission_id', 'decided_by'])
      .where('id', '=', ana.id)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ commission_id: c.id, decided_by: officer.user!.id })
    // decided: it stays on the agenda, and cannot be decided again
    expect((await officer.delete(`/api/aids/commissions/${c.id}/cases/${ana.id}`)).statusCode).toBe(409)
    expect((await decide(c.id, caseOf(ok.json(), ana.id), { decision: 'granted', reason: 'x' })).statusCode).toBe(409)
    // not held while a request waits
    const early = await officer.post(`/api/aids/commissions/${c.id}/held`, { version: ok.json().version })
    expect(early.statusCode).toBe(409)
    const refused = await decide(c.id, caseOf(ok.json(), rob.id), {
      decision: 'refused',
      refusalCriterion: 'Ressources au-dessus du barème',
      reason: 'Hors critères.',
    })
    expect(refused.statusCode, refused.body).toBe(200)

    const read = refused.json()
    for (const kind of ['agenda', 'minutes']) {
      const pdf = await director.get(`/api/aids/commissions/${c.id}/${kind}.pdf`)
      expect(pdf.statusCode).toBe(200)
      expect(pdf.headers['content-type']).toBe('application/pdf')
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    }
    expect((await counsellor.get(`/api/aids/commissions/${c.id}/agenda.pdf`)).statusCode).toBe(403)
    const agenda = JSON.stringify(agendaDocument(read, 'X'))
    expect(agenda).toContain('ACCORDE Léa')
    expect(agenda).toContain('06/05/2004')
    expect(agenda).toContain('300,00\u00a0€')
    const minutes = JSON.stringify(minutesDocument(read, 'X'))
    expect(minutes).toContain('M. Durand (Conseil départemental)')
    expect(minutes).toContain('Loyer en retard.')
    expect(minutes).toContain('250,00\u00a0€')
    expect(minutes).toContain('Ressources au-dessus du barème')

    const held = await officer.post(`/api/aids/commissions/${c.id}/held`, { version: read.version })
    expect(held.statusCode, held.body).toBe(200)
    expect(held.json().status).toBe('held')
    const late = await request('Tardif', fund.id)
    expect((await officer.post(`/api/aids/commissions/${c.id}/cases`, { requestId: late.id })).statusCode).toBe(409)
  })

  it('a commission still to come decides nothing; another structure’s commission is 404', async () => {
    const fund = await buildFund(t.db, t.fx, { decidedBy: 'commission' })
    const r = await request('Futur', fund.id)
    const c = await plan(fund.id, { date: '2026-03-20' })
    const early = await decide(c.id, caseOf(c, r.id), { decision: 'granted', reason: 'Oui.' })
    expect(early.statusCode).toBe(409)
    expect(early.json().fields[0].field).toBe('decision')
    expect((await decide(c.id, caseOf(c, r.id), { decision: 'granted', reason: 'Oui.' }, director)).statusCode).toBe(
      403,
    )

    const ofx = await buildStructure(t.db)
    const ofund = await buildFund(t.db, ofx, { decidedBy: 'commission' })
    const { id } = await t.db.kysely
      .insertInto('aid_commission')
      .values({
        structure_id: ofx.structureId,
        fund_id: ofund.id,
        date: DAY,
        note: null,
        external_id: null,
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    expect((await director.get(`/api/aids/commissions/${id}`)).statusCode).toBe(404)
    expect((await director.get(`/api/aids/commissions/${id}/minutes.pdf`)).statusCode).toBe(404)
    expect((await officer.put(`/api/aids/commissions/${id}/members`, { members: [], version: 1 })).statusCode).toBe(404)
    expect((await officer.post(`/api/aids/commissions/${id}/held`, { version: 1 })).statusCode).toBe(404)
    const foreign = await officer.post('/api/aids/commissions', { fundId: ofund.id, date: DAY })
    expect(foreign.json().fields[0].field).toBe('fundId')
  })

  it('at once: one request put on two agendas, one decision twice — one wins, the other 409', async () => {
    const fund = await buildFund(t.db, t.fx, { decidedBy: 'commission' })
    const c1 = await plan(fund.id, { fromPending: false })
    const c2 = await plan(fund.id, { fromPending: false })
    const r = await request('Course', fund.id)
    const colleague = await t.as('aid_officer')
    const [a, b] = await Promise.all([
      officer.post(`/api/aids/commissions/${c1.id}/cases`, { requestId: r.id }),
      colleague.post(`/api/aids/commissions/${c2.id}/cases`, { requestId: r.id }),
    ])
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409])
    const winner = (a.statusCode === 201 ? a : b).json()
    const k = caseOf(winner, r.id)
    const [d1, d2] = await Promise.all([
      decide(winner.id, k, { decision: 'granted', reason: 'Oui.' }),
      decide(winner.id, k, { decision: 'granted', reason: 'Oui.' }, colleague),
    ])
    expect([d1.statusCode, d2.statusCode].sort()).toEqual([200, 409])
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select('action')
      .where('entity_id', '=', r.id)
      .where('action', '=', 'aids.request.decide')
      .execute()
    expect(audit).toHaveLength(1)
  })
})
