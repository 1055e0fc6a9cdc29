import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildStructure } from '../../test/builders.ts'
import {
  buildClauseContract,
  buildClauseHours,
  buildClauseLot,
  buildClauseOperation,
  buildClauseParticipant,
  buildEmployer,
} from '../../test/employment.builders.ts'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'
import { statementLines } from './clause-statement-pdf.ts'

// The procurement clauses' records and figures (docs/employment/clauses.md): operations, lots, participants,
// contracts, the required vs done hours, the sensitive criteria's audited reads, the authority's PDF.
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

const base = '/api/employment/clauses'
const operationBody = {
  name: 'Rénovation du groupe scolaire',
  contractingAuthority: 'Ville de Dunkerque',
  contractRef: 'M-2026-014',
  siteLabel: 'Groupe scolaire Lamartine',
  startsOn: '2026-01-05',
}

describe('operations and lots', () => {
  it('an operation, its lots, the required vs done hours by lot, company and in the dashboard', async () => {
    const created = await officer.post(`${base}/operations`, operationBody)
    expect(created.statusCode, created.body).toBe(201)
    const op = created.json()
    expect(op).toMatchObject({ status: 'running', requiredHours: 0, doneHours: 0, version: 1 })
    const e1 = await buildEmployer(t.db, t.fx, { name: 'Bâtiments du Nord' })
    const e2 = await buildEmployer(t.db, t.fx, { name: 'Peintures Flandre' })
    await officer.post(`${base}/operations/${op.id}/lots`, {
      label: 'Gros œuvre',
      employerId: e1.id,
      requiredHours: 1200,
    })
    const withLots = (
      await officer.post(`${base}/operations/${op.id}/lots`, {
        label: 'Peinture',
        employerId: e2.id,
        requiredHours: 300,
      })
    ).json()
    expect(withLots.requiredHours).toBe(1500)
    const [grosOeuvre] = withLots.lots
    const person = await buildPerson(t.db, t.fx)
    await buildClauseParticipant(t.db, t.fx, person.id)
    await buildClauseHours(t.db, t.fx, grosOeuvre.id, person.id, '2026-01-01', 151.67)
    await buildClauseHours(t.db, t.fx, grosOeuvre.id, person.id, '2026-02-01', 140)
    const detail = (await director.get(`${base}/operations/${op.id}`)).json()
    expect(detail.doneHours).toBe(291.67)
    expect(detail.lots.map((l: { label: string; doneHours: number }) => [l.label, l.doneHours])).toEqual([
      ['Gros œuvre', 291.67],
      ['Peinture', 0],
    ])
    expect(detail.companies).toEqual([
      { employerId: e1.id, name: 'Bâtiments du Nord', requiredHours: 1200, doneHours: 291.67 },
      { employerId: e2.id, name: 'Peintures Flandre', requiredHours: 300, doneHours: 0 },
    ])
    expect(detail.months).toEqual([
      { month: '2026-01-01', hours: 151.67 },
      { month: '2026-02-01', hours: 140 },
    ])
    const dash = (await director.get(base)).json()
    const mine = dash.operations.find((o: { id: string }) => o.id === op.id)
    expect(mine).toMatchObject({ requiredHours: 1500, doneHours: 291.67, lotCount: 2, participantCount: 1 })
    const sum = (k: 'requiredHours' | 'doneHours') =>
      Math.round(dash.operations.reduce((s: number, o: Record<string, number>) => s + o[k]!, 0) * 100) / 100
    expect(dash.totals.requiredHours).toBe(sum('requiredHours'))
    expect(dash.totals.doneHours).toBe(sum('doneHours'))
  })

  it('edits name the version read: 409 when stale', async () => {
    const op = (await officer.post(`${base}/operations`, operationBody)).json()
    const changed = await officer.put(`${base}/operations/${op.id}`, { ...operationBody, status: 'closed', version: 1 })
    expect(changed.statusCode, changed.body).toBe(200)
    expect(changed.json()).toMatchObject({ status: 'closed', version: 2 })
    expect((await officer.put(`${base}/operations/${op.id}`, { ...operationBody, version: 1 })).statusCode).toBe(409)
    const lot = (await officer.post(`${base}/operations/${op.id}/lots`, { label: 'Lot 1', requiredHours: 10 })).json()
      .lots[0]
    const body = { label: 'Lot 1', employerId: null, requiredHours: 20 }
    expect((await officer.put(`${base}/lots/${lot.id}`, { ...body, version: 1 })).statusCode).toBe(200)
    expect((await officer.put(`${base}/lots/${lot.id}`, { ...body, version: 1 })).statusCode).toBe(409)
  })

  it('bad input 400 naming the field', async () => {
    const field = async (url: string, body: object) => {
      const r = await officer.post(url, body)
      expect(r.statusCode, r.body).toBe(400)
      expect(r.headers['content-type']).toContain('application/problem+json')
      return r.json().fields[0].field
    }
    expect(await field(`${base}/operations`, { ...operationBody, name: ' ' })).toBe('name')
    expect(await field(`${base}/operations`, { ...operationBody, endsOn: '2025-01-01' })).toBe('endsOn')
    expect(await field(`${base}/operations`, { ...operationBody, status: 'x' })).toBe('status')
    const op = (await officer.post(`${base}/operations`, operationBody)).json()
    expect(await field(`${base}/operations/${op.id}/lots`, { label: 'L', requiredHours: -1 })).toBe('requiredHours')
    expect(
      await field(`${base}/operations/${op.id}/lots`, {
        label: 'L',
        requiredHours: 1,
        employerId: crypto.randomUUID(),
      }),
    ).toBe('employerId')
    const person = await buildPerson(t.db, t.fx)
    expect(
      await field(`${base}/participants`, { personId: person.id, criterion: 'x', validatedOn: '2026-01-01' }),
    ).toBe('criterion')
    expect(
      await field(`${base}/contracts`, {
        lotId: crypto.randomUUID(),
        personId: person.id,
        contractKind: 'cdd',
        startsOn: '2026-01-01',
      }),
    ).toBe('lotId')
  })

  it('access: counsellor and reception 403; the director reads only; another structure’s records 404', async () => {
    const op = await buildClauseOperation(t.db, t.fx)
    for (const c of [counsellor, reception]) {
      expect((await c.get(base)).statusCode).toBe(403)
      expect((await c.get(`${base}/operations/${op.id}`)).statusCode).toBe(403)
      expect((await c.get(`${base}/operations/${op.id}/statement.pdf`)).statusCode).toBe(403)
      expect((await c.get(`${base}/participants`)).statusCode).toBe(403)
      expect((await c.post(`${base}/operations`, operationBody)).statusCode).toBe(403)
    }
    expect((await director.post(`${base}/operations`, operationBody)).statusCode).toBe(403)
    expect((await director.put(`${base}/operations/${op.id}`, { ...operationBody, version: 1 })).statusCode).toBe(403)
    expect((await director.post(`${base}/operations/${op.id}/lots`, { label: 'L', requiredHours: 1 })).statusCode).toBe(
      403,
    )
    const other = await buildStructure(t.db)
    const foreign = await buildClauseOperation(t.db, other)
    const foreignLot = await buildClauseLot(t.db, other, foreign.id)
    const foreignPerson = await buildPerson(t.db, other)
    const foreignParticipant = await buildClauseParticipant(t.db, other, foreignPerson.id)
    expect((await officer.get(`${base}/operations/${foreign.id}`)).statusCode).toBe(404)
    expect((await officer.get(`${base}/operations/${foreign.id}/statement.pdf`)).statusCode).toBe(404)
    expect((await officer.put(`${base}/operations/${foreign.id}`, { ...operationBody, version: 1 })).statusCode).toBe(
      404,
    )
    expect(
      (await officer.post(`${base}/operations/${foreign.id}/lots`, { label: 'L', requiredHours: 1 })).statusCode,
    ).toBe(404)
    expect(
      (
        await officer.put(`${base}/lots/${foreignLot.id}`, {
          label: 'L',
          employerId: null,
          requiredHours: 1,
          version: 1,
        })
      ).statusCode,
    ).toBe(404)
    expect(
      (
        await officer.put(`${base}/participants/${foreignParticipant.id}`, {
          criterion: 'other',
          validatedOn: '2026-01-01',
          version: 1,
        })
      ).statusCode,
    ).toBe(404)
    expect(
      (
        await officer.post(`${base}/participants`, {
          personId: foreignPerson.id,
          criterion: 'other',
          validatedOn: '2026-01-01',
        })
      ).statusCode,
    ).toBe(404)
  })
})

