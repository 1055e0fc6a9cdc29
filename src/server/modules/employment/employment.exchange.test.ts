import { sql } from 'kysely'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { sensitiveClauseCriteria } from '../../../shared/employment/employment.nomenclature.ts'
import { buildStructure, buildUser } from '../../test/builders.ts'
import {
  buildApplication,
  buildCandidate,
  buildClauseContract,
  buildClauseHours,
  buildClauseLot,
  buildClauseOperation,
  buildClauseParticipant,
  buildEmployer,
  buildImmersion,
  buildImmersionProgramme,
  buildJobProject,
  buildOffer,
  buildOperation,
  buildPlacement,
  buildPool,
  buildPoolMember,
} from '../../test/employment.builders.ts'
import {
  type Bundle,
  emptyDatabase,
  exportFrom,
  importInto,
  readBundle,
  tableCounts,
  withCell,
} from '../../test/exchange.builders.ts'
import { buildPerson } from '../../test/person.builders.ts'
import { createTestDb, type TestDb } from '../../test/test-db.ts'
import { formatIssue, ImportFailed } from '../exchange/exchange.errors.ts'
import { entitiesOf } from '../exchange/exchange.registry.ts'
import { employmentEntities } from './employment.exchange.ts'

// Employment's files of the bundle (issue 14, docs/employment/exchange.md): the example bundle's employers, offers,
// positionings, placements and follow-ups, operation, pool, immersions and social clause; then every employment table
// filled by the test builders. A round trip gives the same bytes; an error names file, line and column, and nothing
// is imported.

const EMPLOYMENT_TABLES = [
  'immersion_programme',
  'immersion_module',
  'employer',
  'employer_contact',
  'employer_interaction',
  'job_project',
  'job_offer',
  'job_offer_site',
  'recruitment_operation',
  'operation_info_session',
  'candidate_pool',
  'pool_info_session',
  'pool_member',
  'placement',
  'placement_follow_up',
  'offer_candidate',
  'offer_candidate_event',
  'operation_application',
  'immersion',
  'clause_operation',
  'clause_lot',
  'clause_participant',
  'clause_contract',
  'clause_statement',
  'clause_hours',
] as const

/** the employment tables' rows (the test kit counts and empties them with every data table) */
async function employmentCounts(db: TestDb) {
  const all = await tableCounts(db)
  return Object.fromEntries(EMPLOYMENT_TABLES.map((t) => [t, all[t]]))
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  )

let db: TestDb
let example: Bundle
beforeAll(async () => {
  db = await createTestDb()
  example = await readBundle()
})
beforeEach(() => emptyDatabase(db))
afterAll(() => db.drop())

