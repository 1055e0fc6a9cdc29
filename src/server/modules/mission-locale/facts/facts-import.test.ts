import fc from 'fast-check'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { situationKindCodes } from '../../../../shared/nomenclatures/accompaniment.ts'
import { type AttributeKind, attributeKinds } from '../../../../shared/nomenclatures/person.ts'
import {
  expectReportsFromFactsEqualRaw,
  type FactsWorld,
  factsWorld,
  keptAndRebuilt,
} from '../../../test/facts/facts.world.ts'
import { day } from '../../../test/facts/facts.write-ops.ts'
import { sampling } from '../../../test/sampling.ts'
import { memorySource } from '../../exchange/exchange.bundle.ts'
import { ImportFailed } from '../../exchange/exchange.errors.ts'
import { importBundle } from '../../exchange/exchange.import.ts'
import { withFactsDeferred } from '../../registry.ts'
import { noteWrites, refreshNoted } from './facts.repository.ts'

// An import into built years keeps the facts exact: its statements only note the persons and years they bear on, which
// are recomputed once at its end (registry.ts withFactsNoted). After random imports — new persons and rows, the same
// external ids again with other values (a person's sex, birth, site or first reception; a row's date moved into or out
// of a built year, an enrolment's programme or exit), every file the facts read, several batches per file — the facts
// equal a rebuild, and the report read from them equals the raw one. A refused import changes nothing; writes after an
// import in its transaction keep the facts at once; inside a bulk load the import leaves the deferral alone.

const BUILT = [2008, 2009]
let w: FactsWorld

beforeAll(async () => {
  w = await factsWorld(BUILT)
})
afterAll(() => w.db.drop())

const NOW = new Date('2026-03-02T09:00:00Z')
const importInto = (files: Record<string, string>, batchSize = 3) =>
  w.db.kysely
    .transaction()
    .execute((tx) => importBundle(tx, memorySource(files), { now: NOW, structureId: w.a.structureId, batchSize }))

const csv = (header: string[], rows: Record<string, string>[]) =>
  `${[header.join(','), ...rows.map((r) => header.map((h) => r[h] ?? '').join(','))].join('\n')}\n`

