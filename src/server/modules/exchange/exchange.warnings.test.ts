import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { getIndicator } from '../../reporting/catalogue.ts'
import { computeIndicator } from '../../reporting/engine.ts'
import {
  type Bundle,
  emptyDatabase,
  exportFrom,
  importInto,
  readBundle,
  withCell,
  withoutRows,
  withRow,
} from '../../test/exchange.builders.ts'
import { createTestDb, type TestDb } from '../../test/test-db.ts'
import { DOC_PATH } from './exchange.docs.ts'
import { formatIssue } from './exchange.errors.ts'

// An organisation migrating its history: what the import accepts but says (warnings), former communes, and the
// programme type that makes a person count in the annual report.

let db: TestDb
let other: TestDb
let example: Bundle
beforeAll(async () => {
  ;[db, other] = await Promise.all([createTestDb(), createTestDb()])
  example = await readBundle()
})
beforeEach(async () => {
  await emptyDatabase(db)
  await emptyDatabase(other)
})
afterAll(async () => {
  await db.drop()
  await other.drop()
})

const ML_ENROLMENTS = ['EN-4', 'EN-5', 'EN-6']
const messages = (r: { warnings: Parameters<typeof formatIssue>[0][] }) => r.warnings.map(formatIssue)
const youthInContact = (communeCode?: string) =>
  computeIndicator(db.kysely, getIndicator('ml.youth_in_contact'), {
    structureId: 'ml-littoral',
    period: { from: '2009-01-01', to: '2009-12-31' },
    scope: communeCode ? { communeCode } : undefined,
  })

describe('import warnings: persons the annual report would not count', () => {
  it('says nothing about the documented example, whose young people are enrolled in the Mission Locale programme', async () => {
    const report = await importInto(db, example)
    expect(report.warnings).toEqual([])
    expect((await youthInContact()).value).toBe(3)
  })

  it('imports a bundle with no Mission Locale enrolment, and says what the report counts and how to fix the bundle', async () => {
    const report = await importInto(db, withoutRows(example, 'enrolments.csv', 'external_id', ML_ENROLMENTS))
    expect(report.files.find((f) => f.file === 'persons.csv')).toMatchObject({ inserted: 4 })
    const [warning, ...rest] = messages(report)
    expect(rest).toEqual([])
    expect(warning).toMatch(
      /^persons\.csv : 4 personnes importées, mais aucune n’a d’inscription au programme Mission Locale \(ML\)/,
    )
    expect(warning).toContain(
      'ne comptent que les personnes inscrites, sur la période, à un programme de type mission_locale',
    )
    expect(warning).toContain('inscrire chaque jeune dans enrolments.csv (programme_code ML')
    expect(warning).toContain('docs/import-format.md')
    expect((await youthInContact()).value).toBe(0)
    // the page shows this very warning
    expect(await readFile(DOC_PATH, 'utf8')).toContain(`  Attention : ${warning}\n`)
  })

  it('tells a structure that has no Mission Locale programme at all to declare one', async () => {
    let b = withoutRows(example, 'enrolments.csv', 'external_id', ML_ENROLMENTS)
    b = withoutRows(b, 'programmes.csv', 'code', ['ML'])
    b = withCell(b, 'users.csv', 1, 'programme_codes', 'PLIE')
    b = withCell(b, 'users.csv', 3, 'programme_codes', 'PLIE')
    const [warning] = messages(await importInto(db, b))
    expect(warning).toContain('la structure n’a aucun programme Mission Locale (type mission_locale)')
    expect(warning).toContain('déclarer le programme dans programmes.csv (code ML, type mission_locale), puis inscrire')
  })

  it('goes by the programme’s type, not its code: a Mission Locale coded MLDK counts', async () => {
    let b = withCell(example, 'programmes.csv', 1, 'code', 'MLDK')
    for (const row of [1, 3]) b = withCell(b, 'users.csv', row, 'programme_codes', 'MLDK')
    for (const row of [4, 5, 6]) b = withCell(b, 'enrolments.csv', row, 'programme_code', 'MLDK')
    expect((await importInto(db, b)).warnings).toEqual([])
    expect((await youthInContact()).value).toBe(3)
  })

  it('stays quiet when the bundle holds no person file (the configuration alone)', async () => {
    const config = Object.fromEntries(
      ['structure.csv', 'sites.csv', 'programmes.csv', 'users.csv'].map((f) => [f, example[f]!]),
    )
    expect((await importInto(db, config)).warnings).toEqual([])
  })
})

