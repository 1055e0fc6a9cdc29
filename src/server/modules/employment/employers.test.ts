import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isNafCode } from '../../../shared/employment/naf.ts'
import { isSiret, withLuhnKey } from '../../../shared/siret.ts'
import type { DemoContext } from '../../demo/demo-context.ts'
import { buildStructure } from '../../test/builders.ts'
import {
  buildClauseHours,
  buildClauseLot,
  buildClauseOperation,
  buildEmployer,
  buildImmersion,
  buildOffer,
  buildPlacement,
} from '../../test/employment.builders.ts'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'
import { DEMO_EMPLOYERS, loadEmployersDemo } from './employment-demo.employers.ts'

// The employers' routes (docs/employment/employers.md).
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

let n = 0
/** a valid SIRET of its own for each call (the builders' SIRETs start 4, these 8) */
const siret = () => withLuhnKey(`8${String(++n).padStart(12, '0')}`)
const company = (s = siret()) => ({
  siret: s,
  name: 'Aides et Services du Littoral',
  nafCode: '88.10A',
  workforceBand: '12',
  address: '12 rue de la Marine',
  communeCode: '59183',
})
const sendCsv = (c: TestClient, url: string, csv: string) =>
  c.request({ method: 'POST', url, payload: csv, headers: { 'content-type': 'text/csv' } })
const employerCount = async () =>
  Number(
    (
      await t.db.kysely
        .selectFrom('employer')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('structure_id', '=', t.fx.structureId)
        .executeTakeFirstOrThrow()
    ).n,
  )

