import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildPerson } from '../../test/person.builders.ts'
import { buildPathway } from '../../test/plie.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'
import { INDICATORS_SHEET, PARTICIPANTS_SHEET } from './esf-workbook.ts'

// The ESF+ participant data (docs/plie.md « Import and export, ESF+ »): answers recorded per moment, checked against
// the questions' lists; the participant workbook of a period and its common indicators. Clock: Monday 2026-03-02.
let t: TestContext
let counsellor: TestClient
let otherSite: TestClient
let director: TestClient

const EXPORT = '/api/plie/esf/participants.xlsx?from=2025-01-01&to=2025-12-31'
const esf = (id: string) => `/api/plie/pathways/${id}/esf`

/** the test's participants: A left in the period, B and D open, C left before it */
const pathways: Record<'a' | 'b' | 'c' | 'd', string> = { a: '', b: '', c: '', d: '' }

beforeAll(async () => {
  t = await createTestContext()
  counsellor = await t.as('counsellor')
  otherSite = await t.as('counsellor', { siteIds: [t.fx.sites.b] })
  director = await t.as('director')
  const make = async (
    key: keyof typeof pathways,
    sex: 'F' | 'M',
    birthDate: string,
    entryDate: string,
    exit?: [string, string],
  ) => {
    const person = await buildPerson(t.db, t.fx, { lastName: `Esf-${key}`, sex, birthDate })
    const p = await buildPathway(t.db, t.fx, person.id, {
      entryDate,
      exitDate: exit?.[0] ?? null,
      exitReason: exit?.[1] ?? null,
    })
    pathways[key] = p.id
  }
  await make('a', 'F', '2000-05-10', '2025-02-03', ['2025-08-29', 'cdi'])
  await make('b', 'M', '1968-01-20', '2025-03-03')
  await make('c', 'F', '1990-07-01', '2024-01-08', ['2024-12-20', 'moved_away'])
  await make('d', 'M', '1995-03-15', '2025-11-03')
})
afterAll(() => t.close())

const post = (client: TestClient, id: string, moment: string, answers: Record<string, string>, answeredOn: string) =>
  client.post(esf(id), { moment, answers, answeredOn })

