import fc from 'fast-check'
import { generate, generateSecret } from 'otplib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import type { Role } from '../../shared/auth/roles.ts'
import type { RouteAccess } from '../app.ts'
import { buildEnrolmentRow, buildEventRow, buildSituationRow } from '../test/accompaniment.builders.ts'
import { buildUser } from '../test/builders.ts'
import { readBundle } from '../test/exchange.builders.ts'
import { buildAttribute, buildPerson, buildStatus } from '../test/person.builders.ts'
import { sampling } from '../test/sampling.ts'
import { createTestContext, type TestClient, type TestContext } from '../test/test-app.ts'
import {
  anyJson,
  encodeLoosely,
  hostile,
  hostileString,
  type KnownIds,
  mutated,
  queryString,
  validLooking,
} from './generated-input.arbitraries.ts'

// Every route of the catalogue, called as a role allowed on it with generated bodies, query strings and parameters
// (any JSON, hostile text, extreme numbers and dates, valid-looking payloads with fields broken): no answer may be a
// 5xx. Inputs come from a fixed seed per route and a fixed number of runs, so a failure replays. A new route is
// covered the day it is added (its zod schemas are read from the catalogue).
const SEED = 20_261_130
// on PostgreSQL; PGlite draws a third of them from other seeds (test/sampling.ts)
const RUNS_PER_ROUTE = 16

let t: TestContext
let ids: KnownIds
const rowIds: Record<string, string> = {}
const clients = new Map<Role, TestClient>()
const client = async (role: Role) => {
  if (!clients.has(role)) clients.set(role, role === 'director' ? await withSecondFactor(role) : await t.as(role))
  return clients.get(role)!
}
/** A session that gave the second factor (person-data exchange asks for it). */
async function withSecondFactor(role: Role) {
  const secret = generateSecret()
  const user = await buildUser(t.db, t.fx, { role, totpSecret: secret })
  const c = await t.anonymous()
  await c.post('/api/auth/sign-in', { email: user.email, password: user.password })
  const code = await generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) })
  const res = await c.post('/api/auth/totp/verify', { code })
  if (res.statusCode !== 200) throw new Error(`totp failed: ${res.body}`)
  return c
}