describe('company files', () => {
  it('created from its SIRET (typed with spaces), read by the readers, changed with its version, audited', async () => {
    const s = siret()
    const typed = `${s.slice(0, 3)} ${s.slice(3, 6)} ${s.slice(6, 9)} ${s.slice(9)}`
    const res = await officer.post('/api/employment/employers', { ...company(), siret: typed, nafCode: '8810a' })
    expect(res.statusCode, res.body).toBe(201)
    const e = res.json()
    expect(e).toMatchObject({
      siret: s,
      nafCode: '88.10A',
      nafLabel: 'Aide à domicile',
      communeName: 'Dunkerque',
      officerId: officer.user!.id,
      active: true,
      version: 1,
      contacts: [],
      interactions: [],
    })
    expect(e.postcode).toMatch(/^59/)
    for (const reader of [director, counsellor])
      expect((await reader.get(`/api/employment/employers/${e.id}`)).statusCode).toBe(200)
    const changed = await officer.put(`/api/employment/employers/${e.id}`, {
      ...company(s),
      name: 'ASL Aides et Services',
      version: 1,
    })
    expect(changed.statusCode, changed.body).toBe(200)
    expect(changed.json()).toMatchObject({ name: 'ASL Aides et Services', version: 2 })
    const stale = await officer.put(`/api/employment/employers/${e.id}`, { ...company(s), version: 1 })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().title).toBe('Modification concurrente')
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select('action')
      .where('entity', '=', 'employer')
      .where('entity_id', '=', e.id)
      .execute()
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'update'])
  })

  it('a bad SIRET answers problem+json naming `siret`; a SIRET the structure has answers 409 naming it', async () => {
    const good = siret()
    const wrongKey = `${good.slice(0, 13)}${(Number(good[13]) + 1) % 10}`
    const bad = await officer.post('/api/employment/employers', { ...company(), siret: wrongKey })
    expect(bad.statusCode).toBe(400)
    expect(bad.headers['content-type']).toContain('application/problem+json')
    expect(bad.json().fields[0]).toMatchObject({ field: 'siret' })
    expect(bad.json().fields[0].message).toMatch(/clé de contrôle/)
    const short = await officer.post('/api/employment/employers', { ...company(), siret: '1234', nafCode: '99.99Z' })
    expect(
      short
        .json()
        .fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['nafCode', 'siret'])
    expect((await officer.post('/api/employment/employers', company(good))).statusCode).toBe(201)
    const twice = await officer.post('/api/employment/employers', { ...company(good), name: 'Autre' })
    expect(twice.statusCode).toBe(409)
    expect(twice.json().fields[0].field).toBe('siret')
    const check = await counsellor.get(`/api/employment/employers/siret-check?siret=${good}`)
    expect(check.json()).toMatchObject({ valid: true, existing: { name: 'Aides et Services du Littoral' } })
    const wrong = await officer.get(`/api/employment/employers/siret-check?siret=${wrongKey}`)
    expect(wrong.json()).toMatchObject({ valid: false, existing: null })
  })

  it('parallel creations of one SIRET: one 201, one 409', async () => {
    const s = siret()
    const res = await Promise.all([1, 2].map(() => officer.post('/api/employment/employers', company(s))))
    expect(res.map((r) => r.statusCode).sort()).toEqual([201, 409])
    expect(res.find((r) => r.statusCode === 409)!.json().fields[0].field).toBe('siret')
  })

  it('refuses the roles without the capability (403) and answers 404 for another structure’s employer', async () => {
    const e = await buildEmployer(t.db, t.fx)
    expect((await reception.get('/api/employment/employers')).statusCode).toBe(403)
    expect((await reception.get(`/api/employment/employers/${e.id}`)).statusCode).toBe(403)
    for (const c of [counsellor, director, reception]) {
      expect((await c.post('/api/employment/employers', company())).statusCode).toBe(403)
      expect((await c.post(`/api/employment/employers/${e.id}/contacts`, { name: 'X' })).statusCode).toBe(403)
      expect((await sendCsv(c, '/api/employment/employers/import', 'siret\n')).statusCode).toBe(403)
    }
    const other = await buildStructure(t.db)
    const theirs = await buildEmployer(t.db, other)
    expect((await officer.get(`/api/employment/employers/${theirs.id}`)).statusCode).toBe(404)
    expect((await officer.put(`/api/employment/employers/${theirs.id}`, { ...company(), version: 1 })).statusCode).toBe(
      404,
    )
    expect((await officer.post(`/api/employment/employers/${theirs.id}/contacts`, { name: 'X' })).statusCode).toBe(404)
    const note = { date: '2026-11-02', kind: 'call', subject: 'Besoins' }
    expect((await officer.post(`/api/employment/employers/${theirs.id}/interactions`, note)).statusCode).toBe(404)
    const list = (await officer.get('/api/employment/employers?active=all&pageSize=100')).json()
    expect(list.items.map((x: { id: string }) => x.id)).not.toContain(theirs.id)
  })
})

