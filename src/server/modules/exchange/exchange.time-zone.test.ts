import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  type Bundle,
  emptyDatabase,
  exportFrom,
  importInto,
  readBundle,
  withCell,
  withRow,
} from '../../test/exchange.builders.ts'
import { createTestDb, type TestDb } from '../../test/test-db.ts'
import { formatIssue, ImportFailed } from './exchange.errors.ts'

// structure.csv carries the structure's time zone, and the import's "today" is the structure's day.
let db: TestDb
let example: Bundle
beforeAll(async () => {
  db = await createTestDb()
  example = await readBundle()
})
beforeEach(() => emptyDatabase(db))
afterAll(() => db.drop())

const inZone = (zone: string) => withCell(example, 'structure.csv', 1, 'time_zone', zone)
const zoneOf = async () =>
  (await db.kysely.selectFrom('structure').select('time_zone').executeTakeFirstOrThrow()).time_zone
const issuesOf = (bundle: Bundle, now?: Date) =>
  importInto(db, bundle, now ? { now } : {}).then(
    () => [],
    (e: unknown) => {
      if (!(e instanceof ImportFailed)) throw e
      return e.issues.map(formatIssue)
    },
  )

describe('the structure’s time zone in a bundle', () => {
  it('creates the structure in the bundle’s zone and exports it back', async () => {
    await importInto(db, inZone('Indian/Reunion'))
    expect(await zoneOf()).toBe('Indian/Reunion')
    expect((await exportFrom(db))['structure.csv']).toContain(',Indian/Reunion\n')
  })

  it('reads an older bundle without the column, and an empty cell, as Europe/Paris', async () => {
    await importInto(db, { ...example, 'structure.csv': 'id,name\nml-littoral,Mission Locale\n' })
    expect(await zoneOf()).toBe('Europe/Paris')
    await emptyDatabase(db)
    await importInto(db, inZone(''))
    expect(await zoneOf()).toBe('Europe/Paris')
  })

  it('refuses an unknown zone, naming the column', async () => {
    expect(await issuesOf(inZone('Europe/Dunkerque'))).toEqual([
      'structure.csv, ligne 2, colonne time_zone : fuseau horaire inconnu « Europe/Dunkerque » (un nom IANA, par exemple Europe/Paris ou Indian/Reunion)',
    ])
  })

  it('judges "in the future" on the structure’s day', async () => {
    // 21:30 UTC on 1 March: already the 2nd in Réunion, still the 1st in Paris
    const now = new Date('2026-03-01T21:30:00Z')
    const bornOnThe2nd = (zone: string) =>
      withRow(inZone(zone), 'persons.csv', {
        external_id: 'NEWBORN',
        last_name: 'Martin',
        first_name: 'Nina',
        sex: 'F',
        birth_date: '2026-03-02',
        site_code: 'A-DK-CTR',
      })
    expect(await issuesOf(bornOnThe2nd('Indian/Reunion'), now)).toEqual([])
    await emptyDatabase(db)
    const refused = await issuesOf(bornOnThe2nd('Europe/Paris'), now)
    expect(refused.some((m) => m.includes('colonne birth_date') && m.includes('dans le futur'))).toBe(true)
  })
})