beforeAll(async () => {
  t = await createTestContext()
  const counsellor = await client('counsellor')
  const admin = await client('admin')
  const counsellorId = counsellor.user!.id
  const person = await buildPerson(t.db, t.fx, { referentId: counsellorId, lastName: 'Dupont' })
  const p = person.id
  const themes = (await counsellor.get('/api/reference/proposition-themes')).json()
  const indicatorIds = (await admin.get('/api/indicators')).json().map((i: { id: string }) => i.id)
  const post = async (c: TestClient, url: string, body: unknown) => {
    const res = await c.post(url, body)
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.body}`)
    return res.json()
  }
  const agreement = await post(admin, '/api/agreements', {
    name: 'Convention FSE',
    funder: 'FSE',
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
  })
  Object.assign(rowIds, {
    persons: p,
    sites: t.fx.sites.a,
    programmes: t.fx.programmes.plie,
    users: (await buildUser(t.db, t.fx, { role: 'counsellor' })).id,
    attributes: await buildAttribute(t.db, t.fx, p, {
      attribute: 'housing',
      value: 'with_parents',
      validFrom: '2026-01-05',
    }),
    statuses: await buildStatus(t.db, t.fx, p, { status: 'rsa', startDate: '2026-01-05' }),
    notes: (await post(counsellor, `/api/persons/${p}/notes`, { text: 'Premier entretien.' })).note.id,
    events: (await buildEventRow(t.db, t.fx, p, { date: '2026-02-10' })).id,
    situations: (await buildSituationRow(t.db, t.fx, p, { start_date: '2026-02-01' })).id,
    enrolments: (await buildEnrolmentRow(t.db, t.fx, p, { programme_id: t.fx.programmes.ml, entry_date: '2026-01-05' }))
      .id,
    propositions: (
      await post(counsellor, `/api/persons/${p}/propositions`, {
        date: '2026-02-10',
        domain: themes[0].domain,
        theme: themes[0].code,
      })
    ).id,
    indicators: indicatorIds[0],
    agreements: agreement.id,
    objectives: (
      await post(admin, '/api/objectives', {
        agreementId: agreement.id,
        indicatorId: indicatorIds[0],
        year: 2026,
        target: 10,
      })
    ).id,
    // the agenda: an appointment of today with the person (attendance can be taken), a room
    appointments: (
      await post(counsellor, '/api/agenda/appointments', {
        kind: 'individual_interview',
        date: '2026-03-02',
        start: '08:00',
        end: '08:30',
        siteId: t.fx.sites.a,
        personIds: [p],
      })
    ).id,
    rooms: (await post(admin, '/api/agenda/rooms', { siteId: t.fx.sites.a, name: 'Bureau 1' })).id,
  })
  ids = {
    siteId: t.fx.sites.a,
    programmeId: t.fx.programmes.ml,
    counsellorId,
    agreementId: agreement.id,
    pool: Object.values(rowIds),
    byKey: { files: await readBundle(), theme: themes[0].code, domain: themes[0].domain, indicatorId: indicatorIds[0] },
  }
})
afterAll(() => t.close())

/** The id of an existing row for a parameter, from the path segment before it (…/events/:id → an event). */
function realParam(url: string, name: string): string {
  const segments = url.split('/')
  const before = segments[segments.indexOf(`:${name}`) - 1] ?? ''
  return rowIds[before] ?? '6f1c8a52-0d1e-4f5b-9a43-2b7d9c0e1f23'
}

/** Anonymous for public routes; a fresh session for the auth routes (they sign out, change passwords); else a role. */
async function callerOf(r: RouteAccess): Promise<TestClient> {
  if (r.access === 'public') return t.anonymous()
  if (r.url.startsWith('/api/auth/') || r.access === 'second-factor') return t.as('counsellor')
  const allowed: readonly Role[] = r.access === 'authenticated' || !r.access ? ['counsellor'] : r.access
  return client((['counsellor', 'admin', 'director'] as Role[]).find((x) => allowed.includes(x)) ?? allowed[0]!)
}

interface Call {
  url: string
  body?: unknown
}

/** Generated calls of a route: half from any JSON and hostile values, half from its schemas' valid-looking mutations. */
function callsOf(r: RouteAccess): Call[] {
  const schema = (r.schema ?? {}) as { body?: z.ZodType; querystring?: z.ZodType; params?: z.ZodType }
  const names = [...r.url.matchAll(/:([a-zA-Z]+)/g)].map((m) => m[1]!)
  const param = (name: string) =>
    fc.oneof(
      { weight: 4, arbitrary: fc.constant(realParam(r.url, name)) },
      { weight: 1, arbitrary: hostileString },
      { weight: 1, arbitrary: hostile.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))) },
    )
  const params = fc.tuple(...names.map(param))
  const query = schema.querystring
    ? fc.oneof(
        { weight: 1, arbitrary: validLooking(schema.querystring, ids) },
        { weight: 4, arbitrary: mutated(schema.querystring, ids) },
        { weight: 1, arbitrary: anyJson },
      )
    : fc.oneof(fc.constant(undefined), anyJson)
  const body = schema.body
    ? fc.oneof(
        { weight: 1, arbitrary: validLooking(schema.body, ids) },
        { weight: 5, arbitrary: mutated(schema.body, ids) },
        { weight: 1, arbitrary: anyJson },
        { weight: 1, arbitrary: hostile },
      )
    : fc.oneof(anyJson, hostile)
  const seed = SEED + [...`${r.method} ${r.url}`].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 0)
  return fc.sample(fc.record({ params, query, body }), sampling(RUNS_PER_ROUTE, seed)).map((c) => {
    let i = 0
    const path = r.url.replace(/:[a-zA-Z]+/g, () => encodeLoosely(c.params[i++] ?? ''))
    return {
      url: path + (c.query === undefined ? '' : queryString(c.query)),
      body: r.method === 'GET' ? undefined : c.body,
    }
  })
}

const shorten = (s: string) => (s.length > 400 ? `${s.slice(0, 400)}…(${s.length})` : s)

async function send(caller: TestClient, method: string, call: Call) {
  return caller.request({
    method: method as 'GET',
    url: call.url,
    ...(call.body === undefined
      ? {}
      : { payload: JSON.stringify(call.body), headers: { 'content-type': 'application/json' } }),
  })
}

// The inputs of the security review that answered 500, by hand: each is a 400 problem+json naming its field.
describe('inputs PostgreSQL refuses are refused first', () => {
  const refused = async (res: Awaited<ReturnType<TestClient['get']>>, field: string, message?: RegExp) => {
    expect(res.statusCode, res.body).toBe(400)
    expect(res.headers['content-type']).toContain('application/problem+json')
    const f = (res.json().fields as { field: string; message: string }[]).find((x) => x.field === field)
    expect(f, res.body).toBeDefined()
    if (message) expect(f!.message).toMatch(message)
  }
  const identity = (over: Record<string, unknown> = {}) => ({
    lastName: 'Martin',
    firstName: 'Léa',
    sex: 'F',
    birthDate: '2004-05-06',
    siteId: t.fx.sites.a,
    firstReception: { date: '2026-02-02', referralSource: 'self' },
    confirmNotDuplicate: true,
    ...over,
  })

  it('a NUL character in a search, a name, a note, a filter or a key', async () => {
    const counsellor = await client('counsellor')
    const admin = await client('admin')
    const p = rowIds.persons
    await refused(await counsellor.get('/api/persons?q=Du%00pont'), 'q', /Caractère interdit/)
    await refused(await counsellor.post('/api/persons', identity({ lastName: 'Du\u0000pont' })), 'lastName')
    await refused(await counsellor.post(`/api/persons/${p}/notes`, { text: 'RDV\u0000' }), 'text')
    await refused(await admin.get('/api/admin/audit?action=login%00'), 'action')
    await refused(await counsellor.get(`/api/persons/${p}/propositions?theme=%00`), 'theme')
    await refused(
      await counsellor.post(`/api/persons/${p}/notes`, { text: 'ok', 'te\u0000xt': 'x' }),
      'te\\u0000xt',
      /Nom de champ invalide/,
    )
  })

  it('a lone surrogate in a name or a text', async () => {
    const counsellor = await client('counsellor')
    await refused(await counsellor.post('/api/persons', identity({ firstName: 'L\uD800a' })), 'firstName')
    await refused(await counsellor.post('/api/persons/duplicates', identity({ lastName: '\uDC00' })), 'lastName')
    await refused(
      await counsellor.post(`/api/persons/${rowIds.persons}/situations`, {
        kind: 'cdd',
        startDate: '2026-02-01',
        organisationName: 'Boulangerie \uD83D',
      }),
      'organisationName',
    )
  })

  it('dates outside the calendar or the 1900–2100 range', async () => {
    const counsellor = await client('counsellor')
    const p = rowIds.persons
    for (const birthDate of ['0000-01-01', '1899-12-31', '2101-01-01', '9999-12-31'])
      await refused(
        await counsellor.post('/api/persons', identity({ birthDate })),
        'birthDate',
        /1900 et le 31\/12\/2100/,
      )
    for (const birthDate of ['2026-02-30', '2025-02-29', '2026-04-31'])
      await refused(await counsellor.post('/api/persons', identity({ birthDate })), 'birthDate', /n’existe pas/)
    await refused(await counsellor.post('/api/persons', identity({ birthDate: '10000-01-01' })), 'birthDate')
    await refused(
      await counsellor.post(`/api/persons/${p}/events`, { kind: 'individual_interview', date: '0000-01-01' }),
      'date',
    )
    await refused(await counsellor.get(`/api/persons/${p}/events?from=0000-01-01`), 'from')
    await refused(await counsellor.get(`/api/persons/${p}/attributes?on=2026-02-30`), 'on')
    await refused(await (await client('admin')).get('/api/admin/audit?from=0000-01-01'), 'from')
    // the bounds themselves are days like any other
    const oldest = await counsellor.post('/api/persons', identity({ lastName: 'Doyenne', birthDate: '1900-01-01' }))
    expect(oldest.statusCode, oldest.body).toBe(201)
  })

  it('versions and numbers beyond their int4 or numeric columns', async () => {
    const counsellor = await client('counsellor')
    const admin = await client('admin')
    const person = await buildPerson(t.db, t.fx, { referentId: counsellor.user!.id })
    const update = (version: unknown) => ({ ...identity(), version })
    for (const version of [2_147_483_647, 2_147_483_648, 2 ** 53 - 1, -1, 0, 1.5])
      await refused(await counsellor.put(`/api/persons/${person.id}`, update(version)), 'version', /Version invalide/)
    // the largest version whose successor fits the int4 column is a version like any other: stale here, so 409
    const stale = await counsellor.put(`/api/persons/${person.id}`, update(2_147_483_646))
    expect(stale.statusCode, stale.body).toBe(409)
    await refused(
      await counsellor.put(`/api/persons/${rowIds.persons}/notes/${rowIds.notes}`, { text: 'x', version: 2 ** 31 }),
      'version',
    )
    await refused(await admin.put(`/api/objectives/${rowIds.objectives}`, { target: 1e15, version: 1 }), 'target')
    await refused(await admin.get('/api/admin/users?page=10000000000'), 'page')
  })

  it('malformed identifiers in the address: 400 or 414, never 500', async () => {
    const counsellor = await client('counsellor')
    await refused(await counsellor.get('/api/persons/not-a-uuid'), 'id', /Identifiant invalide/)
    await refused(await counsellor.get('/api/persons/%00'), 'id')
    for (const url of ['/api/persons/%E0%A4%A', `/api/persons/${'a'.repeat(500)}`]) {
      const res = await counsellor.get(url)
      expect([400, 414]).toContain(res.statusCode)
      expect(res.headers['content-type']).toContain('application/problem+json')
      expect(res.json().detail).toMatch(/Adresse/)
    }
  })

  it('a commune named twice in a site', async () => {
    const res = await (await client('admin')).post('/api/admin/sites', {
      code: 'DBL',
      name: 'Antenne double',
      kind: 'desk',
      communeCodes: ['75056', '75056'],
    })
    await refused(res, 'communeCodes', /une seule fois/)
  })
})

describe('generated input on every route', () => {
  it('never answers 5xx, and answers every refusal as problem+json', async () => {
    // DELETE last, so that the rows other routes name still exist while they are called
    const routes = [...t.app.routeCatalogue].sort(
      (a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'),
    )
    expect(routes.length).toBeGreaterThan(50)
    const failures: string[] = []
    let calls = 0
    for (const r of routes) {
      const caller = await callerOf(r)
      for (const call of callsOf(r)) {
        calls++
        const line = () =>
          `${r.method} ${shorten(JSON.stringify(call.url))} ${shorten(JSON.stringify(call.body) ?? '')}`
        try {
          const res = await send(caller, r.method, call)
          if (res.statusCode >= 500) failures.push(`${line()} → ${res.statusCode} ${shorten(res.body)}`)
          else if (res.statusCode >= 400 && !String(res.headers['content-type']).startsWith('application/problem+json'))
            failures.push(`${line()} → ${res.statusCode} not problem+json: ${shorten(res.body)}`)
        } catch (error) {
          failures.push(`${line()} → threw ${(error as Error).message}`)
        }
      }
    }
    if (failures.length) console.error(`${failures.length} wrong answers over ${calls} calls:\n${failures.join('\n')}`)
    expect(calls).toBe(routes.length * sampling(RUNS_PER_ROUTE, SEED).numRuns)
    expect(failures).toEqual([])
  })
})
