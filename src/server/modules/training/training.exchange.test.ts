import { sql } from 'kysely'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  type Bundle,
  emptyDatabase,
  exportFrom,
  importInto,
  readBundle,
  tableCounts,
  withCell,
  withRow,
} from '../../test/exchange.builders.ts'
import { createTestDb, type TestDb } from '../../test/test-db.ts'
import { formatIssue, ImportFailed } from '../exchange/exchange.errors.ts'
import { entitiesOf } from '../exchange/exchange.registry.ts'

// Training's files of the bundle (issue 13, docs/training/exchange.md): the example bundle's two training bodies,
// their actions and sessions, the fund's envelopes, three prescriptions in their states (one entered and exited, its
// situation the person's SI-1) with their history, two plans and their co-funders. A round trip gives the same bytes;
// an error names file, line and column, and nothing is imported.

const TRAINING_TABLES = [
  'training_body',
  'training_body_user',
  'training_action',
  'training_session',
  'training_prescription',
  'training_prescription_event',
  'prof_fund_envelope',
  'prof_plan',
  'prof_plan_cofunding',
] as const

/** the training tables' rows (the test kit counts and empties them with every data table) */
async function trainingCounts(db: TestDb) {
  const all = await tableCounts(db)
  return Object.fromEntries(TRAINING_TABLES.map((t) => [t, all[t]]))
}
const allCounts = (db: TestDb) => tableCounts(db)
const empty = (db: TestDb) => emptyDatabase(db)

const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  )

let db: TestDb
let bundle: Bundle
beforeAll(async () => {
  db = await createTestDb()
  // a training body's partner account
  bundle = withRow(await readBundle(), 'users.csv', {
    email: 'accueil@afpa-exemple.fr',
    display_name: 'AFPA Dunkerque (accueil)',
    role: 'partner',
  })
  bundle = withCell(bundle, 'training_bodies.csv', 1, 'partner_emails', 'accueil@afpa-exemple.fr')
})
beforeEach(() => empty(db))
afterAll(() => db.drop())