describe('contacts and interactions', () => {
  it('a contact (one primary), an interaction in the name of its author, each edited with its version', async () => {
    const e = (await officer.post('/api/employment/employers', company())).json()
    const url = `/api/employment/employers/${e.id}`
    const a = await officer.post(`${url}/contacts`, { name: 'Mme Leroy', jobTitle: 'Gérante', isPrimary: true })
    expect(a.statusCode, a.body).toBe(201)
    const b = await officer.post(`${url}/contacts`, { name: 'M. Vanhove', email: 'rh@asl.example', isPrimary: true })
    const contacts = b.json().contacts as { id: string; name: string; isPrimary: boolean; version: number }[]
    expect(contacts.map((c) => [c.name, c.isPrimary])).toEqual([
      ['M. Vanhove', true],
      ['Mme Leroy', false],
    ])
    expect((await officer.post(`${url}/contacts`, { name: '', email: 'pas-un-courriel' })).json().fields).toHaveLength(
      2,
    )
    const leroy = contacts.find((c) => c.name === 'Mme Leroy')!
    const moved = await officer.put(`${url}/contacts/${leroy.id}`, { name: 'Mme Leroy', version: leroy.version })
    expect(moved.statusCode, moved.body).toBe(200)
    expect((await officer.put(`${url}/contacts/${leroy.id}`, { name: 'X', version: leroy.version })).statusCode).toBe(
      409,
    )

    const visit = { date: '2026-11-03', kind: 'visit', contactId: leroy.id, subject: 'Visite', note: '3 postes' }
    const added = await officer.post(`${url}/interactions`, visit)
    expect(added.statusCode, added.body).toBe(201)
    const i = added.json().interactions[0]
    expect(i).toMatchObject({ ...visit, officerId: officer.user!.id, contactName: 'Mme Leroy', version: 1 })
    const foreign = await buildEmployer(t.db, t.fx)
    const strayContact = await officer.post(`/api/employment/employers/${foreign.id}/contacts`, { name: 'Ailleurs' })
    const stray = await officer.post(`${url}/interactions`, {
      ...visit,
      contactId: strayContact.json().contacts[0].id,
    })
    expect(stray.statusCode).toBe(400)
    expect(stray.json().fields[0].field).toBe('contactId')
    expect((await officer.post(`${url}/interactions`, { ...visit, kind: 'fax' })).json().fields[0].field).toBe('kind')
    const edit = await officer.put(`${url}/interactions/${i.id}`, { ...visit, subject: 'Visite du site', version: 1 })
    expect(edit.json().interactions[0]).toMatchObject({ subject: 'Visite du site', version: 2 })
    expect((await officer.put(`${url}/interactions/${i.id}`, { ...visit, version: 1 })).statusCode).toBe(409)
    const list = (await counsellor.get(`/api/employment/employers?q=${e.siret}`)).json()
    expect(list.items).toEqual([expect.objectContaining({ id: e.id, lastInteractionOn: '2026-11-03' })])
  })

  it('the history reads the offers, hires, immersions and clause hours; names for the whole-structure readers only', async () => {
    const e = await buildEmployer(t.db, t.fx, { name: 'Logistique des Dunes' })
    const person = await buildPerson(t.db, t.fx, { lastName: 'Martin', firstName: 'Léa' })
    await buildOffer(t.db, t.fx, e.id, { title: 'Préparateur de commandes', status: 'open' })
    await buildOffer(t.db, t.fx, e.id, { title: 'Cariste', status: 'filled' })
    await buildPlacement(t.db, t.fx, person.id, e.id)
    await buildImmersion(t.db, t.fx, person.id, e.id)
    const op = await buildClauseOperation(t.db, t.fx)
    const lot = await buildClauseLot(t.db, t.fx, op.id, { employerId: e.id, requiredHours: 700 })
    await buildClauseHours(t.db, t.fx, lot.id, person.id, '2026-09-01', 120)
    await buildClauseHours(t.db, t.fx, lot.id, person.id, '2026-10-01', 35.5)
    const h = (await officer.get(`/api/employment/employers/${e.id}`)).json().history
    expect(h.counts).toEqual({ offers: 2, placements: 1, immersions: 1, clauseHours: 155.5 })
    expect(h.offers.map((o: { title: string }) => o.title).sort()).toEqual(['Cariste', 'Préparateur de commandes'])
    expect(h.placements[0].personName).toBe('MARTIN Léa')
    expect(h.clauseLots[0]).toMatchObject({ requiredHours: 700, hoursDone: 155.5 })
    const seen = (await counsellor.get(`/api/employment/employers/${e.id}`)).json().history
    expect(seen.placements[0].personName).toBeNull()
    expect(seen.immersions[0].personName).toBeNull()
    const list = (await officer.get('/api/employment/employers?q=dunes')).json()
    expect(list.items).toEqual([expect.objectContaining({ id: e.id, openOffers: 1 })])
  })

  it('the list searches name and trade name (accents aside), SIRET and commune, by pages', async () => {
    const tag = `Pagetest${Date.now() % 100000}`
    for (let k = 1; k <= 5; k++)
      await officer.post('/api/employment/employers', { ...company(), name: `${tag} Éts ${k}`, communeCode: '59271' })
    const p1 = (await officer.get(`/api/employment/employers?q=${tag}%20ets&pageSize=2`)).json()
    expect(p1).toMatchObject({ total: 5, page: 1, pageSize: 2 })
    expect(p1.items.map((x: { name: string }) => x.name)).toEqual([`${tag} Éts 1`, `${tag} Éts 2`])
    const p3 = (await officer.get(`/api/employment/employers?q=${tag}&pageSize=2&page=3`)).json()
    expect(p3.items.map((x: { name: string }) => x.name)).toEqual([`${tag} Éts 5`])
    const byCommune = (await officer.get(`/api/employment/employers?q=${tag}%20grande-synthe`)).json()
    expect(byCommune.total).toBe(5)
    const signed = await officer.post('/api/employment/employers', {
      ...company(),
      name: 'SARL X',
      tradeName: `Chez ${tag}é`,
    })
    expect(signed.json().tradeName).toBe(`Chez ${tag}é`)
    const bySign = (await officer.get(`/api/employment/employers?q=${tag}e`)).json()
    expect(bySign.items).toEqual([expect.objectContaining({ id: signed.json().id, tradeName: `Chez ${tag}é` })])
    expect((await officer.get('/api/employment/employers?pageSize=1000')).statusCode).toBe(400)
  })
})

