import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ClauseStatement } from '../../../shared/employment/clauses.schema.ts'
import { runScript } from '../../db/script.ts'
import { buildStructure } from '../../test/builders.ts'
import {
  buildClauseHours,
  buildClauseLot,
  buildClauseOperation,
  buildClauseParticipant,
  buildEmployer,
} from '../../test/employment.builders.ts'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'
import { hoursOf, monthOf } from './clause-statements.parse.ts'
import { importClauseStatementCommand } from './employment.commands.ts'
import { BACKFILL } from './migrations/20261210T0900_clause_statement_period.ts'

// The import of the companies' monthly statements (docs/employment/clauses.md « Relevés »): CSV and XLSX, the whole
// file or nothing, the same month replaced, two imports sent together. Each test builds its own operation.
let t: TestContext
let officer: TestClient
let director: TestClient
let counsellor: TestClient

beforeAll(async () => {
  t = await createTestContext()
  officer = await t.as('employment_officer')
  director = await t.as('director')
  counsellor = await t.as('counsellor')
})
afterAll(() => t.close())

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const send = (c: TestClient, opId: string, payload: string | Buffer, file = 'releve.csv', type = 'text/csv') =>
  c.request({
    method: 'POST',
    url: `/api/employment/clauses/operations/${opId}/statements?file=${encodeURIComponent(file)}`,
    payload,
    headers: { 'content-type': type },
  })

/** An operation with one lot (1 000 h) of a company and three participants. */
async function setup() {
  const employer = await buildEmployer(t.db, t.fx)
  const { siret } = await t.db.kysely
    .selectFrom('employer')
    .select('siret')
    .where('id', '=', employer.id)
    .executeTakeFirstOrThrow()
  const op = await buildClauseOperation(t.db, t.fx)
  const lot = await buildClauseLot(t.db, t.fx, op.id, { employerId: employer.id, requiredHours: 1000 })
  const people: { id: string; last_name: string; first_name: string; birth_date: string }[] = []
  for (let i = 0; i < 3; i++) {
    const p = await buildPerson(t.db, t.fx, { birthDate: `1990-0${i + 1}-1${i}` })
    await buildClauseParticipant(t.db, t.fx, p.id, { criterion: i === 0 ? 'rsa' : 'youth_below_bac' })
    const row = await t.db.kysely
      .selectFrom('person')
      .select(['id', 'last_name', 'first_name', 'birth_date'])
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow()
    people.push(row)
  }
  const line = (i: number, month: string, hours: string) => {
    const p = people[i]!
    return `${siret};${p.last_name};${p.first_name};${p.birth_date.split('-').reverse().join('/')};${month};${hours}`
  }
  return { op, lot, siret: siret!, people, line, employerId: employer.id }
}
const header = 'SIRET;Nom;Prénom;Date de naissance;Mois;Heures'
const done = async (opId: string) =>
  (await officer.get(`/api/employment/clauses/operations/${opId}`)).json().doneHours as number
const hoursRows = async (lotId: string) =>
  Number(
    (
      await t.db.kysely
        .selectFrom('clause_hours')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('lot_id', '=', lotId)
        .executeTakeFirstOrThrow()
    ).n,
  )