describe('recording the answers', () => {
  it('records each moment’s answers, « declined » kept, and gives the pathway’s answers back', async () => {
    const entry = await post(
      counsellor,
      pathways.a,
      'entry',
      { labour_status: 'long_term_unemployed', education_isced: 'isced_0_2', disability: 'declined', homeless: 'yes' },
      '2025-02-03',
    )
    expect(entry.statusCode, entry.body).toBe(200)
    expect(entry.json().answers).toContainEqual({
      moment: 'entry',
      question: 'disability',
      answer: 'declined',
      answeredOn: '2025-02-03',
    })
    for (const [moment, answers, on] of [
      ['exit', { employed_at_exit: 'yes', job_searching: 'no' }, '2025-09-05'],
      ['six_months', { employed_six_months: 'yes', improved_six_months: 'yes' }, '2026-02-27'],
    ] as const) {
      const res = await post(counsellor, pathways.a, moment, answers, on)
      expect(res.statusCode, res.body).toBe(200)
    }
    const b = await post(
      counsellor,
      pathways.b,
      'entry',
      { labour_status: 'unemployed', education_isced: 'isced_3_4', third_country_national: 'yes', rural_area: 'no' },
      '2025-03-03',
    )
    expect(b.statusCode, b.body).toBe(200)
    // answered again: the new answer replaces the old
    const again = await post(counsellor, pathways.b, 'entry', { rural_area: 'no' }, '2025-03-04')
    expect(again.json().answers.filter((a: { question: string }) => a.question === 'rural_area')).toEqual([
      { moment: 'entry', question: 'rural_area', answer: 'no', answeredOn: '2025-03-04' },
    ])
    const c = await post(counsellor, pathways.c, 'entry', { labour_status: 'inactive' }, '2024-01-08')
    expect(c.statusCode, c.body).toBe(200)
  })

  it('two desks answering the same question at once: both recorded in turn, never a 500, one answer kept', async () => {
    const before = await t.db.kysely
      .selectFrom('esf_answer')
      .selectAll()
      .where('enrolment_id', '=', pathways.b!)
      .where('question', '=', 'labour_status')
      .executeTakeFirst()
    const [x, y] = await Promise.all([
      post(counsellor, pathways.b, 'entry', { labour_status: 'unemployed' }, '2025-03-03'),
      post(counsellor, pathways.b, 'entry', { labour_status: 'inactive' }, '2025-03-03'),
    ])
    expect([x.statusCode, y.statusCode]).toEqual([200, 200])
    const kept = await t.db.kysely
      .selectFrom('esf_answer')
      .select('answer')
      .where('enrolment_id', '=', pathways.b!)
      .where('question', '=', 'labour_status')
      .execute()
    expect(kept).toHaveLength(1)
    expect(['unemployed', 'inactive']).toContain(kept[0]!.answer)
    // the export's test below counts this pathway's answers: the one recorded before is put back
    await t.db.kysely
      .deleteFrom('esf_answer')
      .where('enrolment_id', '=', pathways.b!)
      .where('question', '=', 'labour_status')
      .execute()
    if (before) await t.db.kysely.insertInto('esf_answer').values(before).execute()
  })

  it('refuses bad answers with 400 naming each field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ moment: 'entry', answers: { shoe_size: 'yes' }, answeredOn: '2025-03-03' }, 'answers.shoe_size'],
      // « declined » only where the rules allow it
      [{ moment: 'entry', answers: { rural_area: 'declined' }, answeredOn: '2025-03-03' }, 'answers.rural_area'],
      [{ moment: 'entry', answers: { employed_at_exit: 'yes' }, answeredOn: '2025-03-03' }, 'answers.employed_at_exit'],
      [{ moment: 'entry', answers: { labour_status: 'retired' }, answeredOn: '2025-03-03' }, 'answers.labour_status'],
      [{ moment: 'entry', answers: {}, answeredOn: '2025-03-03' }, 'answers'],
      [{ moment: 'later', answers: { homeless: 'no' }, answeredOn: '2025-03-03' }, 'moment'],
      [{ moment: 'entry', answers: { homeless: 'no' }, answeredOn: '03/03/2025' }, 'answeredOn'],
      // the service's rules: no exit answers before the exit, no day before the entry or in the future
      [{ moment: 'exit', answers: { employed_at_exit: 'yes' }, answeredOn: '2025-03-03' }, 'moment'],
      [{ moment: 'entry', answers: { homeless: 'no' }, answeredOn: '2025-01-02' }, 'answeredOn'],
      [{ moment: 'entry', answers: { homeless: 'no' }, answeredOn: '2026-03-03' }, 'answeredOn'],
    ]
    for (const [body, field] of cases) {
      const res = await counsellor.post(esf(pathways.b), body)
      expect(res.statusCode, JSON.stringify(body)).toBe(400)
      expect(res.json().fields.map((f: { field: string }) => f.field)).toContain(field)
    }
    const period = await director.get('/api/plie/esf/participants.xlsx?from=2025-12-31&to=2025-01-01')
    expect(period.statusCode).toBe(400)
    expect(period.json().fields[0]).toMatchObject({ field: 'to' })
  })

  it('is the counsellor’s: another role 403, another site’s pathway 404, an unknown one 404', async () => {
    expect((await post(director, pathways.b, 'entry', { homeless: 'no' }, '2025-03-03')).statusCode).toBe(403)
    expect((await post(otherSite, pathways.b, 'entry', { homeless: 'no' }, '2025-03-03')).statusCode).toBe(404)
    const unknown = await post(
      counsellor,
      '00000000-0000-4000-8000-000000000000',
      'entry',
      { homeless: 'no' },
      '2025-03-03',
    )
    expect(unknown.statusCode).toBe(404)
  })
})

async function workbook(body: Buffer) {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(body as unknown as ArrayBuffer)
  const rowsOf = (name: string) => {
    const ws = wb.getWorksheet(name)!
    const header = (ws.getRow(1).values as unknown[]).slice(1) as string[]
    const out: Record<string, unknown>[] = []
    ws.eachRow((row, n) => {
      if (n === 1) return
      const v = (row.values as unknown[]).slice(1)
      out.push(Object.fromEntries(header.map((h, i) => [h, v[i] ?? null])))
    })
    return out
  }
  return { participants: rowsOf(PARTICIPANTS_SHEET), indicators: rowsOf(INDICATORS_SHEET) }
}