describe('training in a bundle', () => {
  it('maps its files onto the training tables, and a round trip gives the same bytes', async () => {
    await importInto(db, bundle)
    expect(await trainingCounts(db)).toEqual({
      training_body: 2,
      training_body_user: 1,
      training_action: 2,
      training_session: 2,
      training_prescription: 3,
      training_prescription_event: 8,
      prof_fund_envelope: 2,
      prof_plan: 2,
      prof_plan_cofunding: 3,
    })
    const { rows } = await sql<Record<string, unknown>>`
      SELECT p.external_id AS prescription, s.external_id AS situation, x.external_id AS session, u.email::text AS prescriber,
        p.entry_date::text AS entry, p.exit_date::text AS exit, p.qualification_obtained AS qualified
      FROM training_prescription p JOIN training_session x ON x.id = p.session_id
      LEFT JOIN situation s ON s.id = p.situation_id LEFT JOIN app_user u ON u.id = p.prescriber_id
      ORDER BY 1`.execute(db.kysely)
    expect(rows).toEqual([
      {
        prescription: 'TP-1',
        situation: 'SI-1',
        session: 'SE-1',
        prescriber: 'claire.martin@ml-littoral.fr',
        entry: '2009-04-06',
        exit: '2009-06-26',
        qualified: false,
      },
      {
        prescription: 'TP-2',
        situation: null,
        session: 'SE-2',
        prescriber: 'paul.durand@ml-littoral.fr',
        entry: null,
        exit: null,
        qualified: null,
      },
      {
        prescription: 'TP-3',
        situation: null,
        session: 'SE-2',
        prescriber: 'claire.martin@ml-littoral.fr',
        entry: null,
        exit: null,
        qualified: null,
      },
    ])
    const plan = await db.kysely
      .selectFrom('prof_plan')
      .select(['total_cost_cents', 'fund_cents', 'reimbursed_cents', 'status', 'committee_date'])
      .where('external_id', '=', 'PP-1')
      .executeTakeFirstOrThrow()
    expect({ ...plan, total_cost_cents: Number(plan.total_cost_cents) }).toMatchObject({
      total_cost_cents: 98000,
      status: 'validated',
    })

    const out = await exportFrom(db, undefined, 2)
    expect(out['training_bodies.csv']).toContain(',true,LHEO-OF-0042,accueil@afpa-exemple.fr\n')
    expect(out['training_prescriptions.csv']).toContain(',2009-04-06,SI-1,420,2009-06-26,completed,false,')
    expect(out['prof_plan_cofunding.csv']).toContain('PP-1,0,OPCA Uniformation,opco,30000\n')
    // imported again into the same database: nothing changes
    const again = await importInto(db, out)
    for (const f of again.files) expect(f, f.file).toMatchObject({ inserted: 0, updated: 0 })
    expect(await trainingCounts(db)).toMatchObject({ training_prescription_event: 8, training_body_user: 1 })
    // into an empty database: the same bytes
    await empty(db)
    await importInto(db, out)
    expect(await exportFrom(db)).toEqual(out)
  })

  it('a changed cell updates its row; a partner list emptied unbinds the account; events are matched, not doubled', async () => {
    await importInto(db, bundle)
    let b = withCell(bundle, 'training_bodies.csv', 1, 'partner_emails', '')
    b = withCell(b, 'training_prescription_events.csv', 3, 'note', 'Retenue après les tests')
    b = withCell(b, 'training_sessions.csv', 2, 'places', '8')
    const report = await importInto(db, b)
    const byFile = Object.fromEntries(report.files.map((f) => [f.file, f]))
    expect(byFile['training_prescription_events.csv']).toMatchObject({ inserted: 0, updated: 1 })
    expect(byFile['training_sessions.csv']).toMatchObject({ inserted: 0, updated: 1 })
    expect(await trainingCounts(db)).toMatchObject({ training_body_user: 0, training_prescription_event: 8 })
    const session = await db.kysely
      .selectFrom('training_session')
      .select(['places', 'version'])
      .where('external_id', '=', 'SE-2')
      .executeTakeFirstOrThrow()
    expect(session).toEqual({ places: 8, version: 2 })
  })

  it('names the file, line and column of each error, and imports nothing', async () => {
    await importInto(db, bundle)
    const before = await allCounts(db)
    let b = withCell(bundle, 'training_actions.csv', 1, 'nsf_code', '999')
    b = withCell(b, 'training_actions.csv', 2, 'funder', 'lottery')
    b = withCell(b, 'training_prescriptions.csv', 1, 'exit_date', '2009-04-01')
    b = withCell(b, 'training_prescriptions.csv', 2, 'session_external_id', 'SE-99')
    b = withCell(b, 'training_prescriptions.csv', 3, 'status', 'lost')
    b = withCell(b, 'prof_plans.csv', 1, 'fund_cents', '99000')
    b = withCell(b, 'prof_plan_cofunding.csv', 3, 'plan_external_id', 'PP-9')
    const error = await failure(importInto(db, b))
    expect(error).toBeInstanceOf(ImportFailed)
    expect((error as ImportFailed).issues.map(formatIssue)).toEqual([
      'training_actions.csv, ligne 2, colonne nsf_code : code NSF inconnu « 999 »',
      'training_actions.csv, ligne 3, colonne funder : code inconnu « lottery » (codes admis : regional_programme, afpa, state, france_travail, agefiph, opco, other)',
      'training_prescriptions.csv, ligne 2, colonne exit_date : la sortie est avant l’entrée',
      'training_prescriptions.csv, ligne 4, colonne status : code inconnu « lost » (codes admis : submitted, more_info, validated, refused, accepted, waiting_list, not_accepted, entered, exited, cancelled)',
      'training_prescriptions.csv, ligne 3, colonne session_external_id : session de formation introuvable « SE-99 » (ni dans training_sessions.csv, ni dans la base)',
      'prof_plans.csv, ligne 2, colonne fund_cents : la part du fonds dépasse le coût total',
      'prof_plan_cofunding.csv, ligne 4, colonne plan_external_id : plan de formation du fonds de professionnalisation introuvable « PP-9 » (ni dans prof_plans.csv, ni dans la base)',
    ])
    expect(await allCounts(db)).toEqual(before)
  })

  it('into an empty database, one exit before its entry refuses the whole bundle', async () => {
    const before = await allCounts(db)
    const b = withCell(bundle, 'training_prescriptions.csv', 1, 'exit_date', '2009-04-05')
    const error = await failure(importInto(db, b))
    expect((error as ImportFailed).issues.map(formatIssue)).toEqual([
      'training_prescriptions.csv, ligne 2, colonne exit_date : la sortie est avant l’entrée',
    ])
    expect(await allCounts(db)).toEqual(before)
    expect(before.person).toBe(0)
  })

  it('the catalogue and the envelopes are configuration, the prescriptions and plans person data', () => {
    const configuration = entitiesOf('configuration').map((e) => e.file)
    expect(configuration).toEqual(
      expect.arrayContaining([
        'training_bodies.csv',
        'training_actions.csv',
        'training_sessions.csv',
        'prof_fund_envelopes.csv',
      ]),
    )
    for (const f of ['training_prescriptions.csv', 'training_prescription_events.csv', 'prof_plans.csv'])
      expect(configuration).not.toContain(f)
    expect(entitiesOf('all').map((e) => e.file)).toContain('prof_plan_cofunding.csv')
  })
})