describe('SIRENE import', () => {
  const head =
    'siret,denominationUniteLegale,enseigne1Etablissement,activitePrincipaleEtablissement,trancheEffectifsEtablissement,numeroVoieEtablissement,typeVoieEtablissement,libelleVoieEtablissement,codePostalEtablissement,libelleCommuneEtablissement,etatAdministratifEtablissement'
  it('creates and updates by SIRET; an error names file, line and column and nothing is written', async () => {
    const s1 = siret()
    const s2 = siret()
    const csv = `${head}\n${s1},TRANSPORTS DU PORT,LES ROUTIERS,49.41A,12,15,RUE,DU QUAI,59140,DUNKERQUE,A\n${s2},,BOULANGERIE DE LA PLACE,10.71C,02,3,PL,JEAN BART,59140,DUNKERQUE,A\n`
    const ok = await sendCsv(officer, '/api/employment/employers/import?file=sirene.csv', csv)
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json()).toEqual({ dryRun: false, created: 2, updated: 0 })
    const found = (await officer.get(`/api/employment/employers?q=${s2}`)).json().items[0]
    const file = (await officer.get(`/api/employment/employers/${found.id}`)).json()
    expect(file).toMatchObject({
      name: 'BOULANGERIE DE LA PLACE',
      nafCode: '10.71C',
      workforceBand: '02',
      address: '3 place JEAN BART',
      postcode: '59140',
      communeName: 'DUNKERQUE',
      tradeName: null,
    })
    const routiers = (await officer.get('/api/employment/employers?q=routiers')).json().items
    expect(routiers).toEqual([
      expect.objectContaining({ siret: s1, name: 'TRANSPORTS DU PORT', tradeName: 'LES ROUTIERS' }),
    ])
    await officer.put(`/api/employment/employers/${found.id}`, { ...company(s2), phone: '03 28 00 00 00', version: 1 })

    const before = await employerCount()
    const s3 = siret()
    const bad = `${head}\n${s3},NOUVELLE,,47.11F,12,,,,59140,DUNKERQUE,A\n${s2},BOULANGERIE,,10.71C,02,,,,59140,DUNKERQUE,A\n${s1.slice(0, 13)}${(Number(s1[13]) + 1) % 10},X,,47.11F,99,,,,59140,DUNKERQUE,A\n`
    const refused = await sendCsv(officer, '/api/employment/employers/import?file=extrait.csv', bad)
    expect(refused.statusCode).toBe(400)
    expect(refused.json().fields.map((f: { field: string }) => f.field)).toEqual([
      'extrait.csv:4:siret',
      'extrait.csv:4:trancheEffectifsEtablissement',
    ])
    expect(refused.json().fields[0].message).toMatch(/^extrait\.csv, ligne 4, colonne siret : SIRET invalide/)
    expect(await employerCount()).toBe(before)

    const dry = await sendCsv(
      officer,
      '/api/employment/employers/import?dryRun=true',
      bad.split('\n').slice(0, 3).join('\n'),
    )
    expect(dry.json()).toEqual({ dryRun: true, created: 1, updated: 1 })
    expect(await employerCount()).toBe(before)
    const good = await sendCsv(officer, '/api/employment/employers/import', bad.split('\n').slice(0, 3).join('\n'))
    expect(good.json()).toEqual({ dryRun: false, created: 1, updated: 1 })
    const updated = (await officer.get(`/api/employment/employers/${found.id}`)).json()
    // the SIRENE fields follow the file; the structure's own (the phone) stay
    expect(updated).toMatchObject({ name: 'BOULANGERIE', phone: '03 28 00 00 00', version: 3 })
  })

  it('refuses a file without its columns, twice the same SIRET, a malformed CSV', async () => {
    const noName = await sendCsv(officer, '/api/employment/employers/import', 'siret,codePostalEtablissement\n1,2\n')
    expect(noName.json().fields[0].field).toBe('sirene.csv:1:denominationUniteLegale')
    const s = siret()
    const twice = await sendCsv(
      officer,
      '/api/employment/employers/import',
      `siret,denominationUniteLegale\n${s},A\n${s},B\n`,
    )
    expect(twice.json().fields).toEqual([
      { field: 'sirene.csv:3:siret', message: 'sirene.csv, ligne 3, colonne siret : SIRET déjà présent ligne 2' },
    ])
    const broken = await sendCsv(
      officer,
      '/api/employment/employers/import',
      `siret,denominationUniteLegale\n${s},"A\n`,
    )
    expect(broken.statusCode).toBe(400)
    expect(broken.json().detail).toMatch(/Import refusé/)
  })
})

