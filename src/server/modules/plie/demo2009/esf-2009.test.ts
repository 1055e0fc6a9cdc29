import ExcelJS from 'exceljs'
import { type RawBuilder, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../../app.ts'
import { loadConfig } from '../../../config.ts'
import { DEMO_STRUCTURE } from '../../../demo/demo-organisation.ts'
import type { Deps } from '../../../deps.ts'
import { buildUser } from '../../../test/builders.ts'
import { TestClient, TestClock } from '../../../test/test-app.ts'
import { createTestDb, type TestDb } from '../../../test/test-db.ts'
import { INDICATORS_SHEET, PARTICIPANTS_SHEET } from '../esf-workbook.ts'

// The ESF+ export of 2009 on the 2009 data set (issue 11, « Done when »): the director's workbook opens, lists one row
// per pathway open in 2009 (the flow's 5 289 in pathway during the year), and its « Indicateurs communs » are the
// counts of plain SQL over the rows — the pathways and the person file's data on the entry day, the exits of 2009 —
// not of the export's own code (docs/demo-2009.md « The PLIE », ESF+ answers).

let db: TestDb
let app: Awaited<ReturnType<typeof buildApp>>
let director: TestClient
const s = DEMO_STRUCTURE.id

beforeAll(async () => {
  db = await createTestDb({ dataset: 'demo2009' })
  const deps: Deps = {
    db,
    clock: new TestClock(),
    config: { ...loadConfig({ NODE_ENV: 'test', SIGNIN_PER_ADDRESS_PER_MINUTE: '10000' }) },
    mailer: { send: async () => {} },
  }
  app = await buildApp(deps, { serveWeb: false })
  const sites = await db.kysely.selectFrom('site').select('id').where('structure_id', '=', s).execute()
  const programmes = await db.kysely.selectFrom('programme').select('id').where('structure_id', '=', s).execute()
  const fx = {
    structureId: s,
    sites: { a: sites[0].id, b: sites[0].id },
    programmes: { ml: programmes[0].id, plie: programmes[0].id },
  }
  const user = await buildUser(db, fx, {
    role: 'director',
    siteIds: sites.map((x) => x.id),
    programmeIds: programmes.map((x) => x.id),
  })
  director = await TestClient.create(app)
  const res = await director.post('/api/auth/sign-in', { email: user.email, password: user.password })
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.body}`)
}, 900_000)
afterAll(async () => {
  await app?.close()
  await db?.drop()
})

/** the pathways open in 2009, with the person's data on the entry day */
const OPEN_2009 = sql`
  SELECT en.id, en.entry_date, en.exit_date, en.exit_reason, p.sex,
    extract(year from age(en.entry_date, p.birth_date))::int AS age,
    EXISTS (SELECT 1 FROM status_period sp WHERE sp.person_id = en.person_id AND sp.status = 'long_term_unemployed'
      AND sp.start_date <= en.entry_date AND (sp.end_date IS NULL OR sp.end_date >= en.entry_date)) AS ltu,
    EXISTS (SELECT 1 FROM status_period sp WHERE sp.person_id = en.person_id AND sp.status = 'rqth'
      AND sp.start_date <= en.entry_date AND (sp.end_date IS NULL OR sp.end_date >= en.entry_date)) AS rqth,
    (SELECT a.value FROM person_attribute a WHERE a.person_id = en.person_id AND a.attribute = 'housing'
      AND a.valid_from <= en.entry_date ORDER BY a.valid_from DESC LIMIT 1) AS housing
  FROM enrolment en JOIN programme g ON g.id = en.programme_id JOIN person p ON p.id = en.person_id
  WHERE g.type = 'plie' AND en.structure_id = ${s} AND en.entry_date <= '2009-12-31'
    AND (en.exit_date IS NULL OR en.exit_date >= '2009-01-01')`

/** total, women, men of the pathways open in 2009 where `where` holds */
async function count(where: RawBuilder<unknown>): Promise<[number, number, number]> {
  const { rows } = await sql<{ total: string; women: string; men: string }>`
    SELECT count(*) AS total, count(*) FILTER (WHERE sex = 'F') AS women, count(*) FILTER (WHERE sex = 'M') AS men
    FROM (${OPEN_2009}) w WHERE ${where}`.execute(db.kysely)
  return [Number(rows[0].total), Number(rows[0].women), Number(rows[0].men)]
}
const answered = (moment: string, question: string, answers: string[]) =>
  sql`EXISTS (SELECT 1 FROM esf_answer x WHERE x.enrolment_id = w.id AND x.structure_id = ${s}
    AND x.moment = ${moment} AND x.question = ${question} AND x.answer IN (${sql.join(answers)}))`
const EXITED_2009 = sql`w.exit_date BETWEEN '2009-01-01' AND '2009-12-31'`
const EMPLOYED = sql`('cdi', 'cdd_over_6_months', 'interim_1215h', 'work_study', 'business_creation', 'cirma')`

async function workbook(body: Buffer) {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(body as unknown as ArrayBuffer)
  const participants = wb.getWorksheet(PARTICIPANTS_SHEET)!
  const indicators = new Map<string, [number, number, number]>()
  wb.getWorksheet(INDICATORS_SHEET)!.eachRow((row, n) => {
    const v = (row.values as unknown[]).slice(1)
    if (n > 1 && typeof v[3] === 'number') indicators.set(String(v[2]), [v[3], v[4], v[5]] as [number, number, number])
  })
  return { participantRows: participants.actualRowCount - 1, indicators }
}

describe('the ESF+ export of 2009', () => {
  it('opens, one row per pathway open in 2009, and its common indicators are the pathway data’s counts', async () => {
    const res = await director.get('/api/plie/esf/participants.xlsx?from=2009-01-01&to=2009-12-31')
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200)
    const { participantRows, indicators } = await workbook(res.rawPayload)
    expect(participantRows).toBe(5289)
    const all = await count(sql`true`)
    expect(all[0]).toBe(5289)

    const expected: [string, RawBuilder<unknown>][] = [
      ['Participants (total)', sql`true`],
      ['Chômeurs de longue durée', sql`w.ltu`],
      ['Personnes handicapées', sql`w.rqth`],
      ['Moins de 30 ans', sql`w.age < 30`],
      ['Plus de 54 ans', sql`w.age >= 55`],
      ['Sans domicile ou exclus du logement', sql`w.housing = 'other'`],
      ['En emploi, y compris indépendant, à la sortie', sql`${EXITED_2009} AND w.exit_reason IN ${EMPLOYED}`],
      ['En études ou en formation à la sortie', sql`${EXITED_2009} AND w.exit_reason = 'qualifying_training'`],
    ]
    for (const [label, where] of expected) expect(indicators.get(label), label).toEqual(await count(where))

    // the answers themselves say the same: the long-term unemployed at entry are the long-term job-seekers
    expect(await count(answered('entry', 'labour_status', ['long_term_unemployed']))).toEqual(await count(sql`w.ltu`))
    expect(await count(answered('entry', 'disability', ['yes']))).toEqual(await count(sql`w.rqth`))
    // everyone answered at entry; the three ISCED bands cover them all; every 2009 exit but a death answered at exit
    expect((await count(answered('entry', 'education_isced', ['isced_0_2', 'isced_3_4', 'isced_5_8'])))[0]).toBe(5289)
    const bands = ['Niveau CITE 0 à 2', 'Niveau CITE 3 à 4', 'Niveau CITE 5 à 8'].map((l) => indicators.get(l)![0])
    expect(bands.reduce((a, b) => a + b, 0)).toBe(5289)
    const unemployed = indicators.get('Chômeurs, y compris de longue durée')![0] + indicators.get('Inactifs')![0]
    expect(unemployed).toBe(5289)
    expect((await count(answered('exit', 'employed_at_exit', ['yes', 'no'])))[0]).toBe(
      (await count(sql`${EXITED_2009} AND w.exit_reason <> 'death'`))[0],
    )
    // six months after: only the exits whose six months fall in 2009
    const { rows } = await sql<{ late: string }>`SELECT count(*) AS late FROM esf_answer x JOIN enrolment en
      ON en.id = x.enrolment_id WHERE x.structure_id = ${s} AND x.moment = 'six_months'
      AND (en.exit_date + interval '6 months' > '2009-12-31' OR x.answered_on > '2009-12-31')`.execute(db.kysely)
    expect(Number(rows[0].late)).toBe(0)
  })
})
