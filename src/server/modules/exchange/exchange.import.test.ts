import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  type Bundle,
  dumpTables,
  emptyDatabase,
  importInto,
  readBundle,
  tableCounts,
  withCell,
} from '../../test/exchange.builders.ts'
import { createTestDb, type TestDb } from '../../test/test-db.ts'
import { verifyPassword } from '../auth/password.ts'

let db: TestDb
let example: Bundle
beforeAll(async () => {
  db = await createTestDb()
  example = await readBundle()
})
beforeEach(() => emptyDatabase(db))
afterAll(() => db.drop())

describe('jalon import: the documented example bundle', () => {
  it('creates the structure of structure.csv in an empty database and imports every file', async () => {
    const report = await importInto(db, example)
    expect(report.structureId).toBe('ml-littoral')
    expect(report.structureCreated).toBe(true)
    expect(await tableCounts(db)).toEqual({
      structure: 1,
      site: 3,
      site_commune: 4,
      programme: 3,
      proposition_theme: 8,
      app_user: 3,
      user_site: 4,
      user_programme: 4,
      person: 4,
      person_attribute: 6,
      status_period: 3,
      event: 6,
      proposition: 4,
      situation: 3,
      enrolment: 6,
      person_note: 2,
      agenda_room: 2,
      agenda_template: 1,
      agenda_series: 1,
      appointment: 5,
      appointment_leader: 1,
      appointment_person: 7,
      agenda_message: 3,
      plie_commune: 2,
      plie_organisation: 2,
      plie_organisation_user: 0,
      plie_funding: 2,
      plie_proposal: 1,
      plie_committee: 2,
      plie_committee_member: 3,
      plie_committee_case: 2,
      plie_pathway: 1,
      plie_referent: 1,
      plie_step: 1,
      esf_answer: 4,
      aid_fund: 3,
      aid_envelope: 3,
      aid_commission: 1,
      aid_commission_member: 2,
      aid_project: 1,
      aid_project_holder: 2,
      aid_request: 4,
      aid_contract: 1,
      aid_payment_run: 1,
      aid_payment: 5,
      aid_indirect: 1,
      training_body: 2,
      training_body_user: 0,
      training_action: 2,
      training_session: 2,
      training_prescription: 3,
      training_prescription_event: 8,
      prof_fund_envelope: 2,
      prof_plan: 2,
      prof_plan_cofunding: 3,
      immersion_programme: 1,
      immersion_module: 3,
      employer: 3,
      employer_contact: 3,
      employer_interaction: 2,
      job_project: 2,
      job_offer: 2,
      job_offer_site: 3,
      recruitment_operation: 1,
      operation_info_session: 1,
      candidate_pool: 1,
      pool_info_session: 1,
      pool_member: 1,
      placement: 2,
      placement_follow_up: 4,
      offer_candidate: 3,
      offer_candidate_event: 6,
      operation_application: 2,
      immersion: 2,
      clause_operation: 1,
      clause_lot: 2,
      clause_participant: 1,
      clause_contract: 1,
      clause_statement: 1,
      clause_hours: 2,
    })
    const byFile = Object.fromEntries(report.files.map((f) => [f.file, f]))
    expect(byFile['persons.csv']).toEqual({ file: 'persons.csv', rows: 4, inserted: 4, updated: 0, unchanged: 0 })
  })

  it('maps codes, references and derived values onto the database', async () => {
    await importInto(db, example)
    const k = db.kysely
    const lea = await k
      .selectFrom('person as p')
      .innerJoin('site as s', 's.id', 'p.site_id')
      .innerJoin('app_user as u', 'u.id', 'p.referent_id')
      .select(['p.id', 'p.first_name', 'p.birth_date', 'p.commune_name', 'p.search_name', 's.code', 'u.email'])
      .where('p.external_id', '=', 'P3-000101')
      .executeTakeFirstOrThrow()
    expect(lea).toMatchObject({
      first_name: 'Léa',
      birth_date: '1991-04-12',
      commune_name: 'Dunkerque',
      search_name: 'lefebvre lea',
      code: 'A-DK-CTR',
      email: 'claire.martin@ml-littoral.fr',
    })
    const note = await k
      .selectFrom('person_note')
      .selectAll()
      .where('external_id', '=', 'N-1')
      .executeTakeFirstOrThrow()
    expect(note.text).toBe('Très motivée.\nÀ revoir après le concours.')
    expect(note.created_at.toISOString()).toBe('2009-02-12T10:30:00.000Z')
    expect(note.person_id).toBe(lea.id)
    // the domain left empty is the theme's
    const pr3 = await k
      .selectFrom('proposition')
      .select(['domain', 'theme', 'outcome'])
      .where('external_id', '=', 'PR-3')
      .executeTakeFirstOrThrow()
    expect(pr3).toEqual({ domain: 'professional', theme: 'employment_access', outcome: 'refused' })
    const si3 = await k
      .selectFrom('situation')
      .select('hours_per_week')
      .where('external_id', '=', 'SI-3')
      .executeTakeFirstOrThrow()
    expect(si3.hours_per_week).toBe(17.5)
    const hond = await k
      .selectFrom('site_commune as c')
      .innerJoin('site as s', 's.id', 'c.site_id')
      .select('c.commune_code')
      .where('s.code', '=', 'P-HOND')
      .orderBy('c.commune_code')
      .execute()
    expect(hond.map((c) => c.commune_code)).toEqual(['59309', '59326'])
  })

  it('imports the structure’s own proposition themes, which its propositions then use', async () => {
    await importInto(db, example)
    const theme = await db.kysely
      .selectFrom('proposition_theme')
      .select(['structure_id', 'domain', 'national_code'])
      .where('code', '=', 'mobility')
      .executeTakeFirstOrThrow()
    expect(theme).toEqual({ structure_id: 'ml-littoral', domain: 'professional', national_code: 'employment_access' })
    const pr4 = await db.kysely
      .selectFrom('proposition')
      .select(['theme', 'outcome'])
      .where('external_id', '=', 'PR-4')
      .executeTakeFirstOrThrow()
    expect(pr4).toEqual({ theme: 'mobility', outcome: 'achieved' })
  })

  it('compares e-mails without case, as the database does', async () => {
    await importInto(db, example)
    let b = withCell(example, 'users.csv', 1, 'email', 'Claire.MARTIN@ml-littoral.fr')
    b = withCell(b, 'persons.csv', 2, 'referent_email', 'PAUL.Durand@ml-littoral.fr')
    const report = await importInto(db, b)
    expect(report.files.find((f) => f.file === 'users.csv')).toMatchObject({ inserted: 0, unchanged: 3 })
    expect(report.files.find((f) => f.file === 'persons.csv')).toMatchObject({ inserted: 0, updated: 0 })
    expect(await tableCounts(db)).toMatchObject({ app_user: 3 })
  })

  it('creates imported users inactive, with a password nothing matches', async () => {
    await importInto(db, example)
    const users = await db.kysely.selectFrom('app_user').select(['active', 'password_hash']).execute()
    expect(users.every((u) => !u.active)).toBe(true)
    expect(await verifyPassword(users[0]!.password_hash, '!imported')).toBe(false)
    expect(await verifyPassword(users[0]!.password_hash, '')).toBe(false)
  })
})

