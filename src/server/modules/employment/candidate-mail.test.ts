import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildEmployer, buildOffer } from '../../test/employment.builders.ts'
import { buildPerson } from '../../test/person.builders.ts'
import { createMailTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'

// The mail to the counsellor who positioned a person when the officer records the employer's answer
// (docs/employment/offers.md « Candidates »), through SMTP to the tests' sink.
let t: TestContext
let sink: Awaited<ReturnType<typeof createMailTestContext>>['sink']
let close: () => Promise<void>
let officer: TestClient
let counsellor: TestClient
let offerId: string

beforeAll(async () => {
  ;({ t, sink, close } = await createMailTestContext())
  officer = await t.as('employment_officer')
  counsellor = await t.as('counsellor')
  const employer = await buildEmployer(t.db, t.fx, { name: 'Hyper du Port' })
  offerId = (await buildOffer(t.db, t.fx, employer.id, { title: 'Hôte de caisse', siteIds: [t.fx.sites.a] })).id
})
afterAll(() => close())

/** the mail's text part, quoted-printable undone */
const textOf = (raw: string) =>
  Buffer.from(
    raw
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
    'latin1',
  ).toString('utf8')
const mailsTo = (c: TestClient) => sink.messages.filter((m) => m.to.includes(c.user!.email)).map((m) => textOf(m.raw))
const until = async (test: () => boolean) => {
  for (let i = 0; i < 50 && !test(); i++) await new Promise((r) => setTimeout(r, 20))
}

async function positioned(by: TestClient, lastName: string) {
  const person = await buildPerson(t.db, t.fx, { firstName: 'Léa', lastName })
  const res = await by.post(`/api/employment/offers/${offerId}/candidates`, { personId: person.id })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string; version: number }
}

describe('the status mail to the counsellor who positioned the person', () => {
  it('is sent when the officer records an interview, then a refusal, with the offer’s link', async () => {
    const c = await positioned(counsellor, 'Martin')
    const before = mailsTo(counsellor).length
    const sent = await officer.post(`/api/employment/candidates/${c.id}/status`, {
      status: 'sent',
      version: c.version,
    })
    expect(sent.statusCode, sent.body).toBe(200)
    const interview = await officer.post(`/api/employment/candidates/${c.id}/status`, {
      status: 'interview',
      interviewOn: '2026-03-10',
      note: 'Se présenter à l’accueil',
      version: sent.json().version,
    })
    expect(interview.statusCode, interview.body).toBe(200)
    await until(() => mailsTo(counsellor).length >= before + 2)
    const mails = mailsTo(counsellor).slice(before)
    expect(mails).toHaveLength(2)
    expect(mails[1]).toContain('La candidature de Léa M., que vous avez positionné(e) sur l’offre « Hôte de caisse »')
    expect(mails[1]).toContain('Entretien prévu le 10/03/2026.')
    expect(mails[1]).toContain('Note : Se présenter à l’accueil')
    expect(mails[1]).toContain(`/emploi/offres/${offerId}`)
    expect(mails[1]).not.toContain('Martin')
    const refused = await officer.post(`/api/employment/candidates/${c.id}/status`, {
      status: 'refused',
      refusalReason: 'experience',
      version: interview.json().version,
    })
    expect(refused.statusCode, refused.body).toBe(200)
    await until(() => mailsTo(counsellor).length >= before + 3)
    expect(mailsTo(counsellor)[before + 2]).toMatch(/est passée à « .+ » \(.+\)\./)
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select('detail')
      .where('action', '=', 'employment.candidate.status-mail')
      .where('entity_id', '=', c.id)
      .execute()
    expect(audit.map((a) => (a.detail as { outcome: string }).outcome)).toEqual(['sent', 'sent', 'sent'])
  })

  it('is not sent to whoever made the change: the counsellor withdrawing, the officer on their own candidate', async () => {
    const before = sink.messages.length
    const mine = await positioned(counsellor, 'Durand')
    const withdrawn = await counsellor.post(`/api/employment/candidates/${mine.id}/status`, {
      status: 'withdrawn',
      version: mine.version,
    })
    expect(withdrawn.statusCode, withdrawn.body).toBe(200)
    const theirs = await positioned(officer, 'Petit')
    const sent = await officer.post(`/api/employment/candidates/${theirs.id}/status`, {
      status: 'sent',
      version: theirs.version,
    })
    expect(sent.statusCode, sent.body).toBe(200)
    await new Promise((r) => setTimeout(r, 200))
    expect(sink.messages.length).toBe(before)
  })

  it('a refused move sends nothing', async () => {
    const c = await positioned(counsellor, 'Bernard')
    const before = sink.messages.length
    const stale = await officer.post(`/api/employment/candidates/${c.id}/status`, { status: 'sent', version: 99 })
    expect(stale.statusCode).toBe(409)
    await new Promise((r) => setTimeout(r, 200))
    expect(sink.messages.length).toBe(before)
  })
})
