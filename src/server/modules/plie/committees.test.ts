import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildEnrolmentRow } from '../../test/accompaniment.builders.ts'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'
import { agendaDocument, minutesDocument } from './committee-pdf.ts'

// PLIE committees (docs/plie.md, « Entry »): agenda, members, decisions, the pathway an accepted entry opens, the PDFs.
// The clock says Monday 2026-03-02, 10:00 in Paris.
let t: TestContext
let counsellor: TestClient
let otherSite: TestClient
let director: TestClient
let admin: TestClient
let plieReferent: string
let mlOnly: string

const MEMBER = '69123'
const DAY = '2026-03-02'

beforeAll(async () => {
  t = await createTestContext()
  counsellor = await t.as('counsellor')
  otherSite = await t.as('counsellor', { siteIds: [t.fx.sites.b] })
  director = await t.as('director')
  admin = await t.as('admin')
  plieReferent = (await t.as('counsellor', { programmeIds: [t.fx.programmes.plie] })).user!.id
  mlOnly = (await t.as('counsellor')).user!.id
  await t.db.kysely
    .insertInto('plie_commune')
    .values({ structure_id: t.fx.structureId, commune_code: MEMBER, commune_name: 'Lyon' })
    .execute()
})
afterAll(() => t.close())

const proposedPerson = async (lastName: string, siteId = t.fx.sites.a, by = counsellor) => {
  const p = await buildPerson(t.db, t.fx, {
    lastName,
    firstName: 'Camille',
    siteId,
    communeCode: MEMBER,
    statuses: [{ status: 'long_term_unemployed', startDate: '2024-01-01' }],
  })
  const r = await by.post(`/api/persons/${p.id}/plie/proposals`, { siteId, motivation: `Motif ${lastName}` })
  expect(r.statusCode, r.body).toBe(201)
  return { personId: p.id, proposalId: r.json().id as string }
}
const committee = async (date = DAY, siteId = t.fx.sites.a, as = counsellor) => {
  const r = await as.post('/api/plie/committees', { siteId, date })
  expect(r.statusCode, r.body).toBe(201)
  return r.json() as { id: string; version: number }
}
const addCase = (id: string, body: Record<string, unknown>, as = counsellor) =>
  as.post(`/api/plie/committees/${id}/cases`, body)
const caseOf = (c: { agenda: { id: string; personId: string; version: number }[] }, personId: string) =>
  c.agenda.find((k) => k.personId === personId)!
const decide = (id: string, k: { id: string; version: number }, body: Record<string, unknown>, as = counsellor) =>
  as.post(`/api/plie/committees/${id}/cases/${k.id}/decision`, { minute: 'Relevé.', version: k.version, ...body })
const enrolments = (personId: string) =>
  t.db.kysely
    .selectFrom('enrolment')
    .select(['id', 'entry_date', 'referent_id', 'programme_id'])
    .where('person_id', '=', personId)
    .execute()

