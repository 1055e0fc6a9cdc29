import fc from 'fast-check'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { situationKindCodes } from '../../../../shared/nomenclatures/accompaniment.ts'
import { type AttributeKind, attributeKinds } from '../../../../shared/nomenclatures/person.ts'
import type { Period } from '../../../../shared/reporting/reporting.schema.ts'
import { buildAnnualReport } from '../../../reporting/report/build.ts'
import { buildStructure, type Fixture } from '../../../test/builders.ts'
import { buildScheme, buildYouth } from '../../../test/reporting.builders.ts'
import { createTestDb, type TestDb, testDbKind } from '../../../test/test-db.ts'
import { rebuildFacts, withFactsDeferred } from '../../registry.ts'

// The facts a built year keeps (ml_person_year and its companions) after any sequence of writes are those a rebuild
// computes from the rows, and the Mission Locale's indicators read from them give what the raw rows give: random
// inserts, updates and deletes of persons, dated attributes, events, enrolments, propositions, situations and
// programme types, one row or several persons per statement, on dates inside and outside the built years.

const BUILT = [2008, 2009]
let db: TestDb
let a: Fixture
let b: Fixture
let civis: { a: string; b: string }

beforeAll(async () => {
  db = await createTestDb()
  a = await buildStructure(db)
  b = await buildStructure(db)
  civis = { a: await buildScheme(db, a, 'CIVIS'), b: await buildScheme(db, b, 'CIVIS') }
  await rebuildFacts(db.kysely, { years: BUILT })
})
afterAll(() => db.drop())

/** the three fact tables, every row, in one order */
async function facts() {
  const { rows: years } = await sql`SELECT * FROM ml_person_year ORDER BY year, person_id`.execute(db.kysely)
  const { rows: themes } = await sql`SELECT * FROM ml_person_year_theme
    ORDER BY year, person_id, structure_id, domain, theme`.execute(db.kysely)
  const { rows: programmes } = await sql`SELECT * FROM ml_person_year_programme
    ORDER BY year, person_id, structure_id, programme_type, movement, reinforced, age`.execute(db.kysely)
  return { years, themes, programmes }
}

const report = (fx: Fixture, period: Period, facts: boolean, extra: { siteIds?: string[]; network?: boolean } = {}) =>
  db.kysely
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute((q) =>
      buildAnnualReport(q, {
        structureId: fx.structureId,
        network: extra.network ? { name: 'Réseau', structureIds: [a.structureId, b.structureId] } : undefined,
        period,
        siteIds: extra.siteIds,
        now: new Date(0),
        facts,
      }),
    )

// ---- random writes ----

const day = fc
  .integer({ min: 0, max: 3 * 365 })
  .map((n) => new Date(Date.UTC(2007, 6, 1) + n * 86_400_000).toISOString().slice(0, 10))
const attributes = Object.keys(attributeKinds) as AttributeKind[]
const themes = ['employment_access', 'training', 'housing', 'health', 'citizenship', 'local_theme']
const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]

type Op =
  | { op: 'person'; s: boolean; sex: 'F' | 'M'; birth: number; site: boolean; reception: string | null; ml: string }
  | { op: 'personUpdate'; i: number; what: number; sex: 'F' | 'M'; birth: number; reception: string | null }
  | { op: 'personDelete'; i: number }
  | { op: 'event'; i: number; date: string; absent: boolean }
  | { op: 'eventUpdate'; i: number; date: string | null; absent: boolean }
  | { op: 'eventsShift'; i: number; days: number }
  | { op: 'eventDelete'; i: number }
  | { op: 'attribute'; i: number; kind: number; value: number; date: string }
  | { op: 'attributeUpdate'; i: number; value: number; date: string }
  | { op: 'attributeDelete'; i: number }
  | { op: 'enrolment'; i: number; programme: number; entry: string; exit: string | null; reinforced: boolean }
  | { op: 'enrolmentUpdate'; i: number; entry: string; exit: string | null; programme: number }
  | { op: 'enrolmentDelete'; i: number }
  | { op: 'proposition'; i: number; theme: number; date: string; others: number }
  | { op: 'propositionUpdate'; i: number; theme: number; date: string }
  | { op: 'propositionsDelete'; from: string; days: number }
  | { op: 'situation'; i: number; kind: number; date: string }
  | { op: 'situationUpdate'; i: number; kind: number; date: string }
  | { op: 'situationDelete'; i: number }
  | { op: 'programmeType'; type: 'civis' | 'cej' }
  | { op: 'crowd'; n: number; date: string }