describe('participants and contracts', () => {
  it('one criterion per person (409), changed with its version; a sensitive criterion read is audited', async () => {
    const person = await buildPerson(t.db, t.fx)
    const r = await officer.post(`${base}/participants`, {
      personId: person.id,
      criterion: 'youth_below_bac',
      validatedOn: '2026-01-10',
    })
    expect(r.statusCode, r.body).toBe(201)
    const p = r.json()
    const twice = await officer.post(`${base}/participants`, {
      personId: person.id,
      criterion: 'rsa',
      validatedOn: '2026-01-10',
    })
    expect(twice.statusCode).toBe(409)
    expect(twice.json().fields[0].field).toBe('personId')
    const audits = async () =>
      (
        await t.db.kysely
          .selectFrom('audit_event')
          .select('action')
          .where('entity', '=', 'person')
          .where('entity_id', '=', person.id)
          .where('action', '=', 'sensitive.read')
          .execute()
      ).length
    expect(await audits()).toBe(0)
    const changed = await officer.put(`${base}/participants/${p.id}`, {
      criterion: 'rsa',
      validatedOn: '2026-01-10',
      version: 1,
    })
    expect(changed.statusCode, changed.body).toBe(200)
    expect(await audits()).toBe(1)
    expect(
      (await officer.put(`${base}/participants/${p.id}`, { criterion: 'rqth', validatedOn: '2026-01-10', version: 1 }))
        .statusCode,
    ).toBe(409)
    const list = (await director.get(`${base}/participants`)).json()
    expect(list.find((x: { id: string }) => x.id === p.id).criterion).toBe('rsa')
    expect(await audits()).toBe(2)
    const op = await buildClauseOperation(t.db, t.fx)
    const lot = await buildClauseLot(t.db, t.fx, op.id)
    await buildClauseHours(t.db, t.fx, lot.id, person.id, '2026-01-01', 7)
    await director.get(`${base}/operations/${op.id}`)
    expect(await audits()).toBe(3)
    // the dashboard and the PDF show no one's criterion: no audit line
    await director.get(base)
    await director.get(`${base}/operations/${op.id}/statement.pdf`)
    expect(await audits()).toBe(3)
  })

  it('a contract needs a participant on a lot of the structure; it shows in the operation', async () => {
    const op = await buildClauseOperation(t.db, t.fx)
    const lot = await buildClauseLot(t.db, t.fx, op.id)
    const person = await buildPerson(t.db, t.fx)
    const body = {
      lotId: lot.id,
      personId: person.id,
      contractKind: 'professionalisation',
      startsOn: '2026-02-01',
      durationMonths: 12,
    }
    const refused = await officer.post(`${base}/contracts`, body)
    expect(refused.statusCode).toBe(400)
    expect(refused.json().fields[0].field).toBe('personId')
    await buildClauseParticipant(t.db, t.fx, person.id)
    const r = await officer.post(`${base}/contracts`, body)
    expect(r.statusCode, r.body).toBe(201)
    expect(r.json().contracts).toMatchObject([{ contractKind: 'professionalisation', durationMonths: 12 }])
    expect(r.json().participants.map((p: { personId: string }) => p.personId)).toEqual([person.id])
    expect((await counsellor.post(`${base}/contracts`, body)).statusCode).toBe(403)
  })
})

