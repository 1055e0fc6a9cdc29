import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type QualityRuleId, qualityRuleIds } from '../../../shared/quality/quality.schema.ts'
import { buildEnrolmentRow, buildEventRow } from '../../test/accompaniment.builders.ts'
import { buildUser } from '../../test/builders.ts'
import { buildPerson, type PersonSpec } from '../../test/person.builders.ts'
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts'
import { countOnDays } from './quality.repository.ts'
import { qualityRules } from './quality.rules.ts'

// Each rule of the data-entry charter with a file that breaks it and one that does not (the clean file, and a near
// miss where one is telling). The clock says 2026-03-02; the ML programme has no contact rule (90 days).
let t: TestContext
let me: TestClient
const ids: Record<string, string> = {}

/** A file that breaks no rule: level, first reception, referent, an ML enrolment, recent contacts. */
async function file(name: string, spec: PersonSpec = {}, opts: { entry?: string; events?: string[] } = {}) {
  const person = await buildPerson(t.db, t.fx, {
    lastName: name,
    referentId: me.user!.id,
    firstReceptionDate: '2025-09-01',
    attributes: [{ attribute: 'education_level', value: 'V', validFrom: '2025-09-01' }],
    ...spec,
  })
  await buildEnrolmentRow(t.db, t.fx, person.id, {
    programme_id: t.fx.programmes.ml,
    entry_date: opts.entry ?? '2025-09-01',
  })
  for (const day of opts.events ?? ['2025-12-15', '2026-02-15'])
    await buildEventRow(t.db, t.fx, person.id, { date: day })
  ids[name] = person.id
  return person.id
}

async function situation(personId: string, planned: string) {
  await t.db.kysely
    .insertInto('situation')
    .values({
      structure_id: t.fx.structureId,
      person_id: personId,
      external_id: null,
      kind: 'cdd',
      start_date: '2025-10-01',
      planned_end_date: planned,
      end_date: null,
      organisation_name: null,
      hours_per_week: null,
      counsellor_id: null,
      note: null,
    })
    .execute()
}

beforeAll(async () => {
  t = await createTestContext()
  me = await t.as('counsellor') // site A
  await file('Propre')
  await file('SansNiveau', { attributes: [] })
  await file('SansContact', {}, { events: ['2025-11-01'] })
  await file('Contact90Jours', {}, { events: ['2025-12-02'] }) // exactly the rule: not yet
  await situation(await file('SituationDepassee'), '2026-02-01')
  await situation(await file('SituationEnCours'), '2026-04-01')
  await file('EntreeAvantAccueil', {}, { entry: '2025-08-01' })
  const early = await file('EntretienAvantAccueil')
  await buildEventRow(t.db, t.fx, early, { date: '2025-08-20' })
  await file('SansPremierAccueil', { firstReceptionDate: null })
  await file('SansReferent', { referentId: null })
  // no enrolment open today: breaks every rule, counted by none
  await buildPerson(t.db, t.fx, { lastName: 'Archive', firstReceptionDate: null })
  // on site B, a colleague's: out of my scope
  const colleague = (await buildUser(t.db, t.fx, { role: 'counsellor', siteIds: [t.fx.sites.b] })).id
  await file('AutreSite', { siteId: t.fx.sites.b, referentId: colleague, attributes: [] })
})
afterAll(() => t.close())

const breaking = async (client: TestClient, rule: QualityRuleId, query = '') => {
  const res = await client.get(`/api/quality/rules/${rule}/files${query}`)
  expect(res.statusCode, res.body).toBe(200)
  return (res.json().items as { lastName: string; detail: string | null }[]).map((f) => f.lastName)
}

const expected: Record<QualityRuleId, string[]> = {
  education_level_missing: ['SansNiveau'],
  no_contact: ['SansContact'],
  situation_past_planned_end: ['SituationDepassee'],
  enrolment_before_first_reception: ['EntreeAvantAccueil'],
  first_reception_after_first_interview: ['EntretienAvantAccueil'],
  first_reception_missing: ['SansPremierAccueil'],
  no_referent: ['SansReferent'],
}