describe('programmes.csv: the type column', () => {
  const typeOf = (code: string) =>
    db.kysely
      .selectFrom('programme')
      .select('type')
      .where('code', '=', code)
      .executeTakeFirstOrThrow()
      .then((r) => r.type)

  it('takes the type as written; an empty cell guesses it from the code for a new programme', async () => {
    let b = withCell(example, 'programmes.csv', 3, 'type', '')
    b = withRow(b, 'programmes.csv', { code: 'PARRAINAGE', name: 'Parrainage', kind: 'scheme' })
    b = withRow(b, 'programmes.csv', { code: 'GJ', name: 'Garantie jeunes', kind: 'scheme', type: 'cej' })
    await importInto(db, b)
    expect(await typeOf('ML')).toBe('mission_locale')
    expect(await typeOf('CEJ')).toBe('cej')
    expect(await typeOf('PARRAINAGE')).toBe('mentoring')
    expect(await typeOf('GJ')).toBe('cej')
  })

  it('keeps the stored type when a later bundle leaves the cell empty, changes it when the cell says so', async () => {
    await importInto(db, withCell(example, 'programmes.csv', 3, 'type', 'other'))
    const empty = await importInto(db, withCell(example, 'programmes.csv', 3, 'type', ''))
    expect(empty.files.find((f) => f.file === 'programmes.csv')).toMatchObject({ updated: 0, unchanged: 3 })
    expect(await typeOf('CEJ')).toBe('other')
    const changed = await importInto(db, example)
    expect(changed.files.find((f) => f.file === 'programmes.csv')).toMatchObject({ updated: 1, unchanged: 2 })
    expect(await typeOf('CEJ')).toBe('cej')
  })

  it('refuses a type outside the list, naming the list', async () => {
    await expect(importInto(db, withCell(example, 'programmes.csv', 1, 'type', 'ml'))).rejects.toMatchObject({
      issues: [
        expect.objectContaining({
          file: 'programmes.csv',
          line: 2,
          column: 'type',
          message: expect.stringMatching(/^code inconnu « ml » \(.*mission_locale/),
        }),
      ],
    })
  })
})

describe('former communes: a history goes back years', () => {
  const saintPol = () => withCell(example, 'persons.csv', 1, 'commune_code', '59540')

  it('imports a person of Saint-Pol-sur-Mer (59540), kept as written, and says where it is counted', async () => {
    const report = await importInto(db, saintPol())
    const lea = await db.kysely
      .selectFrom('person')
      .select(['commune_code', 'commune_name'])
      .where('external_id', '=', 'P3-000101')
      .executeTakeFirstOrThrow()
    expect(lea).toEqual({ commune_code: '59540', commune_name: 'Saint-Pol-sur-Mer (Dunkerque)' })
    expect(messages(report)).toEqual([
      'persons.csv, colonne commune_code : 1 personne avec le code d’une ancienne commune : 59540 Saint-Pol-sur-Mer → ' +
        '59183 Dunkerque (1 personne). Le code est gardé tel qu’écrit ; les rapports par commune les comptent dans la ' +
        'commune actuelle.',
    ])
  })

  it('counts that person in Dunkerque (59183) in a report on the commune', async () => {
    await importInto(db, saintPol())
    // Léa (59540) and Jean-Marc (59183) live in Dunkerque; Jean-Marc is not in the Mission Locale programme
    expect((await youthInContact('59183')).value).toBe(1)
    expect((await youthInContact('59540')).value).toBe(1)
    expect((await youthInContact('59271')).value).toBe(1) // Kevin, Grande-Synthe
  })

  it('gives the code back as written: export → import → export is byte-identical', async () => {
    await importInto(db, saintPol())
    const first = await exportFrom(db)
    expect(first['persons.csv']).toContain(',59140,59540,qpv,A-DK-CTR,')
    await importInto(other, first)
    expect(await exportFrom(other)).toEqual(first)
  })

  it('lets a site serve the successor of a former commune it names, and says so', async () => {
    const report = await importInto(db, withCell(example, 'sites.csv', 1, 'commune_codes', '59540|59183|59248'))
    const communes = await db.kysely
      .selectFrom('site_commune as c')
      .innerJoin('site as s', 's.id', 'c.site_id')
      .select(['c.commune_code', 'c.commune_name'])
      .where('s.code', '=', 'A-DK-CTR')
      .execute()
    expect(communes).toEqual([{ commune_code: '59183', commune_name: 'Dunkerque' }])
    expect(messages(report)).toEqual([
      'sites.csv, ligne 2, colonne commune_codes : 59540 (Saint-Pol-sur-Mer) est une ancienne commune : le site ' +
        'dessert 59183 (Dunkerque), la commune actuelle.',
      'sites.csv, ligne 2, colonne commune_codes : 59248 (Fort-Mardyck) est une ancienne commune : le site dessert ' +
        '59183 (Dunkerque), la commune actuelle.',
    ])
    // the same bundle again changes nothing
    const again = await importInto(db, withCell(example, 'sites.csv', 1, 'commune_codes', '59540|59183|59248'))
    expect(again.files.find((f) => f.file === 'sites.csv')).toMatchObject({ updated: 0, unchanged: 3 })
  })

  it('still refuses a code that never was a commune', async () => {
    await expect(importInto(db, withCell(example, 'persons.csv', 1, 'commune_code', '59999'))).rejects.toMatchObject({
      issues: [
        { file: 'persons.csv', line: 2, column: 'commune_code', message: 'code commune INSEE inconnu « 59999 »' },
      ],
    })
  })
})