const i = fc.nat(1000)
const ops: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('crowd' as const), n: fc.integer({ min: 40, max: 80 }), date: day }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('person' as const),
      s: fc.boolean(),
      sex: fc.constantFrom('F' as const, 'M' as const),
      birth: fc.integer({ min: 1982, max: 1994 }),
      site: fc.boolean(),
      reception: fc.option(day),
      ml: day,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('personUpdate' as const),
      i,
      what: fc.nat(5),
      sex: fc.constantFrom('F' as const, 'M' as const),
      birth: fc.integer({ min: 1982, max: 1994 }),
      reception: fc.option(day),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('personDelete' as const), i }) },
  { weight: 8, arbitrary: fc.record({ op: fc.constant('event' as const), i, date: day, absent: fc.boolean() }) },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('eventUpdate' as const), i, date: fc.option(day), absent: fc.boolean() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('eventsShift' as const), i, days: fc.integer({ min: -200, max: 200 }) }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('eventDelete' as const), i }) },
  {
    weight: 4,
    arbitrary: fc.record({ op: fc.constant('attribute' as const), i, kind: fc.nat(), value: fc.nat(), date: day }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('attributeUpdate' as const), i, value: fc.nat(), date: day }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('attributeDelete' as const), i }) },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('enrolment' as const),
      i,
      programme: fc.nat(2),
      entry: day,
      exit: fc.option(day),
      reinforced: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('enrolmentUpdate' as const),
      i,
      entry: day,
      exit: fc.option(day),
      programme: fc.nat(2),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('enrolmentDelete' as const), i }) },
  {
    weight: 4,
    arbitrary: fc.record({ op: fc.constant('proposition' as const), i, theme: fc.nat(), date: day, others: fc.nat(3) }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('propositionUpdate' as const), i, theme: fc.nat(), date: day }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('propositionsDelete' as const),
      from: day,
      days: fc.integer({ min: 1, max: 60 }),
    }),
  },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('situation' as const), i, kind: fc.nat(), date: day }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('situationUpdate' as const), i, kind: fc.nat(), date: day }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('situationDelete' as const), i }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('programmeType' as const),
      type: fc.constantFrom('civis' as const, 'cej' as const),
    }),
  },
)

async function ids(table: 'person' | 'event' | 'person_attribute' | 'enrolment' | 'proposition' | 'situation') {
  return (await db.kysely.selectFrom(table).select('id').orderBy('id').execute()).map((r) => r.id)
}

/** a person row and the structure it belongs to */
async function personAt(n: number) {
  const persons = await db.kysely.selectFrom('person').select(['id', 'structure_id']).orderBy('id').execute()
  if (!persons.length) return undefined
  const p = pick(persons, n)
  return { id: p.id, fx: p.structure_id === a.structureId ? a : b }
}

const endOf = (start: string, exit: string | null) => (exit && exit < start ? start : exit)