describe('quality rules', () => {
  it('declares every rule once, with its French words', () => {
    expect(qualityRules.map((r) => r.id)).toEqual([...qualityRuleIds])
    for (const r of qualityRules) {
      expect(r.label.length, r.id).toBeGreaterThan(10)
      expect(r.explanation.length, r.id).toBeGreaterThan(60)
      expect(r.fix.length, r.id).toBeGreaterThan(20)
    }
  })

  for (const rule of qualityRuleIds)
    it(`${rule}: the file that breaks it is listed, the clean file and the near miss are not`, async () => {
      expect(await breaking(me, rule)).toEqual(expected[rule])
    })

  it('says what breaks the rule in each file, in French', async () => {
    const details = async (rule: QualityRuleId) =>
      ((await me.get(`/api/quality/rules/${rule}/files`)).json().items as { detail: string | null }[]).map(
        (f) => f.detail,
      )
    expect(await details('no_contact')).toEqual(['Dernier contact le 01/11/2025'])
    expect(await details('situation_past_planned_end')).toEqual(['CDD, fin prévue le 01/02/2026'])
    expect(await details('enrolment_before_first_reception')).toEqual([
      'Entrée ML le 01/08/2025, premier accueil le 01/09/2025',
    ])
    expect(await details('first_reception_after_first_interview')).toEqual([
      'Premier entretien le 20/08/2025, premier accueil le 01/09/2025',
    ])
    expect(await details('education_level_missing')).toEqual([null])
  })

  it('counts each rule once per file, by site and by counsellor, files in activity only', async () => {
    const res = await me.get('/api/quality')
    expect(res.statusCode, res.body).toBe(200)
    const summary = res.json()
    expect(summary.today).toBe('2026-03-02')
    expect(summary.files).toBe(10)
    for (const r of summary.rules) expect(r.count, r.id).toBe(1)
    expect(summary.bySite).toEqual([expect.objectContaining({ id: t.fx.sites.a, label: 'Site A', files: 10 })])
    const counsellors = summary.byCounsellor.map((g: { label: string; files: number }) => [g.label, g.files])
    expect(counsellors).toEqual([
      ['Utilisateur counsellor', 9],
      ['Sans référent', 1],
    ])
  })

  it('counts each past month on its last day from the dated rows, for the director', async () => {
    const director = await t.as('director')
    const res = await director.get('/api/quality/trend?months=3')
    expect(res.statusCode, res.body).toBe(200)
    const months = res.json().months as { month: string; day: string; files: number; counts: Record<string, number> }[]
    expect(months.map((m) => [m.month, m.day])).toEqual([
      ['2026-01', '2026-01-31'],
      ['2026-02', '2026-02-28'],
      ['2026-03', '2026-03-02'],
    ])
    // the CDD's planned end (01/02/2026) had not passed on 31/01; the site B file without level counts for the director
    expect(months.map((m) => m.counts.situation_past_planned_end)).toEqual([0, 1, 1])
    expect(months.map((m) => m.counts.education_level_missing)).toEqual([2, 2, 2])
    expect(months[2]!.files).toBe(11)
  })

  it('counts the months in one query exactly as each day alone', async () => {
    const days = ['2025-08-31', '2025-09-30', '2025-12-31', '2026-01-31', '2026-02-01', '2026-02-28', '2026-03-02']
    const scope = { structureId: t.fx.structureId }
    await t.db.kysely.transaction().execute(async (tx) => {
      const together = await countOnDays(tx, scope, days)
      const alone = []
      for (const day of days) alone.push(...(await countOnDays(tx, scope, [day])))
      expect(together).toEqual(alone)
      // every rule is met on some day, and the files in activity change over the months
      for (const r of qualityRules)
        expect(
          together.some((d) => d.counts[r.id] > 0),
          r.id,
        ).toBe(true)
      expect(new Set(together.map((d) => d.files)).size).toBeGreaterThan(1)
    })
  })

  it('counts the current month at every call, and keeps the past months five minutes', async () => {
    const director = await t.as('director')
    const trend = async () =>
      ((await director.get('/api/quality/trend?months=3')).json().months as { counts: Record<string, number> }[]).map(
        (m) => m.counts.no_referent,
      )
    expect(await trend()).toEqual([1, 1, 1])
    // the file gets its referent: today's count at once; the past months (no date of their own) a little later
    await t.db.kysely
      .updateTable('person')
      .set({ referent_id: me.user!.id })
      .where('id', '=', ids.SansReferent!)
      .execute()
    expect(await trend()).toEqual([1, 1, 0])
    t.clock.advance(5 * 60_000)
    expect(await trend()).toEqual([0, 0, 0])
  })
})