describe('committees', () => {
  it('plans a committee of the actor’s site; another site 403 naming siteId; wrong role 403; bad input 400', async () => {
    const c = await committee()
    expect(c).toMatchObject({ siteId: t.fx.sites.a, date: DAY, status: 'planned', cases: 0, agenda: [], members: [] })
    const foreign = await counsellor.post('/api/plie/committees', { siteId: t.fx.sites.b, date: DAY })
    expect(foreign.statusCode).toBe(403)
    expect(foreign.json().fields[0].field).toBe('siteId')
    expect((await admin.post('/api/plie/committees', { siteId: t.fx.sites.a, date: DAY })).statusCode).toBe(403)
    const bad = await counsellor.post('/api/plie/committees', { siteId: t.fx.sites.a, date: '2026-02-30' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().fields[0].field).toBe('date')
    const unknown = await director.post('/api/plie/committees', {
      siteId: '00000000-0000-4000-8000-000000000000',
      date: DAY,
    })
    expect(unknown.json().fields[0].field).toBe('siteId')
  })

  it('lists and reads within the actor’s sites: another site’s committee is 404', async () => {
    const a = await committee('2026-03-20')
    const b = await committee('2026-03-21', t.fx.sites.b, otherSite)
    const mine = (await counsellor.get('/api/plie/committees?from=2026-03-01&to=2026-03-31')).json().items
    expect(mine.map((i: { id: string }) => i.id)).toContain(a.id)
    expect(mine.map((i: { id: string }) => i.id)).not.toContain(b.id)
    const all = (await director.get('/api/plie/committees?from=2026-03-20&to=2026-03-21')).json().items
    expect(all.map((i: { id: string }) => i.id).sort()).toEqual([a.id, b.id].sort())
    expect((await otherSite.get(`/api/plie/committees/${a.id}`)).statusCode).toBe(404)
    expect((await otherSite.get(`/api/plie/committees/${a.id}/agenda.pdf`)).statusCode).toBe(404)
    expect((await admin.get(`/api/plie/committees/${a.id}`)).statusCode).toBe(403)
    expect((await admin.get('/api/plie/committees')).statusCode).toBe(403)
    const bad = await counsellor.get('/api/plie/committees?from=2026-03-10&to=2026-03-01')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().fields[0].field).toBe('to')
  })

  it('records members with the version read: users named from their account, outsiders as written', async () => {
    const c = await committee('2026-03-25')
    const put = (body: Record<string, unknown>, as = counsellor) => as.put(`/api/plie/committees/${c.id}/members`, body)
    const r = await put({
      members: [
        { userId: plieReferent, present: true },
        { name: 'M. Durand', organisation: 'Conseil départemental', present: false },
      ],
      version: c.version,
    })
    expect(r.statusCode, r.body).toBe(200)
    expect(r.json().members).toEqual([
      { userId: plieReferent, name: 'Utilisateur counsellor', organisation: null, present: true },
      { userId: null, name: 'M. Durand', organisation: 'Conseil départemental', present: false },
    ])
    expect((await put({ members: [], version: c.version })).statusCode).toBe(409)
    const noName = await put({ members: [{ organisation: 'X' }], version: r.json().version })
    expect(noName.statusCode).toBe(400)
    expect(noName.json().fields[0].field).toBe('members.0.name')
    const unknownUser = await put({
      members: [{ userId: '00000000-0000-4000-8000-000000000000' }],
      version: r.json().version,
    })
    expect(unknownUser.json().fields[0].field).toBe('members.0.userId')
    expect((await put({ members: [], version: r.json().version }, otherSite)).statusCode).toBe(404)
    expect((await put({ members: [], version: r.json().version }, admin)).statusCode).toBe(403)
  })
})