async function apply(o: Op) {
  const k = db.kysely
  const at = async (table: Parameters<typeof ids>[0], n: number) => {
    const list = await ids(table)
    return list.length ? pick(list, n) : undefined
  }
  switch (o.op) {
    case 'person': {
      const fx = o.s ? a : b
      const id = await buildYouth(db, fx, {
        sex: o.sex,
        birth: `${o.birth}-06-15`,
        siteId: o.site ? fx.sites.a : fx.sites.b,
        firstReception: o.reception,
        ml: { entry: o.ml },
      })
      return void id
    }
    case 'personUpdate': {
      const p = await personAt(o.i)
      if (!p) return
      const row = await k
        .selectFrom('person')
        .select(['site_id', 'priority_area'])
        .where('id', '=', p.id)
        .executeTakeFirstOrThrow()
      const change = [
        { sex: o.sex },
        { birth_date: `${o.birth}-12-31` },
        { first_reception_date: o.reception },
        { site_id: row.site_id === p.fx.sites.a ? p.fx.sites.b : p.fx.sites.a },
        { priority_area: row.priority_area ? null : ('qpv' as const) },
        { last_name: 'Renommé' }, // no fact depends on it
      ][o.what]
      return void (await k.updateTable('person').set(change).where('id', '=', p.id).execute())
    }
    case 'personDelete': {
      const p = await personAt(o.i)
      if (p) await k.deleteFrom('person').where('id', '=', p.id).execute()
      return
    }
    case 'event': {
      const p = await personAt(o.i)
      if (!p) return
      return void (await buildEventRow(p, o.date, o.absent))
    }
    case 'eventUpdate': {
      const id = await at('event', o.i)
      if (id)
        await k
          .updateTable('event')
          .set({ ...(o.date ? { date: o.date } : {}), attendance: o.absent ? 'absent' : null })
          .where('id', '=', id)
          .execute()
      return
    }
    case 'eventsShift': {
      // several events of one person in one statement
      const p = await personAt(o.i)
      if (p) await sql`UPDATE event SET date = date + ${o.days}::int WHERE person_id = ${p.id}`.execute(k)
      return
    }
    case 'eventDelete': {
      const id = await at('event', o.i)
      if (id) await k.deleteFrom('event').where('id', '=', id).execute()
      return
    }
    case 'attribute': {
      const p = await personAt(o.i)
      if (!p) return
      const attribute = pick(attributes, o.kind)
      const value = pick(attributeKinds[attribute].codes as readonly string[], o.value)
      await k
        .insertInto('person_attribute')
        .values({
          structure_id: p.fx.structureId,
          person_id: p.id,
          attribute,
          value,
          level_2019: null,
          valid_from: o.date,
          recorded_by: null,
        })
        .onConflict((c) => c.doNothing())
        .execute()
      return
    }
    case 'attributeUpdate': {
      const id = await at('person_attribute', o.i)
      if (!id) return
      const row = await k.selectFrom('person_attribute').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
      const value = pick(attributeKinds[row.attribute as AttributeKind].codes as readonly string[], o.value)
      const clash = await k
        .selectFrom('person_attribute')
        .select('id')
        .where('person_id', '=', row.person_id)
        .where('attribute', '=', row.attribute)
        .where('valid_from', '=', o.date)
        .where('id', '<>', id)
        .executeTakeFirst()
      await k
        .updateTable('person_attribute')
        .set(clash ? { value } : { value, valid_from: o.date })
        .where('id', '=', id)
        .execute()
      return
    }
    case 'attributeDelete': {
      const id = await at('person_attribute', o.i)
      if (id) await k.deleteFrom('person_attribute').where('id', '=', id).execute()
      return
    }
    case 'enrolment': {
      const p = await personAt(o.i)
      if (!p) return
      const programme = [p.fx.programmes.ml, p.fx.programmes.plie, p.fx === a ? civis.a : civis.b][o.programme]
      await k
        .insertInto('enrolment')
        .values({
          structure_id: p.fx.structureId,
          person_id: p.id,
          programme_id: programme,
          external_id: null,
          entry_date: o.entry,
          exit_date: endOf(o.entry, o.exit),
          exit_reason: null,
          reinforced: o.reinforced,
          referent_id: null,
        })
        .execute()
      return
    }
    case 'enrolmentUpdate': {
      const id = await at('enrolment', o.i)
      if (!id) return
      const row = await k.selectFrom('enrolment').select('structure_id').where('id', '=', id).executeTakeFirstOrThrow()
      const fx = row.structure_id === a.structureId ? a : b
      const programme = [fx.programmes.ml, fx.programmes.plie, fx === a ? civis.a : civis.b][o.programme]
      await k
        .updateTable('enrolment')
        .set({ entry_date: o.entry, exit_date: endOf(o.entry, o.exit), programme_id: programme })
        .where('id', '=', id)
        .execute()
      return
    }
    case 'enrolmentDelete': {
      const id = await at('enrolment', o.i)
      if (id) await k.deleteFrom('enrolment').where('id', '=', id).execute()
      return
    }
    case 'proposition': {
      // one statement for this person and up to three others
      const persons = await db.kysely.selectFrom('person').select(['id', 'structure_id']).orderBy('id').execute()
      if (!persons.length) return
      const chosen = [...new Set(Array.from({ length: o.others + 1 }, (_, n) => pick(persons, o.i + n * 7)))]
      await k
        .insertInto('proposition')
        .values(
          chosen.map((p) => ({
            structure_id: p.structure_id,
            person_id: p.id,
            external_id: null,
            date: o.date,
            domain: pick(themes, o.theme) === 'housing' ? 'social' : 'professional',
            theme: pick(themes, o.theme),
            text: null,
            duration_minutes: null,
            counsellor_id: null,
            site_id: null,
          })),
        )
        .execute()
      return
    }
    case 'propositionUpdate': {
      const id = await at('proposition', o.i)
      if (id)
        await k
          .updateTable('proposition')
          .set({ theme: pick(themes, o.theme), date: o.date })
          .where('id', '=', id)
          .execute()
      return
    }
    case 'propositionsDelete': {
      await sql`DELETE FROM proposition WHERE date BETWEEN ${o.from}::date AND ${o.from}::date + ${o.days}::int`.execute(
        k,
      )
      return
    }
    case 'situation': {
      const p = await personAt(o.i)
      if (!p) return
      await k
        .insertInto('situation')
        .values({
          structure_id: p.fx.structureId,
          person_id: p.id,
          external_id: null,
          kind: pick(situationKindCodes, o.kind),
          start_date: o.date,
          planned_end_date: null,
          end_date: null,
          organisation_name: null,
          hours_per_week: null,
          counsellor_id: null,
          note: null,
        })
        .execute()
      return
    }
    case 'situationUpdate': {
      const id = await at('situation', o.i)
      if (id)
        await k
          .updateTable('situation')
          .set({ kind: pick(situationKindCodes, o.kind), start_date: o.date })
          .where('id', '=', id)
          .execute()
      return
    }
    case 'situationDelete': {
      const id = await at('situation', o.i)
      if (id) await k.deleteFrom('situation').where('id', '=', id).execute()
      return
    }
    case 'crowd': {
      // many persons in each statement (an import's batch): their files, their enrolments, an event each
      await sql`INSERT INTO person (structure_id, last_name, first_name, sex, birth_date, site_id, search_name,
          first_reception_date)
        SELECT ${a.structureId}, 'Foule' || g, 'Camille', CASE WHEN g % 2 = 0 THEN 'F' ELSE 'M' END,
          make_date(1985 + g % 8, 1 + g % 12, 1 + g % 28), ${a.sites.a}::uuid, '', ${o.date}::date - g
        FROM generate_series(1, ${o.n}) AS g`.execute(k)
      await sql`INSERT INTO enrolment (structure_id, person_id, programme_id, entry_date)
        SELECT structure_id, id, ${a.programmes.ml}::uuid, ${o.date}::date - 400 FROM person WHERE last_name LIKE 'Foule%'
          AND NOT EXISTS (SELECT 1 FROM enrolment en WHERE en.person_id = person.id)`.execute(k)
      await sql`INSERT INTO event (structure_id, person_id, kind, date, attendance)
        SELECT structure_id, id, 'workshop', ${o.date}::date, 'present' FROM person WHERE last_name LIKE 'Foule%'`.execute(
        k,
      )
      return
    }
    case 'programmeType': {
      // the administration refuses it once a programme is used; the facts follow it all the same
      await k.updateTable('programme').set({ type: o.type }).where('id', 'in', [civis.a, civis.b]).execute()
      return
    }
  }
}

