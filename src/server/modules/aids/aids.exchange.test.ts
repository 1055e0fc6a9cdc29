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

// The aids' files of the bundle (issue 12): the example bundle's funds (CIVIS, FDAJ, FIPJ) with their envelopes, a
// held FDAJ commission, a CLAP-like project with two holders, four requests in their states, a reinforced aid's
// contract with its scheduled instalments, an allowance run, a payment and its counter-entry, an indirect aid. A
// round trip gives the same bytes; an error names file, line and column, and nothing is imported.

const aidCounts = async (db: TestDb) =>
  Object.fromEntries(Object.entries(await tableCounts(db)).filter(([t]) => t.startsWith('aid_')))

let db: TestDb
let bundle: Bundle
beforeAll(async () => {
  db = await createTestDb()
  // the counter-entry (the example bundle has no negative number: exchange.export.test.ts checks its cells)
  bundle = withRow(await readBundle(), 'aid_payments.csv', {
    external_id: 'PA-6',
    request_external_id: 'DA-4',
    amount_cents: '-30000',
    mode: 'transfer',
    paid_on: '2009-04-08',
    cancels_external_id: 'PA-5',
    reason: 'Versement en double avec une autre allocation',
    recorded_by_email: 'claire.martin@ml-littoral.fr',
    recorded_at: '2009-04-08T10:00:00Z',
  })
})
beforeEach(() => emptyDatabase(db))
afterAll(() => db.drop())

describe('the aids in a bundle', () => {
  it('maps their files onto the aids’ tables, and a round trip gives the same bytes', async () => {
    await importInto(db, bundle)
    expect(await aidCounts(db)).toEqual({
      aid_fund: 3,
      aid_envelope: 3,
      aid_commission: 1,
      aid_commission_member: 2,
      aid_project: 1,
      aid_project_holder: 2,
      aid_request: 4,
      aid_contract: 1,
      aid_payment_run: 1,
      aid_payment: 6,
      aid_indirect: 1,
    })
    const fund = await db.kysely
      .selectFrom('aid_fund')
      .select(['purposes', 'tracks', 'payment_modes', 'documents', 'programme_types', 'communes'])
      .where('code', '=', 'FDAJ')
      .executeTakeFirstOrThrow()
    expect(fund).toEqual({
      purposes: ['subsistence', 'transport', 'accommodation', 'energy_debt'],
      tracks: ['emergency', 'ordinary', 'reinforced'],
      payment_modes: ['transfer', 'cheque', 'third_party'],
      documents: ['Pièce d’identité', 'Justificatif de ressources'],
      programme_types: [],
      communes: [],
    })
    const { rows: payments } = await sql<Record<string, unknown>>`
      SELECT p.external_id AS payment, c.external_id AS cancels, r.month::text AS run, p.amount_cents::int AS amount
      FROM aid_payment p LEFT JOIN aid_payment c ON c.id = p.cancels_id LEFT JOIN aid_payment_run r ON r.id = p.run_id
      WHERE p.external_id IN ('PA-5', 'PA-6') ORDER BY 1`.execute(db.kysely)
    expect(payments).toEqual([
      { payment: 'PA-5', cancels: null, run: '2009-03-01', amount: 30000 },
      { payment: 'PA-6', cancels: 'PA-5', run: null, amount: -30000 },
    ])
    const asked = await db.kysely
      .selectFrom('aid_request')
      .select('asked_at')
      .where('external_id', '=', 'DA-2')
      .executeTakeFirstOrThrow()
    expect(asked.asked_at.toISOString()).toBe('2009-03-02T12:00:00.000Z')

    const out = await exportFrom(db, undefined, 2)
    expect(out['aid_funds.csv']).toContain(
      ',subsistence|transport|accommodation|energy_debt,emergency|ordinary|reinforced,',
    )
    expect(out['aid_payments.csv']).toContain('PA-6,DA-4,-30000,transfer,,,2009-04-08,,PA-5,')
    // imported again into the same database: nothing changes
    const again = await importInto(db, out)
    for (const f of again.files) expect(f, f.file).toMatchObject({ inserted: 0, updated: 0 })
    // into an empty database: the same bytes
    await emptyDatabase(db)
    await importInto(db, out)
    expect(await exportFrom(db)).toEqual(out)
  })

  it('a counter-entry before the payment it cancels, in the same batch, is written after it', async () => {
    const lines = bundle['aid_payments.csv']!.trimEnd().split('\n')
    const reordered = [lines[0], lines[6], ...lines.slice(1, 6)].join('\n')
    await importInto(db, { ...bundle, 'aid_payments.csv': `${reordered}\n` })
    expect(await aidCounts(db)).toMatchObject({ aid_payment: 6 })
  })

  it('names the file, line and column of each error, and imports nothing', async () => {
    await importInto(db, bundle)
    const before = await tableCounts(db)
    let b = withCell(bundle, 'aid_envelopes.csv', 2, 'fund_external_id', 'F-FSE')
    b = withCell(b, 'aid_funds.csv', 1, 'purposes', 'allowance|lottery')
    b = withCell(b, 'aid_requests.csv', 3, 'person_external_id', 'P3-999999')
    b = withCell(b, 'aid_requests.csv', 4, 'month', '2009-03-15')
    b = withCell(b, 'aid_requests.csv', 1, 'amount_granted_cents', '')
    b = withRow(b, 'aid_payments.csv', {
      external_id: 'PA-7',
      request_external_id: 'DA-1',
      amount_cents: '-6000',
      mode: 'meal_vouchers',
      paid_on: '2009-03-05',
      cancels_external_id: 'PA-99',
      reason: 'Erreur de saisie',
    })
    b = withRow(b, 'aid_payments.csv', {
      external_id: 'PA-8',
      request_external_id: 'DA-1',
      amount_cents: '-10000',
      mode: 'transfer',
      paid_on: '2009-03-05',
      cancels_external_id: 'PA-2',
      reason: 'Erreur de saisie',
    })
    b = withRow(b, 'aid_payments.csv', {
      external_id: 'PA-9',
      request_external_id: 'DA-1',
      amount_cents: '-6000',
      mode: 'meal_vouchers',
      paid_on: '2009-03-05',
    })
    const error = await importInto(db, b).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(ImportFailed)
    expect((error as ImportFailed).issues.map(formatIssue)).toEqual([
      'aid_funds.csv, ligne 2, colonne purposes : code inconnu « lottery » (codes admis : meals, transport, clothing, accommodation, training, subsistence, driving_licence, childcare, equipment, energy_debt, allowance, project, holiday, other)',
      'aid_envelopes.csv, ligne 3, colonne fund_external_id : fonds d’aide introuvable « F-FSE » (ni dans aid_funds.csv, ni dans la base)',
      'aid_requests.csv, ligne 2, colonne amount_granted_cents : une demande accordée demande le montant accordé',
      'aid_requests.csv, ligne 5, colonne month : un mois s’écrit par son premier jour (AAAA-MM-01)',
      'aid_requests.csv, ligne 4, colonne person_external_id : personne introuvable « P3-999999 » (ni dans persons.csv, ni dans la base)',
      'aid_payments.csv, ligne 10, colonne amount_cents : un montant négatif est une contre-passation : elle nomme le paiement annulé (cancels_external_id)',
      'aid_payments.csv, ligne 8, colonne cancels_external_id : paiement introuvable « PA-99 » (ni plus haut dans aid_payments.csv, ni dans la base)',
      'aid_payments.csv, ligne 9, colonne cancels_external_id : ce paiement est celui d’une autre demande',
    ])
    expect(await tableCounts(db)).toEqual(before)
  })
})