describe('employment in a bundle', () => {
  it('maps the example’s files onto the employment tables, and a round trip gives the same bytes', async () => {
    await importInto(db, example)
    expect(await employmentCounts(db)).toEqual({
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
    // references land on the right rows: the hire's offer, situation, and the positioning and application it ended
    const { rows } = await sql<Record<string, unknown>>`
      SELECT p.external_id AS placement, e.siret, o.external_id AS offer, s.external_id AS situation,
        p.hours_per_week::text AS hours, c.external_id AS candidate, a.external_id AS application
      FROM placement p JOIN employer e ON e.id = p.employer_id LEFT JOIN job_offer o ON o.id = p.offer_id
      LEFT JOIN situation s ON s.id = p.situation_id LEFT JOIN offer_candidate c ON c.placement_id = p.id
      LEFT JOIN operation_application a ON a.placement_id = p.id
      ORDER BY 1`.execute(db.kysely)
    expect(rows).toEqual([
      {
        placement: 'PL-1',
        siret: '41234567800012',
        offer: 'OF-1',
        situation: 'SI-3',
        hours: '17.50',
        candidate: 'OC-1',
        application: null,
      },
      {
        placement: 'PL-2',
        siret: '52345678900021',
        offer: null,
        situation: null,
        hours: '24.00',
        candidate: null,
        application: 'OA-1',
      },
    ])
    const hours = await sql<{ hours: string; file_name: string | null }>`
      SELECT h.hours::text AS hours, s.file_name, s.period, o.external_id AS operation, e.siret
      FROM clause_hours h LEFT JOIN clause_statement s ON s.id = h.statement_id
      LEFT JOIN clause_operation o ON o.id = s.operation_id LEFT JOIN employer e ON e.id = s.employer_id
      ORDER BY h.month`.execute(db.kysely)
    expect(hours.rows).toEqual([
      {
        hours: '151.67',
        file_name: 'releve-btp-flandre-2009-03.csv',
        period: '2009-03',
        operation: 'CO-1',
        siret: expect.stringMatching(/^\d{14}$/),
      },
      { hours: '140.00', file_name: null, period: null, operation: null, siret: null },
    ])

    const out = await exportFrom(db, undefined, 2)
    expect(out['job_offers.csv']).toContain(',claire.martin@ml-littoral.fr,EC-1,A-DK-CTR|A-GS\n')
    expect(out['placement_follow_ups.csv']).toContain('PL-1,1,2009-10-14,2009-10-15,in_post,Bonne intégration,')
    expect(out['clause_hours.csv']).toContain(
      'CH-1,CL-1,ABC-77,2009-03-01,151.67,5b0e7c1a-3d2f-4e8a-9b61-2f4c8d9e0a17,',
    )
    // the example is written as the export writes it
    for (const e of employmentEntities) expect(out[e.file], e.file).toBe(example[e.file])
    // imported again into the same database: nothing changes
    const again = await importInto(db, out)
    for (const f of again.files) expect(f, f.file).toMatchObject({ inserted: 0, updated: 0 })
    // into an empty database: the same bytes
    await emptyDatabase(db)
    await importInto(db, out)
    expect(await exportFrom(db)).toEqual(out)
  })

  it('round-trips every employment table filled through the test builders (rows created in Jalon, known by uuid)', async () => {
    const fx = await buildStructure(db, 'ml-emploi')
    const officer = await buildUser(db, fx, { role: 'employment_officer' as never, email: 'cre@test.jalon.fr' })
    const [lea, kevin, jean] = [await buildPerson(db, fx), await buildPerson(db, fx), await buildPerson(db, fx)]
    const employer = await buildEmployer(db, fx, { name: 'Boulangerie' })
    const other = await buildEmployer(db, fx, { name: 'BTP', nafCode: null })
    await db.kysely
      .insertInto('employer_contact')
      .values({ structure_id: fx.structureId, employer_id: employer.id, name: 'Gérante', external_id: null })
      .execute()
    await db.kysely
      .insertInto('employer_interaction')
      .values({
        structure_id: fx.structureId,
        employer_id: employer.id,
        date: '2026-01-04',
        kind: 'visit',
        officer_id: officer.id,
        subject: 'Besoins',
        external_id: null,
      })
      .execute()
    await buildJobProject(db, fx, lea.id)
    const offer = await buildOffer(db, fx, employer.id, { siteIds: [fx.sites.a, fx.sites.b], officerId: officer.id })
    const operation = await buildOperation(db, fx, employer.id)
    const session = await db.kysely
      .insertInto('operation_info_session')
      .values({ structure_id: fx.structureId, operation_id: operation.id, at: new Date('2026-01-12T09:30:00.123Z') })
      .returning('id')
      .executeTakeFirstOrThrow()
    const pool = await buildPool(db, fx)
    await db.kysely
      .insertInto('pool_info_session')
      .values({ structure_id: fx.structureId, pool_id: pool.id, at: new Date('2026-01-08T13:00:00Z') })
      .execute()
    await buildPoolMember(db, fx, pool.id, kevin.id, { joinedOn: '2026-01-20' })
    const placement = await buildPlacement(db, fx, lea.id, employer.id, {
      offerId: offer.id,
      operationId: operation.id,
      poolId: pool.id,
      followUps: true,
    })
    const candidate = await buildCandidate(db, fx, offer.id, lea.id, {
      status: 'hired',
      placementId: placement.id,
      positionedBy: officer.id,
      positionedAt: new Date('2026-01-02T08:00:00Z'),
    })
    await buildCandidate(db, fx, offer.id, kevin.id, {
      status: 'refused',
      positionedAt: new Date('2026-01-03T08:00:00Z'),
    })
    await db.kysely
      .insertInto('offer_candidate_event')
      .values({
        structure_id: fx.structureId,
        candidate_id: candidate.id,
        at: new Date('2026-01-02T08:00:00Z'),
        actor_id: officer.id,
        from_status: null,
        to_status: 'proposed',
      })
      .execute()
    await buildApplication(db, fx, operation.id, { infoSessionId: session.id, attended: true })
    await buildApplication(db, fx, operation.id, { personId: jean.id, outcome: 'not_retained' })
    const programme = await buildImmersionProgramme(db, fx)
    await buildImmersion(db, fx, kevin.id, employer.id, { programmeId: programme.id, moduleNumber: 2, poolId: pool.id })
    await buildImmersion(db, fx, lea.id, other.id, {
      status: 'done',
      validated: true,
      outcome: 'contract',
      placementId: placement.id,
    })
    const clause = await buildClauseOperation(db, fx)
    const lot = await buildClauseLot(db, fx, clause.id, { employerId: other.id })
    await buildClauseLot(db, fx, clause.id, { employerId: null, requiredHours: 0 })
    await buildClauseParticipant(db, fx, jean.id, { criterion: 'rqth' })
    await buildClauseContract(db, fx, lot.id, jean.id)
    const statement = await db.kysely
      .insertInto('clause_statement')
      .values({
        structure_id: fx.structureId,
        operation_id: clause.id,
        employer_id: other.id,
        period: '2026-01',
        file_name: 'releve.csv',
        imported_by: officer.id,
        row_count: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const h = await buildClauseHours(db, fx, lot.id, jean.id, '2026-01-01', 37.5)
    await db.kysely.updateTable('clause_hours').set({ statement_id: statement.id }).where('id', '=', h.id).execute()
    await buildClauseHours(db, fx, lot.id, jean.id, '2026-02-01', 12.25)

    const counts = await employmentCounts(db)
    for (const t of EMPLOYMENT_TABLES) expect(counts[t], t).toBeGreaterThan(0)
    const out = await exportFrom(db, fx.structureId, 3)
    expect(out['placements.csv']!.trim().split('\n')).toHaveLength(2)
    expect(out['clause_participants.csv']).toContain(',rqth,2026-01-02,')
    // into an empty database: every row back, the same bytes
    await emptyDatabase(db)
    const report = await importInto(db, out)
    expect(report.structureCreated).toBe(true)
    expect(await employmentCounts(db)).toEqual(counts)
    expect(await exportFrom(db)).toEqual(out)
  })

  it('a changed cell updates its row; sites emptied unbind the offer; follow-ups and events are matched, not doubled', async () => {
    await importInto(db, example)
    let b = withCell(example, 'job_offers.csv', 1, 'site_codes', '')
    b = withCell(b, 'placement_follow_ups.csv', 2, 'done_on', '2009-12-15')
    b = withCell(b, 'placement_follow_ups.csv', 2, 'outcome', 'changed_job')
    b = withCell(b, 'offer_candidate_events.csv', 6, 'note', 'Indisponible avant juin')
    b = withCell(b, 'clause_hours.csv', 2, 'hours', '139,5')
    const report = await importInto(db, b)
    const byFile = Object.fromEntries(report.files.map((f) => [f.file, f]))
    for (const f of ['job_offers.csv', 'placement_follow_ups.csv', 'offer_candidate_events.csv', 'clause_hours.csv'])
      expect(byFile[f], f).toMatchObject({ inserted: 0, updated: 1 })
    expect(byFile['employers.csv']).toMatchObject({ inserted: 0, updated: 0 })
    expect(await employmentCounts(db)).toMatchObject({
      job_offer_site: 1,
      placement_follow_up: 4,
      offer_candidate_event: 6,
      clause_hours: 2,
    })
    const followUp = await sql<{ outcome: string; version: number }>`
      SELECT f.outcome, f.version FROM placement_follow_up f JOIN placement p ON p.id = f.placement_id
      WHERE p.external_id = 'PL-1' AND f.milestone_months = 3`.execute(db.kysely)
    expect(followUp.rows).toEqual([{ outcome: 'changed_job', version: 2 }])
    const hours = await db.kysely
      .selectFrom('clause_hours')
      .select(['hours', 'version'])
      .where('external_id', '=', 'CH-2')
      .executeTakeFirstOrThrow()
    expect({ hours: Number(hours.hours), version: hours.version }).toEqual({ hours: 139.5, version: 2 })
  })

  it('an unknown employer names file, line and column, with every other error, and nothing is imported', async () => {
    const before = await tableCounts(db)
    let b = withCell(example, 'job_offers.csv', 2, 'employer_external_id', 'EN-99')
    b = withCell(b, 'employers.csv', 3, 'siret', '1234')
    b = withCell(b, 'job_projects.csv', 1, 'rome_code', 'Z9999')
    b = withCell(b, 'offer_candidates.csv', 2, 'refusal_reason', '')
    b = withCell(b, 'placement_follow_ups.csv', 2, 'done_on', '2009-12-15')
    b = withCell(b, 'clause_hours.csv', 2, 'month', '2009-04-15')
    b = withCell(b, 'clause_participants.csv', 1, 'criterion', 'unknown')
    const error = await failure(importInto(db, b))
    expect(error).toBeInstanceOf(ImportFailed)
    expect((error as ImportFailed).issues.map(formatIssue)).toEqual([
      'employers.csv, ligne 4, colonne siret : un SIRET s’écrit en 14 chiffres',
      'job_projects.csv, ligne 2, colonne rome_code : code ROME inconnu « Z9999 »',
      'job_offers.csv, ligne 3, colonne employer_external_id : entreprise introuvable « EN-99 » (ni dans employers.csv, ni dans la base)',
      'placement_follow_ups.csv, ligne 3, colonne outcome : un suivi fait a sa date (done_on) et son résultat (outcome), l’un ne va pas sans l’autre',
      'offer_candidates.csv, ligne 3, colonne refusal_reason : l’état refused demande son motif',
      'clause_participants.csv, ligne 2, colonne criterion : code inconnu « unknown » (codes admis : rsa, youth_below_bac, long_term_job_seeker, rqth, senior, insertion_pathway, other)',
      'clause_hours.csv, ligne 3, colonne month : un mois s’écrit par son premier jour (AAAA-MM-01)',
    ])
    expect(await tableCounts(db)).toEqual(before)
    expect(before.employer).toBe(0)
  })

  it('a SIRET twice, or a person twice on an offer, is refused by name', async () => {
    let b = withCell(example, 'employers.csv', 3, 'siret', '41234567800012')
    b = withCell(b, 'offer_candidates.csv', 2, 'person_external_id', 'P3-000102')
    const error = await failure(importInto(db, b))
    expect((error as ImportFailed).issues.map(formatIssue)).toEqual([
      'employers.csv, ligne 4, colonne siret : une autre entreprise porte déjà ce SIRET',
      'offer_candidates.csv, ligne 3, colonne person_external_id : la personne est déjà positionnée sur cette offre',
    ])
    expect((await tableCounts(db)).employer).toBe(0)
  })

  it('the immersion programmes are configuration; the clause participants (RSA, RQTH) are person data', () => {
    const configuration = entitiesOf('configuration').map((e) => e.file)
    expect(configuration).toEqual(expect.arrayContaining(['immersion_programmes.csv', 'immersion_modules.csv']))
    for (const e of employmentEntities)
      if (!e.file.startsWith('immersion_')) expect(configuration, e.file).not.toContain(e.file)
    expect(sensitiveClauseCriteria).toEqual(['rsa', 'rqth'])
    const files = entitiesOf('all').map((e) => e.file)
    // a file refers only to those before it: employers → offers → operations and pools → placements → the rest
    const at = (f: string) => files.indexOf(f)
    expect(at('employers.csv')).toBeLessThan(at('job_offers.csv'))
    expect(at('recruitment_operations.csv')).toBeLessThan(at('placements.csv'))
    expect(at('candidate_pools.csv')).toBeLessThan(at('placements.csv'))
    for (const f of ['offer_candidates.csv', 'operation_applications.csv', 'immersions.csv', 'clause_contracts.csv'])
      expect(at('placements.csv')).toBeLessThan(at(f))
    expect(at('clause_statements.csv')).toBeLessThan(at('clause_hours.csv'))
  })
})