// a small pool of keys, so that later imports write the same rows again with other values
const person = fc.integer({ min: 0, max: 11 }).map((n) => `P${n}`)
const key = (prefix: string, max: number) => fc.integer({ min: 0, max }).map((n) => `${prefix}${n}`)
const attributes = Object.keys(attributeKinds) as AttributeKind[]
const themes = ['employment_access', 'training', 'housing', 'health']
const later = (from: string, days: number) =>
  new Date(Date.parse(`${from}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

const personRow = fc.record({
  external_id: person,
  last_name: fc.constantFrom('Martin', 'Durand'),
  first_name: fc.constant('Camille'),
  sex: fc.constantFrom('F', 'M'),
  birth_date: fc.integer({ min: 1982, max: 1994 }).map((y) => `${y}-06-15`),
  site_code: fc.constantFrom('A', 'B'),
  priority_area: fc.constantFrom('', 'qpv'),
  first_reception_date: fc.option(day, { nil: '' }),
})
const rowsOf = <T extends Record<string, string>>(row: fc.Arbitrary<T>, max: number) =>
  fc.uniqueArray(row, { maxLength: max, selector: (r) => r.external_id })

/** a bundle of the files the facts read; its rows refer to its own persons or to persons imported before */
const bundle = fc.record({
  persons: rowsOf(personRow, 8),
  attributes: rowsOf(
    fc.record({ person, kind: fc.nat(), value: fc.nat(), valid_from: day }).map((r) => {
      const attribute = attributes[r.kind % attributes.length]!
      const codes = attributeKinds[attribute].codes as readonly string[]
      // one key per person, attribute and day: the same day's value again is the same row (the database refuses two)
      const external_id = `A-${r.person}-${attribute}-${r.valid_from}`
      const value = codes[r.value % codes.length]!
      return { external_id, person_external_id: r.person, attribute, value, valid_from: r.valid_from }
    }),
    8,
  ),
  events: rowsOf(
    fc.record({
      external_id: key('E', 25),
      person_external_id: person,
      kind: fc.constantFrom('individual_interview', 'workshop', 'phone'),
      date: day,
      attendance: fc.constantFrom('present', 'absent', ''),
    }),
    10,
  ),
  enrolments: rowsOf(
    fc
      .record({
        external_id: key('I', 12),
        person_external_id: person,
        programme_code: fc.constantFrom('ML', 'ML', 'PLIE', 'CIVIS'),
        entry_date: day,
        exit: fc.option(fc.integer({ min: 0, max: 500 })),
        reinforced: fc.constantFrom('true', 'false'),
      })
      .map(({ exit, ...r }) => ({ ...r, exit_date: exit === null ? '' : later(r.entry_date, exit) })),
    8,
  ),
  propositions: rowsOf(
    fc.record({
      external_id: key('R', 20),
      person_external_id: person,
      date: day,
      theme: fc.constantFrom(...themes),
    }),
    8,
  ),
  situations: rowsOf(
    fc.record({
      external_id: key('S', 12),
      person_external_id: person,
      kind: fc.constantFrom(...situationKindCodes.slice(0, 6)),
      start_date: day,
    }),
    6,
  ),
})
type Bundle = typeof bundle extends fc.Arbitrary<infer T> ? T : never

async function importedPersons(): Promise<Set<string>> {
  const rows = await w.db.kysely
    .selectFrom('person')
    .select('external_id')
    .where('structure_id', '=', w.a.structureId)
    .where('external_id', 'is not', null)
    .execute()
  return new Set(rows.map((r) => r.external_id!))
}

/** the bundle as files: rows about a person neither in it nor imported before are left out (they would be refused) */
async function files(b: Bundle): Promise<Record<string, string>> {
  const known = await importedPersons()
  for (const p of b.persons) known.add(p.external_id)
  const about = <T extends { person_external_id: string }>(rows: T[]) =>
    rows.filter((r) => known.has(r.person_external_id))
  return {
    'persons.csv': csv(
      [
        'external_id',
        'last_name',
        'first_name',
        'sex',
        'birth_date',
        'site_code',
        'priority_area',
        'first_reception_date',
      ],
      b.persons,
    ),
    'person_attributes.csv': csv(
      ['external_id', 'person_external_id', 'attribute', 'value', 'valid_from'],
      about(b.attributes),
    ),
    'events.csv': csv(['external_id', 'person_external_id', 'kind', 'date', 'attendance'], about(b.events)),
    'enrolments.csv': csv(
      ['external_id', 'person_external_id', 'programme_code', 'entry_date', 'exit_date', 'reinforced'],
      about(b.enrolments),
    ),
    'propositions.csv': csv(['external_id', 'person_external_id', 'date', 'theme'], about(b.propositions)),
    'situations.csv': csv(['external_id', 'person_external_id', 'kind', 'start_date'], about(b.situations)),
  }
}

describe('Mission Locale facts and imports', () => {
  it('equal a rebuild after any imports, and the indicators read from them equal the raw rows', async () => {
    let imported = 0
    const runs = sampling(12, 20261203)
    await fc.assert(
      fc.asyncProperty(fc.array(bundle, { minLength: 1, maxLength: 3 }), async (bundles) => {
        for (const b of bundles) {
          const f = await files(b)
          await importInto(f).then(
            () => imported++,
            (error) => {
              // a refused import (a value the database alone refuses) must change nothing either
              if (!(error instanceof ImportFailed)) throw error
            },
          )
          const { kept, rebuilt } = await keptAndRebuilt(w.db, BUILT)
          expect(kept, JSON.stringify(f)).toEqual(rebuilt)
        }
        await expectReportsFromFactsEqualRaw(w, BUILT, (facts, raw, what) => expect(facts, what).toEqual(raw))
      }),
      { ...runs, endOnFailure: true },
    )
    expect(imported).toBeGreaterThan(runs.numRuns * 0.8)
    // the imports did reach the facts: persons of the built years with contacts and propositions
    const { rows } = await sql<{ n: number; contacts: number; propositions: number }>`
      SELECT count(*)::int AS n, count(*) FILTER (WHERE contact)::int AS contacts,
        coalesce(sum(propositions), 0)::int AS propositions
      FROM ml_person_year WHERE structure_id = ${w.a.structureId}`.execute(w.db.kysely)
    expect(rows[0]!.n).toBeGreaterThan(5)
    expect(rows[0]!.contacts).toBeGreaterThan(0)
    expect(rows[0]!.propositions).toBeGreaterThan(0)
  })

  it('a refused import leaves them as they were', async () => {
    await importInto({
      'persons.csv': csv(
        ['external_id', 'last_name', 'first_name', 'sex', 'birth_date', 'site_code'],
        [
          {
            external_id: 'Z1',
            last_name: 'Refus',
            first_name: 'Zoé',
            sex: 'F',
            birth_date: '1990-01-01',
            site_code: 'A',
          },
        ],
      ),
      'enrolments.csv': csv(
        ['external_id', 'person_external_id', 'programme_code', 'entry_date'],
        [{ external_id: 'ZI1', person_external_id: 'Z1', programme_code: 'ML', entry_date: '2009-01-01' }],
      ),
    })
    const before = await keptAndRebuilt(w.db, BUILT)
    const refused = importInto({
      'events.csv': csv(
        ['external_id', 'person_external_id', 'kind', 'date'],
        [
          { external_id: 'ZE1', person_external_id: 'Z1', kind: 'workshop', date: '2009-03-01' },
          { external_id: 'ZE2', person_external_id: 'nobody', kind: 'workshop', date: '2009-03-01' },
        ],
      ),
    })
    await expect(refused).rejects.toBeInstanceOf(ImportFailed)
    const after = await keptAndRebuilt(w.db, BUILT)
    expect(after.kept).toEqual(before.kept)
    expect(after.kept).toEqual(after.rebuilt)
  })

  it('the writes after an import, in its transaction, are kept at once', async () => {
    await w.db.kysely.transaction().execute(async (tx) => {
      await importBundle(
        tx,
        memorySource({
          'persons.csv': csv(
            ['external_id', 'last_name', 'first_name', 'sex', 'birth_date', 'site_code'],
            [
              {
                external_id: 'Y1',
                last_name: 'Après',
                first_name: 'Yves',
                sex: 'M',
                birth_date: '1991-01-01',
                site_code: 'A',
              },
            ],
          ),
          'enrolments.csv': csv(
            ['external_id', 'person_external_id', 'programme_code', 'entry_date'],
            [{ external_id: 'YI1', person_external_id: 'Y1', programme_code: 'ML', entry_date: '2009-01-01' }],
          ),
        }),
        { now: NOW, structureId: w.a.structureId },
      )
      const { id } = await tx
        .selectFrom('person')
        .select('id')
        .where('external_id', '=', 'Y1')
        .executeTakeFirstOrThrow()
      const contact = () =>
        tx
          .selectFrom('ml_person_year')
          .select('contact')
          .where('person_id', '=', id)
          .where('year', '=', 2009)
          .executeTakeFirstOrThrow()
      expect(await contact()).toEqual({ contact: false }) // the import's facts, recomputed at its end
      await sql`INSERT INTO event (structure_id, person_id, kind, date) VALUES (${w.a.structureId}, ${id}, 'workshop',
        '2009-05-01')`.execute(tx)
      expect(await contact()).toEqual({ contact: true }) // the triggers recompute again, statement by statement
    })
  })

  it('inside a bulk load, the import leaves the deferral alone: the load rebuilds at its end', async () => {
    await w.db.kysely.transaction().execute((tx) =>
      withFactsDeferred(tx, async () => {
        await importBundle(
          tx,
          memorySource({
            'persons.csv': csv(
              ['external_id', 'last_name', 'first_name', 'sex', 'birth_date', 'site_code'],
              [
                {
                  external_id: 'X1',
                  last_name: 'Lot',
                  first_name: 'Xavier',
                  sex: 'M',
                  birth_date: '1990-01-01',
                  site_code: 'B',
                },
              ],
            ),
            'enrolments.csv': csv(
              ['external_id', 'person_external_id', 'programme_code', 'entry_date'],
              [{ external_id: 'XI1', person_external_id: 'X1', programme_code: 'ML', entry_date: '2008-01-01' }],
            ),
          }),
          { now: NOW, structureId: w.a.structureId },
        )
        const { rows } = await sql<{ mode: string }>`SELECT current_setting('jalon.facts_deferred') AS mode`.execute(tx)
        expect(rows[0]!.mode).toBe('on')
      }),
    )
    const { kept, rebuilt } = await keptAndRebuilt(w.db, BUILT)
    expect(kept).toEqual(rebuilt)
    expect(kept.years.some((r) => (r as { person_id: string }).person_id)).toBe(true)
  })

  it('the noted persons are recomputed a chunk at a time, year after year', async () => {
    await w.db.kysely.transaction().execute(async (tx) => {
      const before = await sql`SELECT count(*)::int AS n FROM ml_person_year`.execute(tx)
      await noteWrites(tx)
      await sql`INSERT INTO ml_facts_noted (year, person_id) SELECT y, id FROM person, unnest(${BUILT}::smallint[]) AS y`.execute(
        tx,
      )
      // facts gone astray: the refresh puts them back from the rows
      await sql`DELETE FROM ml_person_year_theme`.execute(tx)
      await sql`UPDATE ml_person_year SET contact = NOT contact, propositions = propositions + 1`.execute(tx)
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ml_facts_noted`.execute(tx)
      const steps: number[] = []
      expect(await refreshNoted(tx, (done) => steps.push(done), 3)).toBe(rows[0]!.n)
      expect(steps.length).toBeGreaterThan(4)
      expect((await sql`SELECT count(*)::int AS n FROM ml_facts_noted`.execute(tx)).rows).toEqual([{ n: 0 }])
      expect((await sql`SELECT count(*)::int AS n FROM ml_person_year`.execute(tx)).rows).toEqual(before.rows)
    })
    const { kept, rebuilt } = await keptAndRebuilt(w.db, BUILT)
    expect(kept).toEqual(rebuilt)
  })
})