async function buildEventRow(p: { id: string; fx: Fixture }, date: string, absent: boolean) {
  await db.kysely
    .insertInto('event')
    .values({
      structure_id: p.fx.structureId,
      person_id: p.id,
      external_id: null,
      kind: 'individual_interview',
      date,
      site_id: null,
      counsellor_id: null,
      duration_minutes: null,
      attendance: absent ? 'absent' : 'present',
      note: null,
    })
    .execute()
}

describe('Mission Locale facts', () => {
  it('equal a rebuild, and the indicators read from them equal the raw rows, after any writes', async () => {
    const year = (y: number): Period => ({ from: `${y}-01-01`, to: `${y}-12-31` })
    await fc.assert(
      fc.asyncProperty(fc.array(ops, { minLength: 5, maxLength: 25 }), async (list) => {
        for (const o of list) {
          await apply(o)
          // after each statement: what the triggers kept is what a rebuild computes
          const kept = await facts()
          await rebuildFacts(db.kysely, { years: BUILT })
          expect(kept, JSON.stringify(o)).toEqual(await facts())
        }
        for (const y of BUILT)
          for (const [fx, extra] of [
            [a, {}],
            [b, {}],
            [a, { siteIds: [a.sites.a] }],
            [a, { network: true }],
          ] as [Fixture, { siteIds?: string[]; network?: boolean }][]) {
            const withFacts = await report(fx, year(y), true, extra)
            const raw = await report(fx, year(y), false, extra)
            expect(withFacts.indicators, `${y} ${JSON.stringify(extra)}`).toEqual(raw.indicators)
          }
      }),
      { numRuns: 20, seed: 20261201, endOnFailure: true },
    )
    // the runs did write facts: persons in the built years, with contacts, propositions and situations
    const { years, themes: t } = await facts()
    expect(years.length).toBeGreaterThan(10)
    expect(t.length).toBeGreaterThan(5)
  })

  it.runIf(testDbKind === 'postgres')(
    'stay exact when two transactions write about the same person at once (the second waits for the first)',
    async () => {
      const person = await buildYouth(db, a, { ml: { entry: '2008-01-01' } })
      let firstWrote!: () => void
      const wrote = new Promise<void>((r) => {
        firstWrote = r
      })
      let release!: () => void
      const hold = new Promise<void>((r) => {
        release = r
      })
      const first = db.kysely.transaction().execute(async (tx) => {
        await tx
          .insertInto('event')
          .values({
            structure_id: a.structureId,
            person_id: person,
            external_id: null,
            kind: 'individual_interview',
            date: '2009-05-01',
            site_id: null,
            counsellor_id: null,
            duration_minutes: null,
            attendance: 'present',
            note: null,
          })
          .execute()
        firstWrote()
        await hold
      })
      await wrote
      const second = db.kysely.transaction().execute(async (tx) => {
        await tx
          .insertInto('person_attribute')
          .values({
            structure_id: a.structureId,
            person_id: person,
            attribute: 'housing',
            value: 'own',
            level_2019: null,
            valid_from: '2009-02-01',
            recorded_by: null,
          })
          .execute()
      })
      // the second's trigger waits for the first's lock on the person
      await new Promise((r) => setTimeout(r, 300))
      release()
      await Promise.all([first, second])
      const row = await db.kysely
        .selectFrom('ml_person_year')
        .select(['contact', 'housing'])
        .where('person_id', '=', person)
        .where('year', '=', 2009)
        .executeTakeFirstOrThrow()
      expect(row).toEqual({ contact: true, housing: 'own' })
      const kept = await facts()
      await rebuildFacts(db.kysely, { years: BUILT })
      expect(kept).toEqual(await facts())
    },
  )

  it('skip while a bulk load defers them, then are built again at its end', async () => {
    const person = await buildYouth(db, a, {
      ml: { entry: '2008-01-01' },
      events: ['2009-03-01'],
      propositions: [{ date: '2009-03-01', theme: 'training' }],
    })
    const themesOf = (q: typeof db.kysely) =>
      q.selectFrom('ml_person_year_theme').select('theme').where('person_id', '=', person).execute()
    expect(await themesOf(db.kysely)).toEqual([{ theme: 'training' }])
    await db.kysely.transaction().execute((tx) =>
      withFactsDeferred(tx, async () => {
        await sql`DELETE FROM proposition WHERE person_id = ${person}`.execute(tx)
        expect(await themesOf(tx)).toEqual([{ theme: 'training' }]) // left as they were meanwhile
      }),
    )
    expect(await themesOf(db.kysely)).toEqual([])
    const kept = await facts()
    await rebuildFacts(db.kysely, { years: BUILT })
    expect(kept).toEqual(await facts())
  })
})