describe('demo', () => {
  it('twelve employers demo-employer-1…12 with valid SIRETs and NAF codes, contacts and interactions; the same twice', async () => {
    const load = async () => {
      const fx = await buildStructure(t.db)
      const ctx = { structureId: fx.structureId, userIds: new Map(), now: t.clock.now() } as unknown as DemoContext
      await t.db.kysely.transaction().execute((tx) => loadEmployersDemo(tx, ctx))
      const k = t.db.kysely
      const employers = await k
        .selectFrom('employer')
        .select(['external_id', 'siret', 'naf_code', 'name', 'commune_name'])
        .where('structure_id', '=', fx.structureId)
        .orderBy('name')
        .execute()
      const contacts = await k
        .selectFrom('employer_contact')
        .select('name')
        .where('structure_id', '=', fx.structureId)
        .execute()
      const interactions = await k
        .selectFrom('employer_interaction')
        .select(['date', 'kind', 'subject'])
        .where('structure_id', '=', fx.structureId)
        .orderBy('external_id')
        .execute()
      return { employers, contacts: contacts.length, interactions }
    }
    const a = await load()
    expect(a.employers.map((e) => e.external_id).sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => `demo-employer-${i + 1}`).sort(),
    )
    for (const e of a.employers) {
      expect(isSiret(e.siret!), e.name).toBe(true)
      expect(isNafCode(e.naf_code!), e.name).toBe(true)
      expect(e.commune_name).not.toBeNull()
    }
    expect(a.contacts).toBe(DEMO_EMPLOYERS.reduce((s, e) => s + e.contacts.length, 0))
    expect(a.interactions.length).toBeGreaterThan(5)
    expect(await load()).toEqual(a)
  })
})