describe('the authority’s statement (PDF)', () => {
  it('hours by company and by public, counts only, French numbers', async () => {
    const op = await buildClauseOperation(t.db, t.fx, { siteLabel: 'Pôle gare' })
    const employer = await buildEmployer(t.db, t.fx, { name: 'Routes et Réseaux' })
    const lot = await buildClauseLot(t.db, t.fx, op.id, { employerId: employer.id, requiredHours: 2000 })
    const a = await buildPerson(t.db, t.fx, { lastName: 'Secret' })
    const b = await buildPerson(t.db, t.fx)
    await buildClauseParticipant(t.db, t.fx, a.id, { criterion: 'rsa' })
    await buildClauseParticipant(t.db, t.fx, b.id, { criterion: 'senior' })
    await buildClauseHours(t.db, t.fx, lot.id, a.id, '2026-01-01', 600.5)
    await buildClauseHours(t.db, t.fx, lot.id, b.id, '2026-02-01', 634)
    await buildClauseContract(t.db, t.fx, lot.id, a.id, { contractKind: 'cdd', durationMonths: 6 })
    const res = await officer.get(`${base}/operations/${op.id}/statement.pdf`)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toBe('application/pdf')
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    const { operationFigures } = await import('./clauses.service.ts')
    const f = await operationFigures(
      {
        tx: t.db.kysely as never,
        actor: { structureId: t.fx.structureId } as never,
        now: new Date(),
        audit: async () => {},
      },
      op.id,
    )
    const l = statementLines(f)
    expect(l.done).toBe('1\u00a0234,5')
    expect(l.rate).toBe('61,7 %')
    expect(l.companies).toEqual([['Routes et Réseaux', '2\u00a0000', '1\u00a0234,5', '61,7 %']])
    expect(l.categories).toEqual([
      ['Bénéficiaire du RSA', '1', '600,5'],
      ['Demandeur d’emploi de plus de 50 ans', '1', '634'],
    ])
    expect(l).toMatchObject({ participants: 2, contracts: 1, durable: 1, period: 'de janvier 2026 à février 2026' })
    expect(JSON.stringify(l)).not.toContain('Secret')
  })
})