describe('the participant export', () => {
  it('opens, lists the pathways open in the period, and its common indicators are the counts of its rows', async () => {
    const res = await director.get(EXPORT)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toContain('spreadsheetml')
    const { participants, indicators } = await workbook(res.rawPayload)
    const ours = participants.filter((p) => String(p.Nom).startsWith('Esf-'))
    expect(ours.map((p) => p.Nom).sort()).toEqual(['Esf-a', 'Esf-b', 'Esf-d'])
    const a = ours.find((p) => p.Nom === 'Esf-a')!
    expect(a).toMatchObject({
      Sexe: 'Femme',
      'Âge à l’entrée': 24,
      'Motif de sortie': 'CDI',
      'Situation sur le marché du travail': 'Chômeur de longue durée',
      'Personne handicapée': 'Ne souhaite pas répondre',
      'En emploi (y compris indépendant) à la sortie': 'Oui',
    })
    expect(a['Date d’entrée']).toEqual(new Date('2025-02-03T00:00:00Z'))
    expect(ours.find((p) => p.Nom === 'Esf-d')).toMatchObject({ 'Situation sur le marché du travail': null })

    // the indicators, counted over the sheet's rows by hand: A (F, 24, LTU, ISCED 0-2, homeless, employed at exit and
    // six months after), B (M, 57, unemployed, ISCED 3-4, third-country national), D (M, 30, nothing answered)
    expect(participants).toHaveLength(3)
    const byName = Object.fromEntries(
      indicators.filter((i) => i.Total !== null).map((i) => [i['Indicateur (règlement (UE) 2021/1057)'], i]),
    )
    const expected: Record<string, [number, number, number]> = {
      'total number of participants': [3, 1, 2],
      'unemployed, including long-term unemployed': [2, 1, 1],
      'long-term unemployed': [1, 1, 0],
      inactive: [0, 0, 0],
      'employed, including self-employed': [0, 0, 0],
      'below 30 years of age': [1, 1, 0],
      'above 54 years of age': [1, 0, 1],
      'with lower secondary education or less (ISCED 0-2)': [1, 1, 0],
      'with upper secondary (ISCED 3) or post-secondary education (ISCED 4)': [1, 0, 1],
      'with tertiary education (ISCED 5 to 8)': [0, 0, 0],
      'participants with disabilities': [0, 0, 0],
      'third-country nationals': [1, 0, 1],
      'homeless or affected by housing exclusion': [1, 1, 0],
      'participants from rural areas': [0, 0, 0],
      'participants engaged in job searching upon leaving': [0, 0, 0],
      'participants in employment, including self-employment, upon leaving': [1, 1, 0],
      'participants in employment, including self-employment, six months after leaving': [1, 1, 0],
      'participants with an improved labour market situation six months after leaving': [1, 1, 0],
    }
    for (const [name, [total, women, men]] of Object.entries(expected))
      expect(byName[name], name).toMatchObject({ Total: total, Femmes: women, Hommes: men })
    // and the same from the participants sheet itself
    expect(byName['total number of participants']!.Total).toBe(participants.length)
    expect(byName['homeless or affected by housing exclusion']!.Total).toBe(
      participants.filter((p) => p['Sans domicile ou exclu du logement'] === 'Oui').length,
    )

    const [line] = await t.db.kysely
      .selectFrom('audit_event')
      .select(['action', 'entity', 'detail'])
      .where('entity', '=', 'esf_participants')
      .execute()
    expect(line).toMatchObject({ action: 'export', detail: { from: '2025-01-01', to: '2025-12-31', rows: 3 } })
    expect((line!.detail as { personIds: string[] }).personIds).toHaveLength(3)
  })

  it('is the director’s: a counsellor is refused (403)', async () => {
    expect((await counsellor.get(EXPORT)).statusCode).toBe(403)
  })
})