describe('statement import', () => {
  it('a CSV applies; the same month again replaces (idempotent); the statement is recorded and audited', async () => {
    const s = await setup()
    const csv = [header, s.line(0, '01/2026', '7,5'), s.line(1, '01/2026', '151,67'), s.line(2, '02/2026', '35')].join(
      '\n',
    )
    const r = await send(officer, s.op.id, csv, 'janvier.csv')
    expect(r.statusCode, r.body).toBe(201)
    expect(r.json()).toMatchObject({ rows: 3, created: 3, replaced: 0, months: ['2026-01-01', '2026-02-01'] })
    expect(await done(s.op.id)).toBe(7.5 + 151.67 + 35)
    const again = await send(officer, s.op.id, csv, 'janvier.csv')
    expect(again.json()).toMatchObject({ created: 0, replaced: 3 })
    expect(await done(s.op.id)).toBe(7.5 + 151.67 + 35)
    const fixed = await send(officer, s.op.id, [header, s.line(0, '01/2026', '10')].join('\n'), 'rectif.csv')
    expect(fixed.json()).toMatchObject({ created: 0, replaced: 1 })
    expect(await done(s.op.id)).toBe(10 + 151.67 + 35)
    expect(await hoursRows(s.lot.id)).toBe(3)
    // one statement per company and month of the file; the list shows each month's latest version
    expect(r.json().statementIds).toHaveLength(2)
    const detail = (await officer.get(`/api/employment/clauses/operations/${s.op.id}`)).json()
    expect(
      detail.statements.map((x: ClauseStatement) => [x.period, x.fileName, x.versions, x.rowCount, x.hours]),
    ).toEqual([
      ['2026-02', 'janvier.csv', 2, 1, 35],
      ['2026-01', 'rectif.csv', 3, 1, 10],
    ])
    expect(detail.statements[0]).toMatchObject({ employerId: s.employerId, months: ['2026-02-01'] })
    const stored = await t.db.kysely
      .selectFrom('clause_statement')
      .select(['operation_id', 'employer_id', 'period', 'revision'])
      .where('id', 'in', r.json().statementIds)
      .orderBy('period')
      .execute()
    expect(stored).toEqual([
      { operation_id: s.op.id, employer_id: s.employerId, period: '2026-01', revision: 1 },
      { operation_id: s.op.id, employer_id: s.employerId, period: '2026-02', revision: 1 },
    ])
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select('action')
      .where('entity', '=', 'clause_statement')
      .where('entity_id', '=', r.json().statementIds[0])
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['import'])
  })

  it('an old statement (before the period column) is filled from its hours, or listed with its months', async () => {
    const s = await setup()
    const old = async (months: string[]) => {
      const st = await t.db.kysely
        .insertInto('clause_statement')
        .values({ structure_id: t.fx.structureId, file_name: `ancien-${months.length}.csv`, row_count: months.length })
        .returning('id')
        .executeTakeFirstOrThrow()
      for (const [i, month] of months.entries()) {
        const h = await buildClauseHours(t.db, t.fx, s.lot.id, s.people[i]!.id, month, 10)
        await t.db.kysely.updateTable('clause_hours').set({ statement_id: st.id }).where('id', '=', h.id).execute()
      }
      return st.id
    }
    const one = await old(['2025-11-01', '2025-11-01'])
    const two = await old(['2025-09-01', '2025-10-01'])
    await runScript(t.db.kysely, BACKFILL)
    const rows = await t.db.kysely
      .selectFrom('clause_statement')
      .select(['id', 'operation_id', 'employer_id', 'period'])
      .where('id', 'in', [one, two])
      .execute()
    expect(rows.find((r) => r.id === one)).toEqual({
      id: one,
      operation_id: s.op.id,
      employer_id: s.employerId,
      period: '2025-11',
    })
    expect(rows.find((r) => r.id === two)).toMatchObject({ operation_id: s.op.id, period: null })
    const detail = (await officer.get(`/api/employment/clauses/operations/${s.op.id}`)).json()
    expect(detail.statements.map((x: ClauseStatement) => [x.period, x.months, x.hours])).toEqual([
      ['2025-11', ['2025-11-01'], 20],
      [null, ['2025-09-01', '2025-10-01'], 20],
    ])
  })

  it('a bad line 7 writes nothing; every error names the file, the line and the column', async () => {
    const s = await setup()
    const lines = [header, s.line(0, '01/2026', '7'), s.line(1, '01/2026', '7'), s.line(2, '01/2026', '7')]
    lines.push(s.line(0, '02/2026', '7'), s.line(1, '02/2026', '7'), s.line(2, '02/2026', 'sept'))
    const r = await send(officer, s.op.id, lines.join('\n'), 'fevrier.csv')
    expect(r.statusCode, r.body).toBe(400)
    expect(r.headers['content-type']).toContain('application/problem+json')
    expect(r.json().fields).toEqual([
      { field: 'fevrier.csv:7:heures', message: expect.stringContaining('fevrier.csv, ligne 7, colonne heures') },
    ])
    expect(await hoursRows(s.lot.id)).toBe(0)
    const statements = await t.db.kysely
      .selectFrom('clause_statement')
      .select('id')
      .where('file_name', '=', 'fevrier.csv')
      .execute()
    expect(statements).toHaveLength(0)
    const refused = await t.db.kysely
      .selectFrom('audit_event')
      .select('detail')
      .where('entity', '=', 'clause_statement')
      .where('action', '=', 'import_refused')
      .execute()
    expect(refused.some((a) => (a.detail as { file?: string }).file === 'fevrier.csv')).toBe(true)
  })

  it('each kind of error by column: unknown SIRET, unknown person, bad month, month to come, twice the same', async () => {
    const s = await setup()
    const p = s.people[0]!
    const csv = [
      header,
      s.line(0, '01/2026', '7').replace(s.siret, '12345678901234'),
      `${s.siret};Inconnu;Personne;01/01/1980;01/2026;7`,
      s.line(1, '13/2026', '7'),
      s.line(1, '04/2026', '7'),
      s.line(2, '01/2026', '7'),
      s.line(2, '01/2026', '8'),
      `${s.siret};${p.last_name};${p.first_name};31/02/1990;01/2026;7`,
    ].join('\r\n')
    const r = await send(officer, s.op.id, csv, 'x.csv')
    expect(r.statusCode).toBe(400)
    expect(r.json().fields.map((f: { field: string }) => f.field)).toEqual([
      'x.csv:2:siret',
      'x.csv:3:nom',
      'x.csv:4:mois',
      'x.csv:5:mois',
      'x.csv:7:mois',
      'x.csv:8:date_naissance',
    ])
    const noColumn = await send(officer, s.op.id, 'Nom;Prénom;Mois\nA;B;01/2026', 'y.csv')
    expect(noColumn.json().fields.map((f: { field: string }) => f.field)).toEqual([
      'y.csv:1:date_naissance',
      'y.csv:1:heures',
      'y.csv:1:siret',
    ])
    expect(await hoursRows(s.lot.id)).toBe(0)
  })

  it('an XLSX workbook reads as the CSV does (dates and numbers as cells); its errors name line and column', async () => {
    const s = await setup()
    const { default: Excel } = await import('exceljs')
    const book = new Excel.Workbook()
    const sheet = book.addWorksheet('Relevé')
    sheet.addRow(['SIRET', 'Nom', 'Prénom', 'Date de naissance', 'Mois', 'Heures', 'Commentaire'])
    for (const [i, p] of s.people.entries())
      sheet.addRow([
        s.siret,
        p.last_name,
        p.first_name,
        new Date(`${p.birth_date}T00:00:00Z`),
        '02/2026',
        20 + i + 0.5,
        'ok',
      ])
    const data = Buffer.from(await book.xlsx.writeBuffer())
    const r = await send(officer, s.op.id, data, 'fevrier.xlsx', XLSX)
    expect(r.statusCode, r.body).toBe(201)
    expect(r.json()).toMatchObject({ rows: 3, created: 3, hours: 20.5 + 21.5 + 22.5 })
    expect(await done(s.op.id)).toBe(64.5)
    sheet.getCell('F3').value = -4
    const bad = await send(officer, s.op.id, Buffer.from(await book.xlsx.writeBuffer()), 'bad.xlsx', XLSX)
    expect(bad.statusCode).toBe(400)
    expect(bad.json().fields.map((f: { field: string }) => f.field)).toEqual(['bad.xlsx:3:heures'])
    expect(await done(s.op.id)).toBe(64.5)
    const garbage = await send(officer, s.op.id, Buffer.from('not a workbook'), 'g.xlsx', XLSX)
    expect(garbage.statusCode).toBe(400)
  })

  it('two imports of the same month sent together: consistent totals, no duplicate', async () => {
    const s = await setup()
    const csv = [header, s.line(0, '02/2026', '70'), s.line(1, '02/2026', '80,25')].join('\n')
    const results = await Promise.all([send(officer, s.op.id, csv, 'a.csv'), send(officer, s.op.id, csv, 'b.csv')])
    expect(results.map((r) => r.statusCode)).toEqual([201, 201])
    expect(results.map((r) => r.json().created).sort()).toEqual([0, 2])
    expect(await hoursRows(s.lot.id)).toBe(2)
    expect(await done(s.op.id)).toBe(150.25)
  })

  it('access: director, counsellor 403; another structure’s operation 404; an empty body 400', async () => {
    const s = await setup()
    const csv = [header, s.line(0, '01/2026', '7')].join('\n')
    for (const c of [director, counsellor]) expect((await send(c, s.op.id, csv)).statusCode).toBe(403)
    const other = await buildStructure(t.db)
    const foreign = await buildClauseOperation(t.db, other)
    expect((await send(officer, foreign.id, csv)).statusCode).toBe(404)
    const empty = await send(officer, s.op.id, '')
    expect(empty.statusCode).toBe(400)
    expect((await send(officer, s.op.id, header)).json().fields[0].field).toBe('releve.csv:2')
    expect(await hoursRows(s.lot.id)).toBe(0)
  })
  it('the command line imports a file with the same rules (whole or nothing, errors with their place)', async () => {
    const s = await setup()
    const path = join(tmpdir(), `releve-${s.op.id}.csv`)
    const run = async (csv: string) => {
      writeFileSync(path, csv)
      const out: string[] = []
      const code = await importClauseStatementCommand.run({
        deps: t.deps,
        values: { operation: s.op.id, structure: t.fx.structureId },
        positionals: ['import-clause-statement', path],
        log: (m) => out.push(m),
      })
      return { code, out: out.join('\n') }
    }
    const bad = await run([header, s.line(0, '01/2026', '7'), s.line(1, '01/2026', 'x')].join('\n'))
    expect(bad.code).toBe(1)
    expect(bad.out).toContain('ligne 3, colonne heures')
    expect(await hoursRows(s.lot.id)).toBe(0)
    const ok = await run([header, s.line(0, '01/2026', '7'), s.line(1, '01/2026', '8')].join('\n'))
    expect(ok.code, ok.out).toBe(0)
    expect(await done(s.op.id)).toBe(15)
  })
})

describe('statement values', () => {
  it('months and French decimals', () => {
    expect(monthOf('3/2026')).toBe('2026-03-01')
    expect(monthOf('2026-03-01')).toBe('2026-03-01')
    expect(monthOf('00/2026')).toBeNull()
    expect(hoursOf('7,5')).toBe(7.5)
    expect(hoursOf('1 51,67')).toBe(151.67)
    expect(hoursOf('7,555')).toBeNull()
    expect(hoursOf('-1')).toBeNull()
  })
})
