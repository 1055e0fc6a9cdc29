import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ClauseHome } from '../../../shared/employment/clauses.schema.ts'
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

// The facilitator's home block (docs/employment/clauses.md « Home »): this year's hours by operation, last month's
// statements missing; the facilitator's only.
let t: TestContext
let officer: TestClient

beforeAll(async () => {
  t = await createTestContext()
  officer = await t.as('employment_officer')
})
afterAll(() => t.close())

const url = '/api/employment/clauses/home'
const home = async () => {
  const r = await officer.get(url)
  expect(r.statusCode, r.body).toBe(200)
  return r.json() as ClauseHome
}

describe('the facilitator’s home block', () => {
  it('hours done this year against required; a company of a running operation without last month’s statement', async () => {
    const { lastMonth, year } = await home()
    const op = await buildClauseOperation(t.db, t.fx, { name: 'Accueil : groupe scolaire' })
    await t.db.kysely.updateTable('clause_operation').set({ starts_on: null }).where('id', '=', op.id).execute()
    const sent = await buildEmployer(t.db, t.fx, { name: 'Accueil BTP' })
    const late = await buildEmployer(t.db, t.fx, { name: 'Accueil Peinture' })
    const lot = await buildClauseLot(t.db, t.fx, op.id, { employerId: sent.id, requiredHours: 500 })
    await buildClauseLot(t.db, t.fx, op.id, { employerId: late.id, requiredHours: 100 })
    const person = await buildPerson(t.db, t.fx)
    await buildClauseParticipant(t.db, t.fx, person.id)
    await buildClauseHours(t.db, t.fx, lot.id, person.id, `${lastMonth}-01`, 70)
    await buildClauseHours(t.db, t.fx, lot.id, person.id, `${year - 1}-06-01`, 35)
    await t.db.kysely
      .insertInto('clause_statement')
      .values({
        structure_id: t.fx.structureId,
        operation_id: op.id,
        employer_id: sent.id,
        period: lastMonth,
        file_name: 'releve.csv',
        row_count: 1,
      })
      .execute()
    const closed = await buildClauseOperation(t.db, t.fx, { name: 'Accueil : opération close' })
    await t.db.kysely.updateTable('clause_operation').set({ status: 'closed' }).where('id', '=', closed.id).execute()
    const other = await buildStructure(t.db)
    const foreign = await buildClauseOperation(t.db, other, { name: 'Accueil : une autre structure' })

    const h = await home()
    const mine = h.operations.find((o) => o.id === op.id)
    // last month may be last year's December: then none of the hours are this year's
    expect(mine).toEqual({
      id: op.id,
      name: 'Accueil : groupe scolaire',
      requiredHours: 600,
      doneHours: lastMonth.startsWith(String(year)) ? 70 : 0,
    })
    expect(h.operations.map((o) => o.id)).not.toContain(closed.id)
    expect(h.operations.map((o) => o.id)).not.toContain(foreign.id)
    expect(h.missing.filter((m) => m.operationId === op.id)).toEqual([
      {
        operationId: op.id,
        operationName: 'Accueil : groupe scolaire',
        employerId: late.id,
        employerName: 'Accueil Peinture',
      },
    ])
  })

  it('the facilitator’s only: the director and a counsellor 403', async () => {
    for (const role of ['director', 'counsellor'] as const)
      expect((await (await t.as(role)).get(url)).statusCode).toBe(403)
  })
})