describe('jalon import: idempotent on external ids', () => {
  it('leaves the database exactly as it was when the same bundle is imported again', async () => {
    await importInto(db, example)
    const first = await dumpTables(db)
    const report = await importInto(db, example)
    expect(report.structureCreated).toBe(false)
    expect(await dumpTables(db)).toEqual(first)
    for (const f of report.files) expect(f, f.file).toMatchObject({ inserted: 0, updated: 0, unchanged: f.rows })
  })

  it('updates the changed row only, and bumps its version', async () => {
    await importInto(db, example)
    const changed = withCell(example, 'events.csv', 2, 'duration_minutes', '50')
    const report = await importInto(db, changed)
    expect(report.files.find((f) => f.file === 'events.csv')).toMatchObject({ inserted: 0, updated: 1, unchanged: 5 })
    const e = await db.kysely
      .selectFrom('event')
      .select(['duration_minutes', 'version'])
      .where('external_id', '=', 'E-1002')
      .executeTakeFirstOrThrow()
    expect(e).toEqual({ duration_minutes: 50, version: 2 })
    expect(await tableCounts(db)).toMatchObject({ event: 6 })
  })

  it('replaces a site’s communes and a not-yet-activated user’s scopes from the file', async () => {
    await importInto(db, example)
    let b = withCell(example, 'sites.csv', 3, 'commune_codes', '59309')
    b = withCell(b, 'users.csv', 1, 'site_codes', 'A-GS')
    const report = await importInto(db, b)
    expect(report.files.find((f) => f.file === 'sites.csv')).toMatchObject({ updated: 1, unchanged: 2 })
    expect(report.files.find((f) => f.file === 'users.csv')).toMatchObject({ updated: 1, unchanged: 2 })
    expect(await tableCounts(db)).toMatchObject({ site_commune: 3, user_site: 3 })
  })

  it('refers to an account already in use without changing it', async () => {
    await importInto(db, example)
    await db.kysely.updateTable('app_user').set({ active: true, password_hash: 'real' }).execute()
    const before = await dumpTables(db)
    const b = withCell(example, 'users.csv', 1, 'role', 'director')
    const report = await importInto(db, b)
    expect(report.files.find((f) => f.file === 'users.csv')).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 })
    expect(await dumpTables(db)).toEqual(before)
  })
})