describe('the agenda and the decisions', () => {
  it('a committee of three: accepted opens one pathway at the committee’s date, refused needs a reason, deferred waits', async () => {
    const ana = await proposedPerson('Accepte')
    const rob = await proposedPerson('Refuse')
    const dan = await proposedPerson('Ajourne')
    let c = await committee()
    for (const p of [ana, rob, dan]) {
      const r = await addCase(c.id, { proposalId: p.proposalId })
      expect(r.statusCode, r.body).toBe(201)
      c = r.json()
    }
    const agenda = (await counsellor.get(`/api/plie/committees/${c.id}`)).json()
    expect(agenda.agenda.map((k: { personName: string }) => k.personName)).toEqual([
      'ACCEPTE Camille',
      'REFUSE Camille',
      'AJOURNE Camille',
    ])
    expect(agenda.agenda[0]).toMatchObject({ kind: 'entry', motivation: 'Motif Accepte', decision: null })
    // the proposal shows it is on an agenda; a second agenda refuses it
    const proposal = (await counsellor.get(`/api/persons/${ana.personId}/plie/proposals`)).json().items[0]
    expect(proposal.committeeId).toBe(c.id)
    const later = await committee('2026-04-10')
    expect((await addCase(later.id, { proposalId: ana.proposalId })).statusCode).toBe(409)

    // accepted: a referent is required, and must follow PLIE pathways
    const k1 = caseOf(agenda, ana.personId)
    const noRef = await decide(c.id, k1, { decision: 'accepted' })
    expect(noRef.statusCode).toBe(400)
    expect(noRef.json().fields[0].field).toBe('referentId')
    const wrongRef = await decide(c.id, k1, { decision: 'accepted', referentId: mlOnly })
    expect(wrongRef.statusCode).toBe(400)
    expect(wrongRef.json().fields[0].field).toBe('referentId')
    const ok = await decide(c.id, k1, { decision: 'accepted', referentId: plieReferent, minute: 'Entrée validée.' })
    expect(ok.statusCode, ok.body).toBe(200)
    expect(caseOf(ok.json(), ana.personId)).toMatchObject({ decision: 'accepted', referentId: plieReferent })
    const opened = await enrolments(ana.personId)
    expect(opened).toEqual([
      { id: expect.any(String), entry_date: DAY, referent_id: plieReferent, programme_id: t.fx.programmes.plie },
    ])
    const pathway = await t.db.kysely
      .selectFrom('plie_pathway')
      .select(['committee_case_id'])
      .where('enrolment_id', '=', opened[0]!.id)
      .executeTakeFirstOrThrow()
    expect(pathway.committee_case_id).toBe(k1.id)
    const referents = await t.db.kysely
      .selectFrom('plie_referent')
      .select(['from_date', 'referent_id'])
      .where('enrolment_id', '=', opened[0]!.id)
      .execute()
    expect(referents).toEqual([{ from_date: DAY, referent_id: plieReferent }])
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select(['action', 'entity'])
      .where('action', 'in', [
        'plie.committee.decision',
        'plie.proposal.decision',
        'enrolment.create',
        'plie.pathway.open',
        'plie.referent.create',
      ])
      .where((eb) =>
        eb.or([eb('entity_id', '=', k1.id), eb('entity_id', '=', ana.proposalId), eb('entity_id', '=', opened[0]!.id)]),
      )
      .execute()
    expect(audit.map((a) => a.entity).sort()).toEqual([
      'enrolment',
      'plie_committee_case',
      'plie_pathway',
      'plie_proposal',
      'plie_referent',
    ])
    // its pathway is open: the decision stays, the referent changes on the pathway
    const again = caseOf(ok.json(), ana.personId)
    expect((await decide(c.id, again, { decision: 'refused', refusalReason: 'Erreur' })).statusCode).toBe(409)

    // refused: a reason is required
    const k2 = caseOf(ok.json(), rob.personId)
    const noReason = await decide(c.id, k2, { decision: 'refused' })
    expect(noReason.statusCode).toBe(400)
    expect(noReason.json().fields[0].field).toBe('refusalReason')
    const refused = await decide(c.id, k2, { decision: 'refused', refusalReason: 'Hors territoire' })
    expect(refused.statusCode, refused.body).toBe(200)
    // deferred; then corrected (the committee is not held) to deferred with another minute
    const k3 = caseOf(refused.json(), dan.personId)
    const deferred = await decide(c.id, k3, { decision: 'deferred', minute: 'Pièces manquantes.' })
    expect(deferred.statusCode).toBe(200)
    const corrected = await decide(c.id, caseOf(deferred.json(), rob.personId), { decision: 'deferred' })
    expect(corrected.statusCode, corrected.body).toBe(200)
    const statuses = await t.db.kysely
      .selectFrom('plie_proposal')
      .select(['id', 'status'])
      .where('id', 'in', [ana.proposalId, rob.proposalId, dan.proposalId])
      .execute()
    const status = Object.fromEntries(statuses.map((s) => [s.id, s.status]))
    expect([status[ana.proposalId], status[rob.proposalId], status[dan.proposalId]]).toEqual([
      'accepted',
      'deferred',
      'deferred',
    ])
    expect(await enrolments(rob.personId)).toEqual([])

    // the PDFs open and name the persons; the minutes the members and minutes
    const read = (await counsellor.get(`/api/plie/committees/${c.id}`)).json()
    for (const kind of ['agenda', 'minutes']) {
      const pdf = await counsellor.get(`/api/plie/committees/${c.id}/${kind}.pdf`)
      expect(pdf.statusCode).toBe(200)
      expect(pdf.headers['content-type']).toBe('application/pdf')
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    }
    expect(JSON.stringify(agendaDocument(read, 'X'))).toContain('ACCEPTE Camille')
    const minutes = JSON.stringify(minutesDocument(read, 'X'))
    expect(minutes).toContain('ACCEPTE Camille')
    expect(minutes).toContain('Entrée validée.')
    expect(minutes).toContain('Pièces manquantes.')
    expect((await admin.get(`/api/plie/committees/${c.id}/minutes.pdf`)).statusCode).toBe(403)

    // held: closes it; then nothing changes; a deferred proposal goes to a later committee
    const held = await counsellor.post(`/api/plie/committees/${c.id}/held`, { version: read.version })
    expect(held.statusCode, held.body).toBe(200)
    expect(held.json().status).toBe('held')
    expect(
      (await decide(c.id, caseOf(held.json(), dan.personId), { decision: 'refused', refusalReason: 'x' })).statusCode,
    ).toBe(409)
    expect((await addCase(c.id, { proposalId: dan.proposalId })).statusCode).toBe(409)
    const r = await addCase(later.id, { proposalId: dan.proposalId })
    expect(r.statusCode, r.body).toBe(201)
  })

  it('held only once every case is decided; a stale version 409', async () => {
    const p = await proposedPerson('Attente')
    const c = await committee()
    const withCase = (await addCase(c.id, { proposalId: p.proposalId })).json()
    expect((await counsellor.post(`/api/plie/committees/${c.id}/held`, { version: withCase.version })).statusCode).toBe(
      409,
    )
    const del = await counsellor.delete(`/api/plie/committees/${c.id}/cases/${withCase.agenda[0].id}`)
    expect(del.statusCode, del.body).toBe(204)
    expect(
      (await counsellor.post(`/api/plie/committees/${c.id}/held`, { version: withCase.version + 5 })).statusCode,
    ).toBe(409)
    expect((await counsellor.post(`/api/plie/committees/${c.id}/held`, { version: withCase.version })).statusCode).toBe(
      200,
    )
  })

  it('two decisions at once on the same case: one 200, one 409, exactly one enrolment', async () => {
    const p = await proposedPerson('Concurrent')
    const c = await committee()
    const k = caseOf((await addCase(c.id, { proposalId: p.proposalId })).json(), p.personId)
    const colleague = await t.as('counsellor')
    const [a, b] = await Promise.all([
      decide(c.id, k, { decision: 'accepted', referentId: plieReferent }),
      decide(c.id, k, { decision: 'accepted', referentId: plieReferent }, colleague),
    ])
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409])
    expect(await enrolments(p.personId)).toHaveLength(1)
  })

  it('cases: another site’s proposal, a decided one, a future committee, a review of an open pathway', async () => {
    const foreign = await proposedPerson('Autre', t.fx.sites.b, otherSite)
    const c = await committee()
    expect((await addCase(c.id, { proposalId: foreign.proposalId })).statusCode).toBe(404)
    const wrongSite = await addCase(c.id, { proposalId: foreign.proposalId }, director)
    expect(wrongSite.statusCode).toBe(409)
    expect(wrongSite.json().fields[0].field).toBe('proposalId')
    expect((await addCase(c.id, { proposalId: foreign.proposalId }, otherSite)).statusCode).toBe(404)
    const both = await addCase(c.id, {})
    expect(both.statusCode).toBe(400)
    expect(both.json().fields[0].field).toBe('proposalId')
    expect((await addCase(c.id, { proposalId: 'x' })).json().fields[0].field).toBe('proposalId')

    // a review: an open PLIE pathway; no referent needed, nothing opened
    const p = await buildPerson(t.db, t.fx, { lastName: 'Parcours' })
    const e = await buildEnrolmentRow(t.db, t.fx, p.id, {
      programme_id: t.fx.programmes.plie,
      entry_date: '2025-10-01',
    })
    const r = await addCase(c.id, { enrolmentId: e.id })
    expect(r.statusCode, r.body).toBe(201)
    const k = caseOf(r.json(), p.id)
    expect(k).toMatchObject({ kind: 'review', pathwayEntryDate: '2025-10-01' })
    expect((await addCase(c.id, { enrolmentId: e.id })).statusCode).toBe(409)
    const d = await decide(c.id, k, { decision: 'accepted', minute: 'Poursuite du parcours.' })
    expect(d.statusCode, d.body).toBe(200)
    expect(await enrolments(p.id)).toHaveLength(1)
    expect((await counsellor.delete(`/api/plie/committees/${c.id}/cases/${k.id}`)).statusCode).toBe(409)
    expect((await otherSite.delete(`/api/plie/committees/${c.id}/cases/${k.id}`)).statusCode).toBe(404)
    // a stale version
    expect((await decide(c.id, k, { decision: 'accepted' })).statusCode).toBe(409)
    // a committee still to come takes no decision
    const future = await committee('2026-03-30')
    const q = await proposedPerson('Futur')
    const fk = caseOf((await addCase(future.id, { proposalId: q.proposalId })).json(), q.personId)
    const early = await decide(future.id, fk, { decision: 'deferred' })
    expect(early.statusCode).toBe(409)
    expect(early.json().fields[0].field).toBe('decision')
    expect((await decide(future.id, fk, { decision: 'maybe' })).json().fields[0].field).toBe('decision')
    expect((await decide(future.id, fk, { decision: 'deferred' }, admin)).statusCode).toBe(403)
    expect((await decide(future.id, fk, { decision: 'deferred' }, otherSite)).statusCode).toBe(404)
    // a withdrawn proposal cannot be withdrawn while on the agenda
    const pr = (await counsellor.get(`/api/persons/${q.personId}/plie/proposals`)).json().items[0]
    expect((await counsellor.post(`/api/plie/proposals/${pr.id}/withdraw`, { version: pr.version })).statusCode).toBe(
      409,
    )
  })
})
